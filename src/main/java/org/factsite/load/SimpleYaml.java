package org.factsite.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factsite.diag.SourcePos;

/**
 * Reads the YAML that front matter and small settings files are written in, making the nodes, with
 * the positions, that {@link YamlReader}'s reading through Jackson makes of it, or says it cannot
 * (null). What it reads: lines of {@code key: value} at the left margin, where a value is {@code
 * "text"} or {@code 'text'} on one line without escapes, a plain word or phrase that YAML can only
 * read as text, a whole number, a date, or a one-line list {@code [a, "b"]} of those; blank lines
 * and lines that are wholly a comment between them.
 *
 * <p>Anything else (nesting, a comment after a value, escapes, an empty value, words YAML reads as
 * true, false or empty, numbers with a sign, a point or an exponent, anchors, tags, a key written
 * twice, tabs) makes it give up, and the text goes to Jackson whole, which also says what is wrong
 * with it. Jackson and SnakeYAML set up a parser, a scanner and a resolver for each document, which
 * was most of loading 10,000 five-line headers; {@code SimpleYamlTest} compares the two readings on
 * random documents.
 */
final class SimpleYaml {

  /** Words YAML 1.1 reads as true, false or empty, whatever their case; left to Jackson. */
  private static final List<String> RESERVED =
      List.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private final String path;
  private final int lineOffset;

  private SimpleYaml(String path, int lineOffset) {
    this.path = path;
    this.lineOffset = lineOffset;
  }

  /** The nodes of {@code text}, or null when it is not written in the simple form. */
  static YamlNode read(String path, String text, int lineOffset) {
    return new SimpleYaml(path, lineOffset).mapping(text);
  }

  private SourcePos pos(int line, int column) {
    return new SourcePos(path, line + lineOffset, column);
  }

  private YamlNode mapping(String text) {
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    SourcePos first = null;
    int line = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      line++;
      String s = text.substring(start, end);
      start = end + 1;
      if (s.isEmpty() || s.charAt(0) == '#') {
        continue;
      }
      int colon = s.indexOf(':');
      if (colon <= 0 || colon + 1 >= s.length() || s.charAt(colon + 1) != ' ') {
        return null;
      }
      String key = s.substring(0, colon);
      if (!isKey(key) || reserved(key) || entries.containsKey(key)) {
        return null;
      }
      int at = colon + 2;
      while (at < s.length() && s.charAt(at) == ' ') {
        at++;
      }
      if (at == s.length()) {
        return null;
      }
      YamlNode value = s.charAt(at) == '[' ? list(s, at, line) : lastScalar(s, at, line);
      if (value == null) {
        return null;
      }
      SourcePos keyPos = pos(line, 1);
      if (first == null) {
        first = keyPos;
      }
      entries.put(key, new YamlNode.Entry(key, keyPos, value));
    }
    return first == null ? null : new YamlNode.Mapping(entries, first);
  }

  /** A scalar that runs to the end of the line (trailing spaces aside). */
  private YamlNode lastScalar(String s, int at, int line) {
    int end = s.length();
    while (s.charAt(end - 1) == ' ') {
      end--;
    }
    return scalar(s, at, end, line, false);
  }

  /** {@code [a, "b"]} on one line, and nothing after it. */
  private YamlNode list(String s, int at, int line) {
    List<YamlNode> items = new ArrayList<>();
    int i = skipSpaces(s, at + 1);
    if (i < s.length() && s.charAt(i) == ']') {
      return endsLine(s, i + 1) ? new YamlNode.Sequence(items, pos(line, at + 1)) : null;
    }
    while (i < s.length()) {
      int end = itemEnd(s, i);
      if (end < 0) {
        return null;
      }
      int valueEnd = end;
      while (valueEnd > i && s.charAt(valueEnd - 1) == ' ') {
        valueEnd--;
      }
      YamlNode item = scalar(s, i, valueEnd, line, true);
      if (item == null) {
        return null;
      }
      items.add(item);
      if (s.charAt(end) == ']') {
        return endsLine(s, end + 1) ? new YamlNode.Sequence(items, pos(line, at + 1)) : null;
      }
      i = skipSpaces(s, end + 1);
    }
    return null;
  }

  /** Where the list item at {@code i} ends: at its comma or the closing bracket; -1 if neither. */
  private static int itemEnd(String s, int i) {
    char q = s.charAt(i);
    int from = i;
    if (q == '"' || q == '\'') {
      from = s.indexOf(q, i + 1);
      if (from < 0) {
        return -1;
      }
      from = skipSpaces(s, from + 1);
      return from < s.length() && (s.charAt(from) == ',' || s.charAt(from) == ']') ? from : -1;
    }
    for (int j = from; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == ',' || c == ']') {
        return j;
      }
    }
    return -1;
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static boolean endsLine(String s, int i) {
    return skipSpaces(s, i) == s.length();
  }

  /** The scalar written in {@code s[from, to)}, or null. */
  private YamlNode scalar(String s, int from, int to, int line, boolean inList) {
    if (from >= to) {
      return null;
    }
    SourcePos pos = pos(line, from + 1);
    char q = s.charAt(from);
    if (q == '"' || q == '\'') {
      if (to - from < 2 || s.charAt(to - 1) != q) {
        return null;
      }
      for (int i = from + 1; i < to - 1; i++) {
        char c = s.charAt(i);
        if (c == q || c == '\\' || !printable(c)) {
          return null;
        }
      }
      return new YamlNode.Scalar(s.substring(from + 1, to - 1), YamlNode.ScalarType.STRING, pos);
    }
    String text = s.substring(from, to);
    if (isInteger(text)) {
      return new YamlNode.Scalar(text, YamlNode.ScalarType.NUMBER, pos);
    }
    if (Fields.isPlainDate(text)) {
      return new YamlNode.Scalar(text, YamlNode.ScalarType.STRING, pos);
    }
    if (!isLetter(q) || reserved(text)) {
      return null;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(isLetter(c) || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')
          && !(c == ' ' && text.charAt(i - 1) != ' ')
          && !(!inList && (c == ',' || c == '(' || c == ')' || c == '/'))) {
        return null;
      }
    }
    return new YamlNode.Scalar(text, YamlNode.ScalarType.STRING, pos);
  }

  private static boolean reserved(String word) {
    return RESERVED.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A key as written: {@code [A-Za-z_][A-Za-z0-9_-]*}. The shapes here are checked by hand: a
   * regular expression's matcher is an object and an interpreted pattern for every key and value of
   * every article.
   */
  static boolean isKey(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(isLetter(c) || c == '_' || i > 0 && (isDigit(c) || c == '-'))) {
        return false;
      }
    }
    return true;
  }

  /** A whole number read as a number: {@code 0|[1-9][0-9]{0,17}}. */
  static boolean isInteger(String s) {
    int n = s.length();
    if (n == 0 || n > 18 || !isDigit(s.charAt(0)) || s.charAt(0) == '0' && n > 1) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Characters YAML allows in a quoted scalar as they are (not tabs, controls or surrogates). */
  private static boolean printable(char c) {
    return c >= ' ' && c < 0x7f
        || c >= 0xa0 && c < 0xd800
        || c >= 0xe000 && c <= 0xfffd && c != 0xfeff;
  }
}
