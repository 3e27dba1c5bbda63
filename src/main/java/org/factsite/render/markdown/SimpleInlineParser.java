package org.factsite.render.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Node;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.LinkProcessor;
import org.commonmark.parser.delimiter.DelimiterProcessor;

/**
 * Inline parsing that reads a block written in the inline syntax most prose uses (plain words,
 * {@code *emphasis*}, {@code **strong**}, {@code `code`}, {@code [links](/to/a/page/)}, line ends)
 * itself, as {@link SimpleInlines}, and hands every other block to commonmark's own inline parser.
 * Commonmark's parser sets up fresh state for every block it reads (a map of its content parsers, a
 * scanner) and steps through the text a character at a time; for the paragraphs, headings, list
 * items and table cells of an ordinary article, reading them here makes the same nodes in a
 * fraction of the time.
 *
 * <p>Blocks parsed with source positions (to say where a problem is) always go to commonmark.
 */
final class SimpleInlineParser implements InlineParser {
  /** Footnotes' link processor leaves inline links to commonmark's core (it returns none). */
  private static final String FOOTNOTE_LINKS =
      "org.commonmark.ext.footnotes.internal.FootnoteLinkProcessor";

  private final InlineParserContext context;
  private final SimpleInlines simple;
  private InlineParser full;

  SimpleInlineParser(InlineParserContext context) {
    this.context = context;
    this.simple = simpleInlines(context);
  }

  /** The simple reading this parser tries first. */
  SimpleInlines simple() {
    return simple;
  }

  /** What {@link SimpleInlines} may read, given the syntax the context's extensions claim. */
  private static SimpleInlines simpleInlines(InlineParserContext context) {
    List<Character> excluded = new ArrayList<>();
    for (InlineContentParserFactory f : context.getCustomInlineContentParserFactories()) {
      excluded.addAll(f.getTriggerCharacters());
    }
    for (DelimiterProcessor d : context.getCustomDelimiterProcessors()) {
      excluded.add(d.getOpeningCharacter());
      excluded.add(d.getClosingCharacter());
    }
    excluded.addAll(context.getCustomLinkMarkers());
    boolean linksAsCommonmark = true;
    for (LinkProcessor p : context.getCustomLinkProcessors()) {
      linksAsCommonmark &= p.getClass().getName().equals(FOOTNOTE_LINKS);
    }
    return new SimpleInlines(excluded, linksAsCommonmark);
  }

  @Override
  public void parse(SourceLines lines, Node block) {
    if (lines.getSourceSpans().isEmpty() && simple.read(lines.getLines(), block)) {
      return;
    }
    if (full == null) {
      full = new InlineParserImpl(context);
    }
    full.parse(lines, block);
  }
}
