package org.factsite.render.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.SourceLine;

/**
 * Reads the inline syntax most prose is written in, making the nodes commonmark's own inline parser
 * makes of it, or says it cannot. What it reads:
 *
 * <ul>
 *   <li>plain text: letters, digits, spaces, tabs, the punctuation that starts no inline syntax,
 *       and {@code !} not followed by {@code [};
 *   <li>{@code *words*} and {@code **words**} where the stars open after a space or the start of a
 *       line, close after a letter or digit, before a space, the end of a line or a punctuation
 *       mark that is not syntax, and enclose plain text only;
 *   <li>{@code `code`} with single backticks on one line;
 *   <li>{@code [plain text](/plain/address)}: an inline link without a title, whose address has no
 *       spaces, brackets, quotes, entities or backslashes;
 *   <li>line ends, soft or hard (two or more spaces before them).
 * </ul>
 *
 * Anything else (underscores, backslashes, entities, HTML, images, reference links, stars that
 * could both open and close, any character a custom extension reads) makes it give up, and the
 * block goes to commonmark's parser whole. Each rule above is one where commonmark's delimiter
 * processing has only one possible outcome; {@code SimpleInlineParserTest} compares the two parsers
 * on random documents made of these and of the syntax left to commonmark.
 */
final class SimpleInlines {
  private static final boolean[] PLAIN = new boolean[128];
  private static final boolean[] AFTER_CLOSER = new boolean[128];
  private static final boolean[] ADDRESS = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      PLAIN[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      PLAIN[c] = true;
      PLAIN[Character.toUpperCase(c)] = true;
    }
    for (char c : " \t.,;:?'\"()%+-/=#$@".toCharArray()) {
      PLAIN[c] = true;
    }
    for (char c : " \t.,;:?!)'\"".toCharArray()) {
      AFTER_CLOSER[c] = true;
    }
    for (char c = '!'; c < 127; c++) {
      ADDRESS[c] = "<>()[]\\&\"'`*".indexOf(c) < 0;
    }
  }

  private final boolean[] plain;
  private final boolean otherCharsPlain;
  private final boolean syntax;

  /**
   * @param excluded characters a custom extension gives meaning to: they are not plain text, and if
   *     one is a character this class reads as syntax, it reads plain text only
   * @param linksAsCommonmark whether an inline link becomes commonmark's {@link Link} (no extension
   *     claims it)
   */
  SimpleInlines(Iterable<Character> excluded, boolean linksAsCommonmark) {
    boolean[] p = PLAIN.clone();
    boolean others = true;
    boolean ownSyntax = linksAsCommonmark;
    for (char c : excluded) {
      if (c < p.length) {
        p[c] = false;
        ownSyntax &= "*`[]!".indexOf(c) < 0;
      } else {
        others = false;
      }
    }
    this.plain = p;
    this.otherCharsPlain = others;
    this.syntax = ownSyntax;
  }

  /**
   * Reads the block's lines into {@code block}'s children, or returns false and leaves {@code
   * block} as it was.
   */
  boolean read(List<SourceLine> lines, Node block) {
    Reading r = new Reading();
    for (int li = 0, n = lines.size(); li < n; li++) {
      if (!readLine(lines.get(li).getContent().toString(), r)) {
        return false;
      }
      if (li < n - 1) {
        r.lineBreak();
      } else {
        r.end();
      }
    }
    for (Node node : r.nodes) {
      block.appendChild(node);
    }
    return true;
  }

  private boolean isPlain(char c) {
    return c < 128 ? plain[c] : otherCharsPlain;
  }

  private int plainRun(String s, int from) {
    int i = from;
    int n = s.length();
    while (i < n && isPlain(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private boolean readLine(String s, Reading r) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (isPlain(c)) {
        int end = plainRun(s, i + 1);
        r.text(s, i, end);
        i = end;
        continue;
      }
      if (!syntax) {
        return false;
      }
      switch (c) {
        case '!' -> {
          if (i + 1 < n && s.charAt(i + 1) == '[') {
            return false;
          }
          r.text(s, i, i + 1);
          i++;
        }
        case '`' -> i = code(s, i, r);
        case '*' -> i = emphasis(s, i, r);
        case '[' -> i = link(s, i, r);
        default -> i = -1;
      }
      if (i < 0) {
        return false;
      }
    }
    return true;
  }

  /** A code span of single backticks on this line; returns where it ends, or -1. */
  private static int code(String s, int at, Reading r) {
    int n = s.length();
    if (at + 1 < n && s.charAt(at + 1) == '`') {
      return -1;
    }
    int close = s.indexOf('`', at + 1);
    if (close < 0 || close + 1 < n && s.charAt(close + 1) == '`') {
      return -1;
    }
    String content = s.substring(at + 1, close);
    // As commonmark: one space off each end when both have one and the code is not all spaces.
    if (content.length() >= 3
        && content.charAt(0) == ' '
        && content.charAt(content.length() - 1) == ' '
        && !content.isBlank()) {
      content = content.substring(1, content.length() - 1);
    }
    r.node(new Code(content));
    return close + 1;
  }

  /**
   * {@code *words*} or {@code **words**} whose stars can only open and only close; returns where it
   * ends, or -1.
   */
  private int emphasis(String s, int at, Reading r) {
    int n = s.length();
    int open = stars(s, at);
    int from = at + open;
    if (open > 2 || at > 0 && s.charAt(at - 1) != ' ' && s.charAt(at - 1) != '\t') {
      return -1;
    }
    if (from >= n || !isAsciiLetterOrDigit(s.charAt(from))) {
      return -1;
    }
    int to = plainRun(s, from);
    if (to >= n || s.charAt(to) != '*' || stars(s, to) != open) {
      return -1;
    }
    int after = to + open;
    if (!isAsciiLetterOrDigit(s.charAt(to - 1))
        || after < n && !closerMayPrecede(s.charAt(after))) {
      return -1;
    }
    Node node = open == 1 ? new Emphasis("*") : new StrongEmphasis("**");
    node.appendChild(new Text(s.substring(from, to)));
    r.node(node);
    return after;
  }

  private static int stars(String s, int at) {
    int i = at;
    while (i < s.length() && s.charAt(i) == '*') {
      i++;
    }
    return i - at;
  }

  private static boolean closerMayPrecede(char c) {
    return c < 128 && AFTER_CLOSER[c];
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** {@code [plain text](/address)}; returns where it ends, or -1. */
  private int link(String s, int at, Reading r) {
    int n = s.length();
    int textEnd = plainRun(s, at + 1);
    if (textEnd == at + 1 || textEnd + 1 >= n || s.charAt(textEnd) != ']') {
      return -1;
    }
    if (s.charAt(textEnd + 1) != '(') {
      return -1;
    }
    int from = textEnd + 2;
    int to = from;
    while (to < n && s.charAt(to) < 128 && ADDRESS[s.charAt(to)]) {
      to++;
    }
    if (to == from || to >= n || s.charAt(to) != ')') {
      return -1;
    }
    Link link = new Link(s.substring(from, to), null);
    link.appendChild(new Text(s.substring(at + 1, textEnd)));
    r.node(link);
    return to + 1;
  }

  /** The nodes read so far, and the text not yet made into a node. */
  private static final class Reading {
    final List<Node> nodes = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    boolean inText;

    void text(String s, int from, int to) {
      text.append(s, from, to);
      inText = true;
    }

    void node(Node node) {
      flush();
      nodes.add(node);
    }

    private void flush() {
      if (inText) {
        nodes.add(new Text(text.toString()));
        text.setLength(0);
        inText = false;
      }
    }

    /** As commonmark: spaces before a line end are dropped, and two or more make it hard. */
    void lineBreak() {
      int spaces = 0;
      if (inText) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
          end--;
        }
        spaces = text.length() - end;
        text.setLength(end);
        flush();
      }
      nodes.add(spaces >= 2 ? new HardLineBreak() : new SoftLineBreak());
    }

    /** As commonmark: spaces and tabs at the end of the block are dropped. */
    void end() {
      if (inText) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
          end--;
        }
        text.setLength(end);
        flush();
      }
    }
  }
}
