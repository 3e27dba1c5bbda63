package org.factsite.render.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.Parser;
import org.factsite.model.Article;

/**
 * Where the links, images, headings and {@code {{…}}} references of one article were written.
 * Articles are parsed without source positions, which is cheaper, and a position is wanted only to
 * report a problem: the first question parses the article again with positions and keeps where each
 * such node starts. A node is named by its number among them in document order: the parser is
 * deterministic and positions do not change the tree, so the n-th of the first parse is the n-th of
 * the second. Thread-safe; what the second parse found is kept, since one article's problems often
 * come together (two threads asking first may both parse; they find the same).
 */
public final class NodePositions {
  private final Article article;
  private final Parser locating;

  /** The first span of each numbered node, null where it has none; read only after publication. */
  private volatile SourceSpan[] starts;

  /** {@code locating} parses as the article was first parsed, but with inline source spans. */
  NodePositions(Article article, Parser locating) {
    this.article = article;
    this.locating = locating;
  }

  /** Whether {@code node} is numbered: a node whose place a problem may have to name. */
  static boolean numbered(Node node) {
    return node instanceof Link
        || node instanceof Image
        || node instanceof Heading
        || node instanceof Directive;
  }

  /** Where the {@code number}-th numbered node (from 0) was written, when the parser knows. */
  Optional<BodyPlace> of(int number) {
    SourceSpan[] s = starts;
    if (s == null) {
      s = locate();
      starts = s;
    }
    if (number < 0 || number >= s.length || s[number] == null) {
      return Optional.empty();
    }
    return Optional.of(BodyPlace.of(article, s[number].getLineIndex(), s[number].getColumnIndex()));
  }

  private SourceSpan[] locate() {
    Node document;
    try {
      document = locating.parse(article.body());
    } catch (StackOverflowError e) {
      // Recording positions takes a little more stack than the parse that succeeded; should
      // it overflow, the problem is still reported, against the file.
      return new SourceSpan[0];
    }
    List<SourceSpan> found = new ArrayList<>();
    for (Node n = document; n != null; n = following(n)) {
      if (numbered(n)) {
        List<SourceSpan> spans = n.getSourceSpans();
        found.add(spans.isEmpty() ? null : spans.get(0));
      }
    }
    return found.toArray(new SourceSpan[0]);
  }

  /**
   * The node after {@code n} in document order (a parent before its children), without recursion.
   */
  private static Node following(Node n) {
    if (n.getFirstChild() != null) {
      return n.getFirstChild();
    }
    for (Node m = n; m != null; m = m.getParent()) {
      if (m.getNext() != null) {
        return m.getNext();
      }
    }
    return null;
  }
}
