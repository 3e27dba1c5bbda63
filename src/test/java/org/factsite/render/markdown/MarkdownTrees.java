package org.factsite.render.markdown;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Text;

/** Markdown trees as text, for tests that compare what two parsers made. */
final class MarkdownTrees {
  private MarkdownTrees() {}

  /** The tree as text: every node's kind and the fields its renderer or our checks read. */
  static String tree(Node node) {
    StringBuilder b = new StringBuilder();
    dump(node, 0, b);
    return b.toString();
  }

  private static void dump(Node node, int depth, StringBuilder b) {
    b.append("  ".repeat(depth)).append(node.getClass().getSimpleName());
    b.append(" spans=").append(node.getSourceSpans().size());
    if (node instanceof Text t) {
      b.append(" [").append(t.getLiteral()).append(']');
    } else if (node instanceof Code c) {
      b.append(" [").append(c.getLiteral()).append(']');
    } else if (node instanceof Link l) {
      b.append(" [").append(l.getDestination()).append("] [").append(l.getTitle()).append(']');
    } else if (node instanceof Heading h) {
      b.append(" level=").append(h.getLevel());
    } else if (node instanceof ListBlock l) {
      b.append(" tight=").append(l.isTight());
      if (l instanceof BulletList bl) {
        b.append(" marker=").append(bl.getMarker());
      } else if (l instanceof OrderedList ol) {
        b.append(" start=").append(ol.getMarkerStartNumber());
      }
    } else if (node instanceof ListItem li) {
      b.append(" indent=").append(li.getMarkerIndent()).append('/').append(li.getContentIndent());
    } else if (node instanceof TableCell c) {
      b.append(" header=").append(c.isHeader()).append(" align=").append(c.getAlignment());
      b.append(" width=").append(c.getWidth());
    }
    b.append('\n');
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      dump(c, depth + 1, b);
    }
  }
}
