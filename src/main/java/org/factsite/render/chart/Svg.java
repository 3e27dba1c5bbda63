package org.factsite.render.chart;

/** Number formatting for JFreeSVG and the small, string-level edits made to its output. */
final class Svg {
  private Svg() {}

  /** Coordinates to 0.1 px, shortest form: {@code 12}, {@code 12.5}, {@code -0.3}; never "-0". */
  static String tenth(double d) {
    return round(d, 1);
  }

  /** Transform matrix entries to 0.001, enough for rotation terms and sub-pixel offsets. */
  static String thousandth(double d) {
    return round(d, 3);
  }

  private static String round(double d, int places) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "0";
    }
    long scale = places == 1 ? 10 : 1000;
    long r = Math.round(d * scale);
    if (r == 0) {
      return "0";
    }
    long whole = Math.abs(r) / scale;
    long frac = Math.abs(r) % scale;
    StringBuilder out = new StringBuilder(12);
    if (r < 0) {
      out.append('-');
    }
    out.append(whole);
    if (frac != 0) {
      String digits = Long.toString(frac + scale).substring(1); // zero-padded
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(digits, 0, end);
    }
    return out.toString();
  }

  /**
   * Makes the root element an accessible image: {@code role="img"}, a name from {@code <title>} and
   * a description from {@code <desc>}, inserted as the first children.
   *
   * @param svg one {@code <svg ...>...</svg>} element, as JFreeSVG writes it
   */
  static String accessible(String svg, String idPrefix, String title, String desc) {
    int rootStart = svg.indexOf("<svg");
    int rootEnd = svg.indexOf('>', rootStart);
    if (rootStart < 0 || rootEnd < 0 || svg.charAt(rootEnd - 1) == '/') {
      throw new IllegalArgumentException("not an svg element with children");
    }
    String titleId = idPrefix + "-title";
    String descId = idPrefix + "-desc";
    boolean hasDesc = desc != null && !desc.isBlank();
    StringBuilder out = new StringBuilder(svg.length() + 512);
    out.append(svg, 0, rootEnd);
    out.append(" role=\"img\" aria-labelledby=\"").append(titleId).append('"');
    if (hasDesc) {
      out.append(" aria-describedby=\"").append(descId).append('"');
    }
    out.append('>');
    out.append("<title id=\"").append(titleId).append("\">");
    out.append(escape(title == null ? "" : title)).append("</title>");
    if (hasDesc) {
      out.append("<desc id=\"").append(descId).append("\">").append(escape(desc)).append("</desc>");
    }
    out.append(svg, rootEnd + 1, svg.length());
    return out.toString();
  }

  /** Escapes text for XML content or a quoted attribute; drops characters XML 1.0 forbids. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (allowedInXml(cp)) {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean allowedInXml(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
