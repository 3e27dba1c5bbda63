package org.factsite.check;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factsite.render.markdown.RenderedBody;
import org.factsite.render.template.WrittenPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a page whose article body was read before, without reading the body again: when only the
 * page's frame changed (a new article in the site-wide list of the latest, a new title), the body
 * is two thirds of the page's bytes and its facts are those it had last time.
 *
 * <p>The page is cut into the text before the body, the body, and the text after it. The body is
 * replaced by three markers, a {@code <col>} tag, a comment and a text, and the rest is parsed as
 * usual. The body's own facts (read from it alone, {@link #ofBody}) are put in where the markers
 * stand. This gives exactly the facts of the whole page when these things hold, and the page is
 * read whole when any of them does not:
 *
 * <ul>
 *   <li>The body is balanced HTML read without a parse error: every element it opens it closes with
 *       its own end tag, so after it the parser is where it was before it. Markdown's renderer
 *       writes such HTML (raw HTML in articles is escaped). It also holds some text, as the text
 *       marker does (see {@link #balancedWithText}).
 *   <li>The {@code <col>} tag left no element: the parser ignores it in its ordinary mode, but
 *       inside a table it makes a column, even where an element moved out of the table (a {@code
 *       <div>} written inside it) is where the parser adds nodes.
 *   <li>The comment stands inside {@code <body>} with nothing but plain flow containers around it
 *       ({@code div}, {@code main}, {@code article} …): the body was not reached inside a list
 *       item, a paragraph, a cell, the head or after the page's end.
 *   <li>The text follows the comment in the same container: text makes the parser reopen any
 *       formatting element (an {@code <a>} or {@code <b>} left open before the body) that body text
 *       would have been put inside too, and then the text would sit inside that element.
 * </ul>
 *
 * <p>A marker that appears anywhere else in the page also sends the page to be read whole. {@code
 * BodySpliceTest} compares the spliced facts with the whole page's on pages built to break each
 * rule.
 */
final class BodySplice {
  static final String COMMENT_DATA = "factsite:article-body";
  static final String TEXT = FrameSkeleton.FIRST + "factsite:article-body" + FrameSkeleton.FIRST;

  /** The attribute of the {@code <col>} marker, which must not show in the parsed page. */
  static final String COL_ATTRIBUTE = "data-factsite-article-body";

  private static final String MARKERS =
      "<col " + COL_ATTRIBUTE + "><!--" + COMMENT_DATA + "-->" + TEXT;

  private static final Set<String> FLOW =
      Set.of(
          "#root", "html", "body", "main", "article", "section", "div", "aside", "header", "footer",
          "nav");

  /** Elements whose facts come from what they hold: a picture's sources, a chart figure. */
  private static final Set<String> NESTED_FACTS = Set.of("picture", "source", "figure");

  /** Elements the walk finds a fact in even without attributes: policy problems by their tag. */
  private static final Set<String> FACTS_WITHOUT_ATTRIBUTES =
      Set.of("script", "style", "iframe", "object", "embed", "frame");

  private BodySplice() {}

  /**
   * The facts of an article's rendered {@code body} as they read in the page at {@code page}: from
   * the start tags its renderer wrote when they were recorded ({@link #ofTags}), else from a parse
   * of its HTML ({@link #ofHtml}); null when they cannot be put into a page.
   */
  static PageFacts ofBody(String page, RenderedBody body, String baseUrl) {
    return body.tags() != null
        ? ofTags(page, body.tags(), baseUrl)
        : ofHtml(page, body.html(), baseUrl);
  }

  /**
   * The facts of an article body's HTML as they read in the page at {@code page}, or null when they
   * cannot be put into a page: the body is not balanced or has a parse error, or it holds something
   * whose reading depends on the rest of the page (a policy problem, a chart figure, a picture's
   * sources, a policy meta tag).
   */
  static PageFacts ofHtml(String page, String body, String baseUrl) {
    if (body.isBlank()) {
      return null; // no text, so never balanced with text; and no parse that loads jsoup for it
    }
    Parser parser = Parser.htmlParser().setTrackErrors(1).setTrackPosition(true);
    List<Node> nodes = parser.parseFragmentInput(body, new Element("body"), "");
    if (!parser.getErrors().isEmpty() || !balancedWithText(nodes)) {
      return null;
    }
    return facts(PageScan.ofNodes(nodes, page, baseUrl), page, baseUrl);
  }

  /**
   * The facts of an article body from the start tags its renderer wrote ({@link RenderedBody}),
   * without parsing it: the same walk over the same elements, in the same order, as {@link #ofHtml}
   * makes of the parsed body, and null in the same cases. Only for a body whose tags were recorded:
   * balanced Markdown output with text and no link inside a link, which the parser reads as
   * written.
   */
  static PageFacts ofTags(String page, List<RenderedBody.Tag> tags, String baseUrl) {
    PageScan scan = PageScan.ofTags(page, baseUrl);
    for (RenderedBody.Tag t : tags) {
      if (NESTED_FACTS.contains(t.name())) {
        return null; // their facts depend on what they hold, which the tags do not show
      }
      if (t.attributes().isEmpty() && !FACTS_WITHOUT_ATTRIBUTES.contains(t.name())) {
        continue; // most tags (p, li, em …): the walk finds nothing in them
      }
      ElementView view = ElementView.ofTag(t);
      if (view != null) {
        scan.tag(view);
      } else {
        // Written other than as jsoup holds it (a name in capitals), which no renderer of ours
        // writes: read as the jsoup element made of it.
        Element el = new Element(Tag.valueOf(t.name()), "");
        for (Map.Entry<String, String> a : t.attributes().entrySet()) {
          el.attr(a.getKey(), a.getValue());
        }
        NodeTraversor.traverse(scan, el);
      }
    }
    return facts(scan, page, baseUrl);
  }

  /** A body's walk as facts to put into a page, or null when they cannot be put in. */
  static PageFacts facts(PageScan scan, String page, String baseUrl) {
    if (!scan.srcsetRefs.isEmpty()
        || !scan.chartFigures.isEmpty()
        || !scan.elementProblems.isEmpty()
        || scan.policyMeta != null) {
      return null;
    }
    return PageFacts.ofBody(scan, page, baseUrl);
  }

  /**
   * The facts of the page {@code html}, which shows {@code body} somewhere, from a parse of the
   * rest with {@code bodyFacts} put in; null when the page must be read whole. The body is where
   * {@code written} (the page's text as its template wrote it, {@code html} encoded; null if not
   * known) says the template wrote it, when it says so; else where a search of the page finds it
   * first. The rest is read through {@code shapes} (null: parsed itself), once for all pages of its
   * shape.
   */
  static PageFacts spliced(
      String page,
      byte[] html,
      WrittenPage written,
      String body,
      PageFacts bodyFacts,
      String baseUrl,
      FrameShapes shapes) {
    if (body.isEmpty()) {
      return null;
    }
    String text;
    int at;
    if (written != null && written.bodyAt() >= 0) {
      text = written.text();
      at = written.bodyAt();
    } else {
      text = new String(html, StandardCharsets.UTF_8);
      at = text.indexOf(body);
    }
    if (at < 0 || at > text.length() - body.length()) {
      return null;
    }
    // Joined into a buffer of the right size: the page is kilobytes, and a join compiled as a
    // growing StringBuilder would copy it several times.
    String rest =
        new StringBuilder(text.length() - body.length() + MARKERS.length())
            .append(text, 0, at)
            .append(MARKERS)
            .append(text, at + body.length(), text.length())
            .toString();
    return shapes != null
        ? shapes.facts(rest, page, baseUrl, bodyFacts)
        : frameFacts(rest, page, baseUrl, bodyFacts);
  }

  /**
   * The facts of a page whose body was replaced by the markers in {@code frame}, from a parse of
   * the frame itself, with {@code bodyFacts} put in; null when the page must be read whole.
   */
  static PageFacts frameFacts(String frame, String page, String baseUrl, PageFacts bodyFacts) {
    PageScan scan = PageScan.spliced(Jsoup.parse(frame), page, baseUrl, bodyFacts);
    return scan == null ? null : PageFacts.from(scan, page, baseUrl, bodyFacts);
  }

  /**
   * Whether {@code comment} stands where body text would be read in the parser's ordinary mode: in
   * {@code <body>}, inside plain flow containers only, with the text marker straight after it.
   */
  static boolean standsInFlow(Comment comment) {
    if (!(comment.nextSibling() instanceof TextNode t) || !t.getWholeText().startsWith(TEXT)) {
      return false;
    }
    boolean inBody = false;
    for (Node p = comment.parentNode(); p != null; p = p.parentNode()) {
      if (!(p instanceof Element e) || !FLOW.contains(e.normalName())) {
        return false;
      }
      inBody |= e.normalName().equals("body");
    }
    return inBody;
  }

  /** Whether an element of this name is a plain flow container, around which the body may stand. */
  static boolean isPlainFlow(String name) {
    return FLOW.contains(name);
  }

  /**
   * Whether every element was opened and closed by tags of its own (none implied), and some text is
   * not blank. Text, like the text marker, tells the parser the page is no frameset: a body without
   * any would leave a {@code <frameset>} after it free to replace the page's body, where after the
   * marker it is ignored.
   */
  static boolean balancedWithText(List<Node> nodes) {
    Balance balance = new Balance();
    for (Node n : nodes) {
      n.traverse(balance);
    }
    return balance.balanced && balance.hasText;
  }

  /** What {@link #balancedWithText} looks for, gathered in a walk of the nodes. */
  private static final class Balance implements NodeVisitor {
    boolean balanced = true;
    boolean hasText;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element e
          && (e.sourceRange().isImplicit()
              || !e.endSourceRange().isTracked()
              || e.endSourceRange().isImplicit())) {
        balanced = false;
      } else if (node instanceof TextNode t && !t.isBlank()) {
        hasText = true;
      }
    }
  }
}
