package org.factsite.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factsite.render.markdown.RenderedBody;

/**
 * Reads the start tags of a page's frame, or of one item of a list, without jsoup, when the HTML is
 * written in a strict subset of the language: then an HTML parser's tree holds exactly one element
 * for each start tag, in the order written, with the attributes written, and nothing else. Loading
 * and warming jsoup's parser costs a tenth of a thousand-page build; most sites' frames are written
 * in this subset, and anything else gives null, and the caller parses as before.
 *
 * <p>The subset, and why the parser reads it as written:
 *
 * <ul>
 *   <li>A page is {@code <!DOCTYPE html>}, {@code <html>}, {@code <head>} holding only {@code
 *       <meta>}, {@code <link>} and a {@code <title>} without {@code <}, then {@code </head>},
 *       {@code <body>}, its content, {@code </body>} and at most {@code </html>}, with nothing but
 *       space between. The parser makes no element of its own before or after the body.
 *   <li>In the body, only {@link #FLOW} and {@link #PHRASING} elements. A paragraph, a heading or a
 *       phrasing element holds only phrasing, a list item stands directly in a {@code <ul>} or
 *       {@code <ol>}, a term or description directly in a {@code <dl>}, and no link holds a link:
 *       so no start tag makes the parser close an open element (a paragraph, a heading, an item, a
 *       link), and every formatting element it keeps a note of is still open when text comes, so it
 *       reopens none.
 *   <li>Every end tag names the element open last, so it closes just that one; void elements
 *       ({@link #VOID}) have no end tag, and only they may be written {@code />}. Fewer than {@link
 *       #MAX_DEPTH} open at once.
 *   <li>No tag that changes how the following text is read (scripts, styles, text areas, a title in
 *       the body), no foreign content, tables, forms or templates; text holds no {@code <} but the
 *       tags and comments read here. A character reference in text is read within the text.
 *   <li>Tag and attribute names in lower case, values in double quotes without {@code &} (nothing
 *       to decode), no attribute twice.
 *   <li>Comments in the body only, none the tokenizer would end early or read apart.
 * </ul>
 *
 * <p>The characters the frame's skeleton stands in ({@link FrameSkeleton}) must stand where it
 * meant them, as {@link FrameShapes#standInsWhereMeant} checks of a parse; a frame's body markers
 * ({@link BodySplice}) must stand as {@code PageScan} requires (the {@code <col>} marker in the
 * body, where the parser ignores it; the comment once, in plain flow, followed by the text marker,
 * the only one). Otherwise the answer is null here too, and the parse decides. {@code
 * StrictTagsTest} compares the tags with jsoup's tree on random documents on both sides of the
 * subset's edge.
 */
final class StrictTags {
  /** A frame's start tags in the order written, and how many came before the body's marker. */
  record Frame(List<RenderedBody.Tag> tags, int bodyAt) {}

  /** Elements read in the body's flow, which may hold flow (but see {@link #PHRASING_ONLY}). */
  static final Set<String> FLOW =
      Set.of(
          "div",
          "main",
          "article",
          "section",
          "aside",
          "header",
          "footer",
          "nav",
          "blockquote",
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "dl",
          "li",
          "dt",
          "dd",
          "hr");

  /** Phrasing elements the parser opens as written: ordinary ones and its formatting elements. */
  static final Set<String> PHRASING =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i",
          "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
          "time", "u", "var", "wbr");

  /** Elements that may hold phrasing only: a block inside would close a paragraph or heading. */
  private static final Set<String> PHRASING_ONLY = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6");

  /** Elements without content or end tag. */
  private static final Set<String> VOID = Set.of("br", "hr", "img", "wbr", "meta", "link");

  /** Elements a {@code <head>} may hold here. */
  private static final Set<String> HEAD = Set.of("meta", "link", "title");

  /** Deeper than this, a parser may stop nesting elements as written. */
  static final int MAX_DEPTH = 100;

  private static final String COL_MARKER = "<col " + BodySplice.COL_ATTRIBUTE + ">";
  private static final String COMMENT_MARKER = "<!--" + BodySplice.COMMENT_DATA + "-->";

  private final String s;
  private final boolean frame;
  private int i;
  private final List<RenderedBody.Tag> tags = new ArrayList<>();
  private final List<String> open = new ArrayList<>();
  private int bodyAt = -1;
  private boolean hasText;

  /** The name and attributes of the start tag read last, and whether it was written {@code />}. */
  private String name;

  private Map<String, String> attributes;
  private boolean selfClosing;

  private StrictTags(String s, boolean frame) {
    this.s = s;
    this.frame = frame;
  }

  /**
   * The start tags of a frame's skeleton ({@link FrameSkeleton}) and where its body goes; null when
   * it is not in the subset or its markers or stand-ins do not stand as meant.
   */
  static Frame frame(String skeleton) {
    StrictTags r = new StrictTags(skeleton, true);
    return r.readPage() && r.bodyAt >= 0 && r.textMarkers() == 1
        ? new Frame(r.tags, r.bodyAt)
        : null;
  }

  /**
   * The start tags of {@code fragment}, read in a page's body, when it is one element whose start
   * tag is {@code openLength} characters long and which holds some text, all in the subset, without
   * a comment or a character reference in its text (anything the parser might call an error), with
   * value stand-ins only as whole values; else null.
   */
  static List<RenderedBody.Tag> fragment(String fragment, int openLength) {
    StrictTags r = new StrictTags(fragment, false);
    if (!fragment.startsWith("<")
        || !r.startTag()
        || r.i != openLength
        || !r.opens(null)
        || r.open.isEmpty()
        || !r.readContent(null)
        || r.i != fragment.length()
        || !r.hasText) {
      return null;
    }
    return r.tags;
  }

  /** Reads the whole page; false when it leaves the subset. */
  private boolean readPage() {
    space();
    if (!s.regionMatches(true, i, "<!doctype html>", 0, 15)) {
      return false;
    }
    i += 15;
    space();
    if (!startTagNamed("html")) {
      return false;
    }
    open.add("html");
    space();
    if (!startTagNamed("head")) {
      return false;
    }
    if (!readHead()) {
      return false;
    }
    space();
    if (!startTagNamed("body")) {
      return false;
    }
    open.add("body");
    if (!readContent("body")) {
      return false;
    }
    space();
    if (s.startsWith("</html>", i)) {
      i += 7;
      space();
    }
    return i == s.length();
  }

  /** Reads the head's content and its end tag. */
  private boolean readHead() {
    while (true) {
      space();
      if (s.startsWith("</head>", i)) {
        i += 7;
        return true;
      }
      if (!startTag() || !HEAD.contains(name) || selfClosing && !VOID.contains(name)) {
        return false;
      }
      if (name.equals("title")) {
        int end = s.indexOf("</title>", i);
        if (end < 0 || s.lastIndexOf('<', end - 1) >= i || !text(i, end)) {
          return false;
        }
        i = end + 8;
      }
    }
  }

  /**
   * Reads the content of the element open last up to its end tag ({@code </body>} for {@code until}
   * "body"), or for a fragment ({@code until} null) up to the end of the element opened first.
   */
  private boolean readContent(String until) {
    int n = s.length();
    while (i < n) {
      int lt = s.indexOf('<', i);
      if (lt < 0 || !text(i, lt)) {
        return false;
      }
      i = lt;
      if (s.startsWith("</", i)) {
        String top = open.get(open.size() - 1);
        int end = i + 2 + top.length();
        if (!s.startsWith(top, i + 2) || end >= n || s.charAt(end) != '>') {
          return false;
        }
        i = end + 1;
        open.remove(open.size() - 1);
        if (top.equals(until) || until == null && open.isEmpty()) {
          return true;
        }
      } else if (s.startsWith("<!--", i)) {
        if (!comment()) {
          return false;
        }
      } else if (frame && s.startsWith(COL_MARKER, i)) {
        i += COL_MARKER.length(); // ignored by the parser in the body, as BodySplice requires
      } else if (!startTag() || !opens(open.get(open.size() - 1))) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the start tag read last may stand in {@code parent} (null: the body) as written; if so,
   * it is recorded, and opened unless void.
   */
  private boolean opens(String parent) {
    boolean isVoid = VOID.contains(name);
    boolean allowed =
        PHRASING.contains(name)
            ? !name.equals("a") || !open.contains("a")
            : FLOW.contains(name)
                && (parent == null || !PHRASING.contains(parent) && !PHRASING_ONLY.contains(parent))
                && switch (name) {
                  case "li" -> "ul".equals(parent) || "ol".equals(parent);
                  case "dt", "dd" -> "dl".equals(parent);
                  default -> true;
                };
    if (!allowed
        || !frame && parent == null && isVoid
        || selfClosing && !isVoid
        || open.size() >= MAX_DEPTH) {
      return false;
    }
    if (!isVoid) {
      open.add(name);
    }
    return true;
  }

  /** Reads a start tag with the given name and records it. */
  private boolean startTagNamed(String expected) {
    return startTag() && name.equals(expected) && !selfClosing;
  }

  /**
   * Reads the start tag at {@code i} into {@link #name}, {@link #attributes} and {@link
   * #selfClosing}, and records it; false when it is not written as the subset allows.
   */
  private boolean startTag() {
    int n = s.length();
    int at = i + 1;
    if (at >= n || s.charAt(i) != '<') {
      return false;
    }
    int nameEnd = at;
    while (nameEnd < n && isLowerOrDigit(s.charAt(nameEnd))) {
      nameEnd++;
    }
    if (nameEnd == at || !isLower(s.charAt(at))) {
      return false;
    }
    name = s.substring(at, nameEnd);
    attributes = Map.of();
    selfClosing = false;
    int j = nameEnd;
    while (true) {
      if (j >= n) {
        return false;
      }
      char c = s.charAt(j);
      if (c == '>') {
        break;
      }
      if (c == '/') {
        if (j + 1 >= n || s.charAt(j + 1) != '>') {
          return false;
        }
        selfClosing = true;
        j++;
        break;
      }
      if (!isSpace(c)) {
        return false;
      }
      while (j < n && isSpace(s.charAt(j))) {
        j++;
      }
      if (j < n && (s.charAt(j) == '>' || s.charAt(j) == '/')) {
        continue;
      }
      j = attribute(j);
      if (j < 0) {
        return false;
      }
    }
    i = j + 1;
    tags.add(new RenderedBody.Tag(name, attributes));
    return true;
  }

  /** Reads the attribute at {@code j} into {@link #attributes}: where it ends, or -1. */
  private int attribute(int j) {
    int n = s.length();
    int from = j;
    if (j >= n || !isLower(s.charAt(j))) {
      return -1;
    }
    while (j < n && isNameChar(s.charAt(j))) {
      j++;
    }
    String key = s.substring(from, j);
    String value = "";
    if (j < n && s.charAt(j) == '=') {
      if (j + 1 >= n || s.charAt(j + 1) != '"') {
        return -1;
      }
      int close = s.indexOf('"', j + 2);
      value = close < 0 ? null : value(key, j + 2, close);
      if (value == null) {
        return -1;
      }
      j = close + 1;
      if (j < n && !isSpace(s.charAt(j)) && s.charAt(j) != '>' && s.charAt(j) != '/') {
        return -1;
      }
    } else if (j < n && !isSpace(s.charAt(j)) && s.charAt(j) != '>' && s.charAt(j) != '/') {
      return -1;
    }
    if (attributes.isEmpty()) {
      attributes = new LinkedHashMap<>(4);
    }
    return attributes.putIfAbsent(key, value) == null ? j : -1;
  }

  /**
   * The value {@code s[from, to)} as the parser reads it, or null when it holds anything the parser
   * or the checks treat apart, or a character reference not read here ({@link #reference}). A
   * skeleton's value stand-in may only be a whole value where it may stand: an unread attribute's,
   * in a frame; any attribute's, in a list's item.
   */
  private String value(String key, int from, int to) {
    StringBuilder decoded = null;
    int copied = from;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c == '&') {
        int semi = s.indexOf(';', k);
        int ch = semi < 0 || semi >= to ? -1 : reference(s, k + 1, semi);
        if (ch < 0) {
          return null;
        }
        if (decoded == null) {
          decoded = new StringBuilder(to - from);
        }
        decoded.append(s, copied, k).append((char) ch);
        copied = semi + 1;
        k = semi;
      } else if (c == '<' || c == 0 || c == '\r' || FrameSkeleton.isStandIn(c)) {
        boolean standIn =
            to - from == 1
                && c == FrameSkeleton.VALUE
                && (!frame || FrameSkeleton.UNREAD.contains(key));
        return standIn ? String.valueOf(c) : null;
      }
    }
    return decoded == null ? s.substring(from, to) : decoded.append(s, copied, to).toString();
  }

  /**
   * The character the reference named {@code s[from, to)} (between {@code &} and {@code ;}) stands
   * for, when it is one FreeMarker's HTML escaping writes ({@code amp}, {@code lt}, {@code gt},
   * {@code quot}, {@code #39}) or any other number of a printable ASCII character, which every HTML
   * parser reads alike; else -1.
   */
  static int reference(String s, int from, int to) {
    switch (s.substring(from, to)) {
      case "amp" -> {
        return '&';
      }
      case "lt" -> {
        return '<';
      }
      case "gt" -> {
        return '>';
      }
      case "quot" -> {
        return '"';
      }
      default -> {}
    }
    boolean hex = to - from > 2 && s.charAt(from + 1) == 'x';
    int digits = from + (hex ? 2 : 1);
    if (to - from < 2 || s.charAt(from) != '#' || to - digits > 6) {
      return -1;
    }
    int n = 0;
    for (int k = digits; k < to; k++) {
      int d = Character.digit(s.charAt(k), hex ? 16 : 10);
      if (d < 0 || s.charAt(k) > 'f') {
        return -1;
      }
      n = n * (hex ? 16 : 10) + d;
    }
    return n >= 0x20 && n < 0x7f ? n : -1;
  }

  /**
   * Whether {@code s[from, to)} is text read as written: no NUL and no value stand-in; in a list's
   * item, no reference either. Notes whether it holds more than space.
   */
  private boolean text(int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (c == 0 || c == FrameSkeleton.VALUE || c == '&' && !frame) {
        return false;
      }
      hasText |= !isSpace(c);
    }
    return true;
  }

  /**
   * Reads a comment in the body. The body's marker comment is noted where it stands when it stands
   * as {@link BodySplice#standsInFlow} requires, once; any other comment must hold nothing the
   * tokenizer ends early or treats apart, and no stand-in.
   */
  private boolean comment() {
    if (!frame) {
      return false;
    }
    if (s.startsWith(COMMENT_MARKER, i)) {
      i += COMMENT_MARKER.length();
      if (bodyAt >= 0 || !s.startsWith(BodySplice.TEXT, i) || !inPlainFlow()) {
        return false;
      }
      bodyAt = tags.size();
      return true;
    }
    int from = i + 4;
    int end = s.indexOf("-->", from);
    if (end < 0) {
      return false;
    }
    String data = s.substring(from, end);
    if (data.startsWith(">")
        || data.startsWith("->")
        || data.endsWith("-")
        || data.contains("--")
        || data.contains("<!-")
        || data.equals(BodySplice.COMMENT_DATA)) {
      return false;
    }
    for (int k = 0; k < data.length(); k++) {
      if (FrameSkeleton.isStandIn(data.charAt(k)) || data.charAt(k) == 0) {
        return false;
      }
    }
    i = end + 3;
    return true;
  }

  /** Whether every open element is a plain flow container, as the body's marker needs. */
  private boolean inPlainFlow() {
    for (String e : open) {
      if (!BodySplice.isPlainFlow(e)) {
        return false;
      }
    }
    return true;
  }

  /** How many times the text marker is written in the frame. */
  private int textMarkers() {
    int count = 0;
    for (int k = s.indexOf(BodySplice.TEXT); k >= 0; k = s.indexOf(BodySplice.TEXT, k + 1)) {
      count++;
    }
    return count;
  }

  private void space() {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
  }

  /**
   * HTML's space, as the parser takes it between tags and attributes (a CR too: no CRLF is lost).
   */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isLowerOrDigit(char c) {
    return isLower(c) || c >= '0' && c <= '9';
  }

  private static boolean isNameChar(char c) {
    return isLowerOrDigit(c) || c == '-' || c == '_' || c == ':';
  }
}
