package org.factsite.render.markdown;

import java.util.List;
import java.util.Optional;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * Keeps pathological Markdown from exhausting the stack. The parser, its post-processors, our
 * resolver and the HTML renderer all walk the tree recursively, so ten thousand nested quotes or
 * lists would overflow it. Lines that open absurdly many quotes or lists are refused before
 * parsing, and a parsed tree deeper than {@link #MAX_DEPTH} (deep emphasis, say) is refused before
 * anything walks it recursively.
 */
final class NestingGuard {
  /** Deepest nesting of quotes and lists one line may open. Real articles use three or four. */
  static final int MAX_LINE_NESTING = 50;

  /** Deepest document tree accepted; every recursive walk stays far from the stack's limit. */
  static final int MAX_DEPTH = 200;

  /** Why an article was refused: {@code line} and {@code column} are 0-based within the body. */
  record Refusal(int line, int column, String message, String hint) {}

  private NestingGuard() {}

  /** The first line that opens more than {@link #MAX_LINE_NESTING} quotes or lists. */
  static Optional<Refusal> scan(String body) {
    int line = 0;
    int start = 0;
    while (start <= body.length()) {
      int end = body.indexOf('\n', start);
      if (end < 0) {
        end = body.length();
      }
      int depth = nesting(body, start, end);
      if (depth > MAX_LINE_NESTING) {
        return Optional.of(
            new Refusal(
                line,
                0,
                "this line nests quotes or lists more than " + MAX_LINE_NESTING + " levels deep",
                "flatten the quotes or lists"));
      }
      line++;
      start = end + 1;
    }
    return Optional.empty();
  }

  /** Quote markers, list markers and indentation (two columns per list level) before the text. */
  private static int nesting(String s, int from, int to) {
    int markers = 0;
    int indent = 0;
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (c == ' ') {
        indent++;
        i++;
      } else if (c == '\t') {
        indent += 4;
        i++;
      } else if (c == '>') {
        markers++;
        i++;
      } else if ((c == '-' || c == '*' || c == '+')
          && i + 1 < to
          && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
        markers++;
        i += 2;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < to && j - i < 9 && Character.isDigit(s.charAt(j))) {
          j++;
        }
        if (j + 1 < to && (s.charAt(j) == '.' || s.charAt(j) == ')') && s.charAt(j + 1) == ' ') {
          markers++;
          i = j + 2;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return markers + indent / 2;
  }

  /**
   * The deepest node when the tree is deeper than {@link #MAX_DEPTH}; walked without recursion or a
   * stack (each node's parent leads back), every node's children from the last to the first.
   */
  static Optional<Refusal> checkDepth(Node document) {
    Node n = document;
    int depth = 0;
    while (true) {
      if (depth > MAX_DEPTH) {
        List<SourceSpan> spans = n.getSourceSpans();
        int line = spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
        int column = spans.isEmpty() ? 0 : spans.get(0).getColumnIndex();
        return Optional.of(
            new Refusal(
                line,
                column,
                "this text nests more than "
                    + MAX_DEPTH
                    + " levels deep (emphasis, links, quotes or lists inside each other)",
                "simplify the formatting here"));
      }
      if (n.getLastChild() != null) {
        n = n.getLastChild();
        depth++;
        continue;
      }
      while (n != document && n.getPrevious() == null) {
        n = n.getParent();
        depth--;
      }
      if (n == document) {
        return Optional.empty();
      }
      n = n.getPrevious();
    }
  }
}
