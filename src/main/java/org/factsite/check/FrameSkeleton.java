package org.factsite.check;

import java.util.List;
import java.util.Set;

/**
 * A page's frame with what no check reads taken out: each run of text between a {@code >} and the
 * next {@code <} that holds a letter, digit or other solid character becomes one {@link #TEXT}
 * character, and the value of an attribute no check reads ({@code datetime}, {@code title} …) one
 * {@link #VALUE} character. Pages made by one template differ mostly there (titles, dates,
 * summaries), so their skeletons are alike, and {@link FrameShapes} reads one skeleton for all of
 * them.
 *
 * <p>This is a plain scan, not a parse: it can take a comment's or a script's text for a run of
 * text, or a stretch of text for a tag. It does not need to be right, because {@link FrameShapes}
 * parses the skeleton and uses it only when every stand-in character landed where the scan meant it
 * to: a {@code TEXT} in text, a {@code VALUE} in the value of an attribute no check reads.
 */
final class FrameSkeleton {
  /*
   * The stand-ins, and the body's text marker (BodySplice.TEXT), are C1 control characters: never
   * in a page that was meant (HTML calls them parse errors, and the parser keeps them as text), and
   * within Latin-1, so a frame of plain text stays a one-byte-per-character string. Private-use
   * characters did as well for the first, but made every frame and skeleton a two-byte string,
   * copied again when each was widened.
   */

  /** The first of the characters the splice and the skeletons put in: see {@link #isStandIn}. */
  static final char FIRST = '\u0080';

  /** Stands for a run of text. */
  static final char TEXT = '\u0081';

  /** Stands for the value of an attribute no check reads. */
  static final char VALUE = '\u0082';

  /** Attributes whose values no check reads (see {@code PageScan}, {@code CspCheck}). */
  static final Set<String> UNREAD = Set.of("datetime", "title", "lang", "dir", "aria-label");

  /**
   * {@link #UNREAD} as an array, for the scan of every attribute of every page: a set's iterator is
   * an object each time.
   */
  private static final String[] UNREAD_NAMES = UNREAD.toArray(new String[0]);

  private FrameSkeleton() {}

  /** The skeleton of {@code frame}. */
  static String of(String frame) {
    return of(frame, null);
  }

  /**
   * The skeleton of {@code text} with the value of every attribute written {@code name="value"}
   * replaced by {@link #VALUE}, read or not, and those values added to {@code values} as written,
   * in order: the shape of one item of a list, whose items differ in their links too ({@link
   * ListSplice}).
   */
  static String loose(String text, List<String> values) {
    return of(text, values);
  }

  /** The skeleton; every plain value replaced and added to {@code values} unless it is null. */
  private static String of(String frame, List<String> values) {
    StringBuilder b = new StringBuilder(frame.length());
    int n = frame.length();
    int i = 0;
    boolean afterTag = false;
    while (i < n) {
      int lt = frame.indexOf('<', i);
      if (lt < 0) {
        b.append(frame, i, n);
        break;
      }
      if (afterTag && lt > i && solidText(frame, i, lt)) {
        b.append(TEXT);
      } else {
        b.append(frame, i, lt);
      }
      int gt = frame.indexOf('>', lt);
      if (gt < 0) {
        b.append(frame, lt, n);
        break;
      }
      tag(frame, lt, gt + 1, b, values);
      i = gt + 1;
      afterTag = true;
    }
    return b.toString();
  }

  /**
   * Whether the text holds a character the HTML parser reads as text, not space, written as itself
   * (a reference such as {@code &#32;} may stand for a space), and nothing the checks or the parser
   * treat apart: a NUL, the body's markers, a stand-in character.
   */
  private static boolean solidText(String s, int from, int to) {
    boolean solid = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == 0 || isStandIn(c) || c == '>') {
        return false;
      }
      if (c == '&') {
        int semi = s.indexOf(';', i);
        if (semi > 0 && semi < to && semi - i <= 32) {
          i = semi; // a reference, read as what it stands for
        }
        continue;
      }
      solid |=
          c < 128
              ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
              : Character.isLetterOrDigit(c);
    }
    return solid;
  }

  /**
   * Copies the tag {@code s[from, to)}, the values of unread attributes replaced (of every
   * attribute when {@code values} is not null, which the values are added to).
   */
  private static void tag(String s, int from, int to, StringBuilder b, List<String> values) {
    if (to - from < 3 || s.charAt(from + 1) == '!' || s.charAt(from + 1) == '/') {
      b.append(s, from, to);
      return;
    }
    int i = from;
    while (i < to) {
      int q = s.indexOf("=\"", i);
      if (q < 0 || q >= to) {
        break;
      }
      int close = s.indexOf('"', q + 2);
      if (close < 0 || close >= to) {
        break;
      }
      int nameStart = q;
      while (nameStart > from && isNameChar(s.charAt(nameStart - 1))) {
        nameStart--;
      }
      boolean space = nameStart > from && Character.isWhitespace(s.charAt(nameStart - 1));
      if (space
          && (values != null || unread(s, nameStart, q))
          && close > q + 2
          && plainValue(s, q + 2, close)) {
        b.append(s, i, q + 2).append(VALUE);
        if (values != null) {
          values.add(s.substring(q + 2, close));
        }
      } else {
        b.append(s, i, close);
      }
      i = close;
    }
    b.append(s, i, to);
  }

  /** Whether {@code s[from, to)} names an attribute in {@link #UNREAD}, in any case. */
  private static boolean unread(String s, int from, int to) {
    for (String name : UNREAD_NAMES) {
      if (name.length() == to - from && s.regionMatches(true, from, name, 0, name.length())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code c} is one of the characters the splice or the skeletons put in. */
  static boolean isStandIn(char c) {
    return c >= FIRST && c <= VALUE;
  }

  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
  }

  /** A value without anything the parser or the checks treat apart. */
  private static boolean plainValue(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == 0 || c == '\r' || c == '<' || c == '>' || isStandIn(c)) {
        return false;
      }
    }
    return true;
  }
}
