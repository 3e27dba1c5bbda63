package org.factsite.render.markdown;

import java.util.Locale;
import java.util.Set;

/**
 * Decides what a link destination written in Markdown is, and whether it may reach a page. Browsers
 * ignore whitespace and control characters inside a scheme and compare it case-insensitively, so
 * the scheme is read the same way before it is checked.
 */
public final class LinkPolicy {
  /** What kind of destination a link has. */
  public enum Kind {
    /** {@code #section}: an anchor on the same page. */
    ANCHOR,
    /** {@code /get-help/}: a page of this site, written from the site root. */
    SITE_ROOT,
    /** {@code ../x/}: relative to the current page. */
    RELATIVE,
    /** http, https or mailto. */
    EXTERNAL,
    /** Anything else: javascript:, data:, file:, protocol-relative {@code //host}… */
    REFUSED
  }

  private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");

  private LinkPolicy() {}

  public static Kind classify(String destination) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < destination.length(); i++) {
      char c = destination.charAt(i);
      if (c > 0x20 && c != 0x7f) {
        b.append(c);
      }
    }
    String d = b.toString().toLowerCase(Locale.ROOT);
    if (d.isEmpty()) {
      return Kind.REFUSED;
    }
    if (d.startsWith("//") || d.startsWith("\\") || d.startsWith("/\\")) {
      return Kind.REFUSED;
    }
    int colon = d.indexOf(':');
    int firstDelimiter = firstOf(d, "/?#");
    if (colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter)) {
      String scheme = d.substring(0, colon);
      return ALLOWED_SCHEMES.contains(scheme) ? Kind.EXTERNAL : Kind.REFUSED;
    }
    if (d.startsWith("#")) {
      return Kind.ANCHOR;
    }
    if (d.startsWith("/")) {
      return Kind.SITE_ROOT;
    }
    return Kind.RELATIVE;
  }

  private static int firstOf(String s, String chars) {
    int best = -1;
    for (char c : chars.toCharArray()) {
      int i = s.indexOf(c);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  /**
   * A site-root link made relative to a page: {@code /get-help/} seen from {@code a/index.html}
   * ({@code rootPrefix "../"}) is {@code ../get-help/}; the home page link is {@code ./} there.
   */
  public static String relativise(String siteRootLink, String rootPrefix) {
    String rest = siteRootLink.substring(1);
    String out = rootPrefix + rest;
    if (out.isEmpty()) {
      return "./";
    }
    if (out.startsWith("#") || out.startsWith("?")) {
      return "./" + out;
    }
    return out;
  }
}
