package org.factsite.render.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * Reading plain lines ourselves changes nothing: our Markdown parsed with {@link
 * PlainLineInlineParser} renders exactly as with commonmark's own inline parser, on random
 * headings, table cells and paragraphs of plain and special characters.
 */
class PlainLineInlineParserTest {
  private static final String PLAIN = "abcXYZ019 \t.,;:?'\"()%+-/=#$@éü";
  private static final String SPECIAL = "*_`\\&<>[]!{}~^|\u0000中";

  private static String text(Random r) {
    boolean plain = r.nextInt(3) > 0;
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      String from = plain || r.nextInt(4) > 0 ? PLAIN : SPECIAL;
      b.append(from.charAt(r.nextInt(from.length())));
    }
    return b.toString();
  }

  private static String document(Random r) {
    StringBuilder md = new StringBuilder();
    int blocks = 1 + r.nextInt(5);
    for (int i = 0; i < blocks; i++) {
      switch (r.nextInt(4)) {
        case 0 -> md.append("#".repeat(1 + r.nextInt(3))).append(' ').append(text(r));
        case 1 -> {
          md.append("| ").append(text(r)).append(" | ").append(text(r)).append(" |\n");
          md.append("|---|--:|\n");
          for (int row = r.nextInt(4); row > 0; row--) {
            md.append("| ").append(text(r)).append(" | ").append(text(r)).append(" |\n");
          }
        }
        case 2 -> md.append(text(r)).append(r.nextBoolean() ? "  \n" + text(r) : "");
        default -> md.append("- ").append(text(r));
      }
      md.append("\n\n");
    }
    return md.toString();
  }

  @Test
  void plainLinesRenderAsCommonmarksOwnInlineParserReadsThem() {
    Parser ours =
        MarkdownRenderer.builder(IncludeSourceSpans.NONE)
            .inlineParserFactory(PlainLineInlineParser::new)
            .build();
    Parser theirs = MarkdownRenderer.builder(IncludeSourceSpans.NONE).build();
    HtmlRenderer html = HtmlRenderer.builder().extensions(MarkdownRenderer.EXTENSIONS).build();
    Random r = new Random(11);
    int tables = 0;
    for (int i = 0; i < 5_000; i++) {
      String md = document(r);
      String expected = html.render(theirs.parse(md));
      tables += expected.contains("<td") ? 1 : 0;
      assertEquals(expected, html.render(ours.parse(md)), () -> "for:\n" + md);
    }
    assertTrue(tables > 500, "the random documents should hold tables: " + tables);
  }
}
