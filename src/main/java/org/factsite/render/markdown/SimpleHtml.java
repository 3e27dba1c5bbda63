package org.factsite.render.markdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Writes the HTML commonmark's renderer writes, set up as {@link MarkdownRenderer} sets it up (raw
 * HTML escaped, heading ids, tables), for a document made only of the nodes {@link SimpleBlocks}
 * and {@link SimpleInlines} make: paragraphs, headings, bullet lists, quotes, tables, text,
 * emphasis, code, links and line breaks. It records the start tags as {@link TagRecorder} does. At
 * any other node (a reference, an image, code blocks, footnotes…) it gives up and commonmark's
 * renderer writes the whole document. What it spares is commonmark's per-document set up (a
 * renderer for every extension, the heading ids' pattern compiled anew) and a map built and copied
 * for every tag. {@code SimpleHtmlTest} compares the two on random documents.
 */
final class SimpleHtml {
  /** The heading id's allowed characters, as commonmark's {@code IdGenerator} has them. */
  private static final Pattern ID_CHARACTERS =
      Pattern.compile("[\\w\\-_]+", Pattern.UNICODE_CHARACTER_CLASS);

  private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};

  private final StringBuilder out;
  private final List<RenderedBody.Tag> tags;
  private final Map<String, Integer> ids = new HashMap<>();
  private int linkDepth;
  private boolean linkInLink;

  private SimpleHtml(int capacity, boolean record) {
    out = new StringBuilder(capacity);
    tags = record ? new ArrayList<>() : null;
  }

  /**
   * The body commonmark's renderer would write for {@code doc}, with the tags it writes when {@code
   * record} (as {@link MarkdownRenderer#renderRecorded}), or null when the document holds a node
   * this does not write. {@code capacity} sizes the output.
   */
  static RenderedBody write(Node doc, int capacity, boolean record) {
    SimpleHtml w = new SimpleHtml(capacity, record);
    if (!w.node(doc)) {
      return null;
    }
    String html = w.out.toString();
    return new RenderedBody(html, record ? TagRecorder.readable(html, w.tags, w.linkInLink) : null);
  }

  private boolean node(Node n) {
    Class<?> c = n.getClass();
    if (c == Text.class) {
      text(((Text) n).getLiteral());
    } else if (c == SoftLineBreak.class) {
      out.append('\n');
    } else if (c == Paragraph.class) {
      return paragraph(n);
    } else if (c == Emphasis.class) {
      return inline("em", n);
    } else if (c == StrongEmphasis.class) {
      return inline("strong", n);
    } else if (c == Code.class) {
      open("code", Map.of());
      text(((Code) n).getLiteral());
      close("code");
    } else if (c == Link.class) {
      return link((Link) n);
    } else if (c == ListItem.class) {
      open("li", Map.of());
      if (!children(n)) {
        return false;
      }
      close("li");
      line();
    } else if (c == Heading.class) {
      return heading((Heading) n);
    } else if (c == BulletList.class) {
      return block("ul", n, true);
    } else if (c == BlockQuote.class) {
      return block("blockquote", n, true);
    } else if (c == TableCell.class) {
      TableCell cell = (TableCell) n;
      String name = cell.isHeader() ? "th" : "td";
      line();
      open(name, cell.getAlignment() == null ? Map.of() : Map.of("align", align(cell)));
      return children(n) && closeLine(name);
    } else if (c == TableRow.class) {
      return block("tr", n, false);
    } else if (c == TableBody.class) {
      return block("tbody", n, false);
    } else if (c == TableHead.class) {
      return block("thead", n, false);
    } else if (c == TableBlock.class) {
      return block("table", n, false);
    } else if (c == HardLineBreak.class) {
      open("br", Map.of(), true);
      line();
    } else if (c == Document.class) {
      return children(n);
    } else {
      return false;
    }
    return true;
  }

  private boolean children(Node parent) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (!node(n)) {
        return false;
      }
    }
    return true;
  }

  private boolean paragraph(Node p) {
    Node parent = p.getParent();
    boolean tight =
        parent != null && parent.getParent() instanceof ListBlock list && list.isTight();
    if (tight) {
      return children(p);
    }
    line();
    open("p", Map.of());
    return children(p) && closeLine("p");
  }

  private boolean inline(String name, Node n) {
    open(name, Map.of());
    if (!children(n)) {
      return false;
    }
    close(name);
    return true;
  }

  /**
   * A block tag on lines of its own; {@code inner} also puts the first child on a new line (lists
   * and quotes do, table parts do not).
   */
  private boolean block(String name, Node n, boolean inner) {
    line();
    open(name, Map.of());
    if (inner) {
      line();
    }
    if (!children(n)) {
      return false;
    }
    if (inner) {
      line();
    }
    return closeLine(name);
  }

  private boolean link(Link link) {
    if (link.getDestination() == null) {
      return false; // commonmark writes a bare href; our parsers never make such a link
    }
    Map<String, String> attributes;
    if (link.getTitle() == null) {
      attributes = Map.of("href", link.getDestination());
    } else {
      Map<String, String> both = new LinkedHashMap<>();
      both.put("href", link.getDestination());
      both.put("title", link.getTitle());
      attributes = Collections.unmodifiableMap(both);
    }
    if (linkDepth > 0) {
      linkInLink = true;
    }
    open("a", attributes);
    linkDepth++;
    if (!children(link)) {
      return false;
    }
    linkDepth--;
    close("a");
    return true;
  }

  private boolean heading(Heading h) {
    int level = h.getLevel();
    String name = level >= 1 && level <= 6 ? HEADINGS[level - 1] : "h" + level;
    line();
    open(name, Map.of("id", headingId(h)));
    return children(h) && closeLine(name);
  }

  /** The id commonmark's heading-anchor extension gives the heading, in this document. */
  private String headingId(Heading h) {
    StringBuilder words = new StringBuilder();
    headingWords(h, words);
    String id = normalized(words.toString().trim().toLowerCase());
    if (id.isEmpty()) {
      id = "id";
    }
    Integer before = ids.get(id);
    if (before == null) {
      ids.put(id, 1);
      return id;
    }
    ids.put(id, before + 1);
    return id + "-" + before;
  }

  /** The text and code inside {@code n}, in order, as the extension collects them. */
  private static void headingWords(Node n, StringBuilder words) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        words.append(t.getLiteral());
      } else if (c instanceof Code code) {
        words.append(code.getLiteral());
      } else {
        headingWords(c, words);
      }
    }
  }

  /**
   * The extension's normal form: lower case, spaces as hyphens, and only word characters and
   * hyphens kept; in ASCII those are letters, digits, {@code _} and {@code -}.
   */
  private static String normalized(String text) {
    String s = text.toLowerCase().replace(" ", "-");
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return normalizedByPattern(s);
      }
      if (SimpleInlines.isAsciiLetterOrDigit(c) || c == '_' || c == '-') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String normalizedByPattern(String s) {
    StringBuilder b = new StringBuilder(s.length());
    Matcher m = ID_CHARACTERS.matcher(s);
    while (m.find()) {
      b.append(m.group());
    }
    return b.toString();
  }

  private static String align(TableCell cell) {
    return switch (cell.getAlignment()) {
      case LEFT -> "left";
      case CENTER -> "center";
      case RIGHT -> "right";
    };
  }

  private void open(String name, Map<String, String> attributes) {
    open(name, attributes, false);
  }

  /**
   * Writes a start tag ({@code <br />} when {@code empty}) and records it. Attribute names are ours
   * and need no escaping.
   */
  private void open(String name, Map<String, String> attributes, boolean empty) {
    out.append('<').append(name);
    // Most tags have no attributes: an empty map's entry set and iterator are objects too.
    if (!attributes.isEmpty()) {
      for (Map.Entry<String, String> a : attributes.entrySet()) {
        out.append(' ').append(a.getKey()).append("=\"");
        text(a.getValue());
        out.append('"');
      }
    }
    out.append(empty ? " />" : ">");
    if (tags != null) {
      tags.add(new RenderedBody.Tag(name, attributes));
    }
  }

  private void close(String name) {
    out.append("</").append(name).append('>');
  }

  private boolean closeLine(String name) {
    close(name);
    line();
    return true;
  }

  /** Starts a new line unless the output is empty or already at one, as commonmark's writer. */
  private void line() {
    int n = out.length();
    if (n > 0 && out.charAt(n - 1) != '\n') {
      out.append('\n');
    }
  }

  /** Appends {@code s} with {@code & < > "} escaped, as commonmark's {@code escapeHtml}. */
  private void text(String s) {
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      String replacement =
          switch (s.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> null;
          };
      if (replacement != null) {
        out.append(s, from, i).append(replacement);
        from = i + 1;
      }
    }
    out.append(s, from, s.length());
  }
}
