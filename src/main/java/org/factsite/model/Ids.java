package org.factsite.model;

import java.util.regex.Pattern;

/** The shapes that ids and slugs must have. */
public final class Ids {
  /** Statistic, source and chart ids: lowercase letters, digits, underscores and hyphens. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  /** Page slugs: lowercase letters, digits and hyphens. */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private Ids() {}

  public static String requireId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("bad id: " + id);
    }
    return id;
  }
}
