package org.factsite.check;

import java.util.Map;
import org.factsite.render.markdown.RenderedBody;
import org.jsoup.nodes.Element;

/**
 * One element as the checks read it: its name and its attributes, either from a parsed page or from
 * a start tag an article's renderer recorded. {@link PageScan} and {@link CspCheck} read both kinds
 * through this, so what an element offers as an anchor, links to, loads or breaks of the policy is
 * written once, and a body's recorded tags are read without making jsoup elements of them.
 */
interface ElementView {
  /** The element's name, in lower case. */
  String name();

  /** Whether it has the attribute {@code key} (in lower case). */
  boolean has(String key);

  /** The value of the attribute {@code key} (in lower case); empty when it has none. */
  String attr(String key);

  /** Whether it has any attribute at all. */
  boolean hasAttributes();

  /** Its attributes, in the order written. */
  Iterable<? extends Map.Entry<String, String>> attributes();

  /** A parsed element, read as jsoup reads it (attribute names without regard to case). */
  static ElementView of(Element el) {
    return new Parsed(el);
  }

  /**
   * A recorded tag, or null when it is not written as jsoup would hold it: a name or an attribute
   * name not already in lower case and trimmed, or a missing value. jsoup changes those as it makes
   * an element of the tag, so such a tag is read through a jsoup element instead.
   */
  static ElementView ofTag(RenderedBody.Tag tag) {
    if (!isNormal(tag.name())) {
      return null;
    }
    for (Map.Entry<String, String> a : tag.attributes().entrySet()) {
      if (!isNormal(a.getKey()) || a.getValue() == null) {
        return null;
      }
    }
    return new Recorded(tag.name(), tag.attributes());
  }

  /** Whether {@code name} is non-empty, in lower case and without white space at either end. */
  private static boolean isNormal(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z' || c > 0x7f) {
        return false;
      }
    }
    return name.charAt(0) > ' ' && name.charAt(name.length() - 1) > ' ';
  }

  /** A jsoup element. */
  final class Parsed implements ElementView {
    private final Element el;

    private Parsed(Element el) {
      this.el = el;
    }

    @Override
    public String name() {
      return el.normalName();
    }

    @Override
    public boolean has(String key) {
      return el.hasAttr(key);
    }

    @Override
    public String attr(String key) {
      return el.attr(key);
    }

    @Override
    public boolean hasAttributes() {
      return el.attributesSize() > 0; // attributes() would make an empty set for most elements
    }

    @Override
    public Iterable<? extends Map.Entry<String, String>> attributes() {
      return el.attributes();
    }
  }

  /** A recorded tag whose name and attribute names are already as jsoup would hold them. */
  final class Recorded implements ElementView {
    private final String name;
    private final Map<String, String> attributes;

    private Recorded(String name, Map<String, String> attributes) {
      this.name = name;
      this.attributes = attributes;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean has(String key) {
      return attributes.containsKey(key);
    }

    @Override
    public String attr(String key) {
      String v = attributes.get(key);
      return v == null ? "" : v;
    }

    @Override
    public boolean hasAttributes() {
      return !attributes.isEmpty();
    }

    @Override
    public Iterable<? extends Map.Entry<String, String>> attributes() {
      return attributes.entrySet();
    }
  }
}
