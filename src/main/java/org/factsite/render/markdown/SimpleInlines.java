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
 *   <li>{@code *words*} and {@code **words**} of plain text whose stars open after a space, a
 *       punctuation mark or the start of a line and before a letter or digit, and close after a
 *       letter or digit and before a space, a punctuation mark or the end of a line;
 *   <li>{@code `code`} with single backticks on one line;
 *   <li>{@code [text](/plain/address)}: an inline link without a title, whose text is any of the
 *       above but a link, and whose address has no spaces, brackets, quotes, entities or
 *       backslashes;
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
  private static final boolean[] SPACE_OR_PUNCTUATION = new boolean[128];
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
    for (char c : " \t!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".toCharArray()) {
      SPACE_OR_PUNCTUATION[c] = true;
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
    List<String> text = new ArrayList<>(lines.size());
    for (SourceLine line : lines) {
      text.add(line.getContent().toString());
    }
    return readText(text, block);
  }

  /** As {@link #read}, for lines given as text. */
  boolean readText(List<String> lines, Node block) {
    Reading r = new Reading();
    for (int li = 0, n = lines.size(); li < n; li++) {
      if (!readLine(lines.get(li), r)) {
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
    return readInline(s, 0, r, false) == s.length();
  }

  /**
   * Reads from {@code from} to the end of the line or, in a link's text, to its closing bracket;
   * returns where it stopped, or -1.
   */
  private int readInline(String s, int from, Reading r, boolean linkText) {
    int i = from;
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
        return -1;
      }
      switch (c) {
        case '!' -> {
          if (i + 1 < n && s.charAt(i + 1) == '[') {
            return -1;
          }
          r.text(s, i, i + 1);
          i++;
        }
        case '`' -> i = code(s, i, r);
        case '*' -> i = emphasis(s, i, r);
        case '[' -> i = linkText ? -1 : link(s, i, r);
        case ']' -> {
          return linkText ? i : -1;
        }
        default -> i = -1;
      }
      if (i < 0) {
        return -1;
      }
    }
    return linkText ? -1 : i;
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
    if (open > 2 || at > 0 && !isSpaceOrPunctuation(s.charAt(at - 1))) {
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
        || after < n && !isSpaceOrPunctuation(s.charAt(after))) {
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

  /**
   * A space, tab or ASCII punctuation mark: next to one, a run of stars before a letter or digit
   * can only open, and one after a letter or digit can only close.
   */
  private static boolean isSpaceOrPunctuation(char c) {
    return c < 128 && SPACE_OR_PUNCTUATION[c];
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  /** {@code [text](/address)}; returns where it ends, or -1. */
  private int link(String s, int at, Reading r) {
    Reading text = new Reading();
    int textEnd = readInline(s, at + 1, text, true);
    int n = s.length();
    if (textEnd <= at + 1 || textEnd + 1 >= n || s.charAt(textEnd + 1) != '(') {
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
    text.flush();
    for (Node node : text.nodes) {
      link.appendChild(node);
    }
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

    void flush() {
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
