package org.factsite.model;

/**
 * The shapes that ids and slugs must have. Checked by hand rather than by regular expression: every
 * article's slug and folders are checked on every build, and a matcher is an object and an
 * interpreted pattern each time.
 */
public final class Ids {
  private Ids() {}

  /**
   * Whether {@code s} is a statistic, source or chart id: a lowercase letter or digit, then
   * lowercase letters, digits, underscores and hyphens ({@code [a-z0-9][a-z0-9_-]*}).
   */
  public static boolean isId(String s) {
    return shaped(s, true);
  }

  /**
   * Whether {@code s} is a page slug: a lowercase letter or digit, then lowercase letters, digits
   * and hyphens ({@code [a-z0-9][a-z0-9-]*}).
   */
  public static boolean isSlug(String s) {
    return shaped(s, false);
  }

  private static boolean shaped(String s, boolean underscores) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          c >= 'a' && c <= 'z'
              || c >= '0' && c <= '9'
              || i > 0 && (c == '-' || underscores && c == '_');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  public static String requireId(String id) {
    if (id == null || !isId(id)) {
      throw new IllegalArgumentException("bad id: " + id);
    }
    return id;
  }
}
