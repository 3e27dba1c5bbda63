package org.factsite.render.markdown;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * Turns a paragraph holding only {@code {{chart id}}} into a {@link ChartBlock}, so a figure is
 * never wrapped in a {@code <p>}. A chart reference inside other text stays inline and is reported
 * by the resolver.
 */
final class ChartBlockPostProcessor implements PostProcessor {
  @Override
  public Node process(Node document) {
    java.util.List<Paragraph> found = new java.util.ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Paragraph p) {
            Node only = soleChild(p);
            if (only instanceof Directive d && d.kind().equals("chart")) {
              found.add(p);
            }
          }
        });
    for (Paragraph p : found) {
      Directive d = (Directive) soleChild(p);
      ChartBlock block = new ChartBlock(d);
      block.setSourceSpans(p.getSourceSpans());
      d.unlink();
      block.appendChild(d);
      p.insertBefore(block);
      p.unlink();
    }
    return document;
  }

  private static Node soleChild(Paragraph p) {
    Node only = null;
    for (Node n = p.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t && t.getLiteral().isBlank()) {
        continue;
      }
      if (only != null) {
        return null;
      }
      only = n;
    }
    return only;
  }
}
