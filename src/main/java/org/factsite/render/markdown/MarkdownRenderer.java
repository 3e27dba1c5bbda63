package org.factsite.render.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.AttributeProviderContext;
import org.commonmark.renderer.html.AttributeProviderFactory;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlNodeRendererFactory;
import org.commonmark.renderer.html.HtmlRenderer;
import org.factsite.model.Article;

/**
 * Markdown to HTML: CommonMark with GFM tables, footnotes, heading anchors and our {@code {{…}}}
 * references. Built once and shared by all threads. Raw HTML in Markdown is escaped, and link
 * schemes are limited (see {@link MarkdownResolver}).
 *
 * <p>Articles are parsed without source positions, which spares about a sixth of the parser's time;
 * the few that need one, to say where a problem is, are parsed again with them (see {@link
 * NodePositions}).
 */
public final class MarkdownRenderer {
  static final List<Extension> EXTENSIONS =
      List.of(
          TablesExtension.create(), HeadingAnchorExtension.create(), FootnotesExtension.create());

  /** Run on every parsed document, whichever parser read it. */
  private static final List<PostProcessor> POST_PROCESSORS = List.of(new ChartBlockPostProcessor());

  private final Parser parser;
  private final Parser locating;
  private final SimpleBlocks simple;
  private final HtmlRenderer renderer;

  public MarkdownRenderer() {
    // The inline parsing commonmark sets up for our parser is what SimpleBlocks reads each block's
    // text with; commonmark hands its context out only during a parse, so one of nothing shows it.
    ProbingInlines probe = new ProbingInlines();
    Parser probing = builder(IncludeSourceSpans.NONE).inlineParserFactory(probe).build();
    probing.parse("");
    parser = probing;
    locating = parser(IncludeSourceSpans.BLOCKS_AND_INLINES);
    simple = new SimpleBlocks(probe.seen);
    renderer =
        HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            // No sanitizeUrls: it adds rel="nofollow" to every link, even to Childline and to
            // our own pages. MarkdownResolver refuses every scheme but http, https and mailto
            // (as a located build error), which is stricter than commonmark's sanitiser.
            .nodeRendererFactory(new DirectiveRenderers())
            // Last, so it sees each tag's attributes as they are written.
            .attributeProviderFactory(new TagRecording())
            .build();
  }

  /** Our Markdown; the two parsers differ only in the source positions they record. */
  private static Parser parser(IncludeSourceSpans spans) {
    return builder(spans).inlineParserFactory(new SimpleInlineParsers()).build();
  }

  /** Our Markdown's parser, before its inline parsing is chosen. */
  static Parser.Builder builder(IncludeSourceSpans spans) {
    Parser.Builder b =
        Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(spans)
            .customInlineContentParserFactory(new DirectiveParser.Factory());
    for (PostProcessor p : POST_PROCESSORS) {
      b.postProcessor(p);
    }
    return b;
  }

  /** What reads the articles written in simple blocks (see {@link #parseFast}). */
  SimpleBlocks simpleBlocks() {
    return simple;
  }

  /**
   * The document our parser makes of {@code text}: read by {@link SimpleBlocks} when it is written
   * in the blocks that reads, else by commonmark's parser.
   */
  Node parseFast(String text) {
    return parseFast(text, simple.read(text));
  }

  /** As {@link #parseFast(String)}, given what {@link SimpleBlocks} made of the text (or null). */
  private Node parseFast(String text, Node simply) {
    if (simply == null) {
      return parser.parse(text);
    }
    Node doc = simply;
    for (PostProcessor p : POST_PROCESSORS) {
      doc = p.process(doc);
    }
    return doc;
  }

  /** Finds where the article's numbered nodes were written, when first asked. */
  NodePositions positions(Article article) {
    return new NodePositions(article, locating);
  }

  public ParsedMarkdown parse(Article article) {
    NodePositions positions = positions(article);
    try {
      // A text SimpleBlocks reads nests a quote or a list one level deep at most, so only one it
      // leaves to commonmark's parser needs the line scan first.
      Node simply = simple.read(article.body());
      if (simply == null) {
        var tooDeep = NestingGuard.scan(article.body());
        if (tooDeep.isPresent()) {
          return ParsedMarkdown.refused(article, positions, tooDeep.get());
        }
      }
      return parseChecked(article, positions, simply);
    } catch (StackOverflowError e) {
      // Nesting the line scan cannot see (inline formatting inside itself) overflowed a
      // recursive walk in the parser; refuse the article rather than the whole process.
      return ParsedMarkdown.refused(
          article,
          positions,
          new NestingGuard.Refusal(
              0,
              0,
              "this article nests its formatting too deeply to read",
              "simplify the formatting"));
    }
  }

  private ParsedMarkdown parseChecked(Article article, NodePositions positions, Node simply) {
    Node doc = parseFast(article.body(), simply);
    var tooDeep = NestingGuard.checkDepth(doc);
    if (tooDeep.isPresent()) {
      // The refusal names where the text is too deep, which only a parse with positions knows.
      Node located = locating.parse(article.body());
      return ParsedMarkdown.refused(
          article, positions, NestingGuard.checkDepth(located).orElse(tooDeep.get()));
    }
    List<Directive> directives = new ArrayList<>();
    doc.accept(
        new AbstractVisitor() {
          @Override
          public void visit(CustomNode node) {
            if (node instanceof Directive d) {
              directives.add(d);
            }
            visitChildren(node);
          }

          @Override
          public void visit(org.commonmark.node.CustomBlock node) {
            visitChildren(node);
          }
        });
    return new ParsedMarkdown(article, doc, directives, positions, null);
  }

  /** Renders a document whose references were filled in by {@link MarkdownResolver}. */
  public String render(ParsedMarkdown parsed) {
    // A reference is a node SimpleHtml leaves alone; an article known to show one skips the try.
    RenderedBody simply = parsed.directives().isEmpty() ? renderSimply(parsed, false) : null;
    return simply != null ? simply.html() : renderer.render(parsed.document());
  }

  /**
   * Renders as {@link #render}, and records the start tags written (see {@link RenderedBody}) when
   * the article shows no reference.
   */
  public RenderedBody renderRecorded(ParsedMarkdown parsed) {
    if (!parsed.directives().isEmpty() || parsed.refusal() != null) {
      return new RenderedBody(render(parsed), null);
    }
    RenderedBody simply = renderSimply(parsed, true);
    return simply != null ? simply : renderByCommonmark(parsed.document());
  }

  /** What {@link SimpleHtml} writes, or null when the document holds nodes it leaves alone. */
  private static RenderedBody renderSimply(ParsedMarkdown parsed, boolean record) {
    int length = parsed.article().body().length();
    return SimpleHtml.write(parsed.document(), length + (length >> 2) + 64, record);
  }

  /** commonmark's renderer, with the tags it writes recorded. */
  RenderedBody renderByCommonmark(Node document) {
    TagRecorder recorder = TagRecorder.start();
    try {
      String html = renderer.render(document);
      return new RenderedBody(html, recorder.tags(html));
    } finally {
      recorder.stop();
    }
  }

  private static final class SimpleInlineParsers implements InlineParserFactory {
    @Override
    public InlineParser create(InlineParserContext context) {
      return new SimpleInlineParser(context);
    }
  }

  /** Our inline parsing, keeping the simple reading of the first parser it makes. */
  private static final class ProbingInlines implements InlineParserFactory {
    SimpleInlines seen;

    @Override
    public InlineParser create(InlineParserContext context) {
      SimpleInlineParser p = new SimpleInlineParser(context);
      if (seen == null) {
        seen = p.simple(); // the probe; later parses leave it as it is
      }
      return p;
    }
  }

  private static final class DirectiveRenderers implements HtmlNodeRendererFactory {
    @Override
    public NodeRenderer create(HtmlNodeRendererContext context) {
      return new DirectiveHtmlRenderer(context);
    }
  }

  /** Gives every renderer {@link TagRecorder}, which records the tags written on its thread. */
  private static final class TagRecording implements AttributeProviderFactory, AttributeProvider {
    @Override
    public AttributeProvider create(AttributeProviderContext context) {
      return this;
    }

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
      TagRecorder.record(node, tagName, attributes);
    }
  }
}
