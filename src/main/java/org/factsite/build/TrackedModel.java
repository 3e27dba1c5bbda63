package org.factsite.build;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A page's template model that remembers which top-level variables the templates read. FreeMarker
 * reads a {@code Map} model through {@code DefaultMapAdapter}, which calls {@link #get} for every
 * lookup, so after rendering {@link #read} names exactly what the page depended on: a page whose
 * templates never mention {@code pages} need not be re-rendered when the list of pages changes.
 */
final class TrackedModel extends HashMap<String, Object> {
  private static final long serialVersionUID = 1L;
  private final transient Set<String> read = new TreeSet<>();

  TrackedModel(Map<String, Object> model) {
    super(model);
  }

  @Override
  public Object get(Object key) {
    if (key instanceof String s) {
      read.add(s);
    }
    return super.get(key);
  }

  /** The top-level variables read so far. */
  Set<String> read() {
    return read;
  }
}
