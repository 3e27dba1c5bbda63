package org.factsite.render.markdown;

import static org.factsite.render.markdown.MarkdownTrees.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * Reading simple block structure ourselves changes nothing: on random documents of the blocks
 * {@link SimpleBlocks} reads, near misses of them and syntax it leaves to commonmark, our parse
 * makes the same nodes, with the same fields, and renders the same HTML as commonmark's parser.
 */
class SimpleBlocksTest {

  @Test
  void simpleBlocksReadAsCommonmarksParserReadsThem() {
    MarkdownRenderer ours = new MarkdownRenderer();
    SimpleBlocks simple = ours.simpleBlocks();
    Parser theirs = MarkdownRenderer.builder(IncludeSourceSpans.NONE).build();
    HtmlRenderer html = HtmlRenderer.builder().extensions(MarkdownRenderer.EXTENSIONS).build();
    RandomMarkdown w = new RandomMarkdown(new Random(23));
    int simply = 0;
    int tables = 0;
    int lists = 0;
    int quotes = 0;
    for (int i = 0; i < 30_000; i++) {
      String md = w.document();
      Node expected = theirs.parse(md);
      Node actual = ours.parseFast(md);
      assertEquals(tree(expected), tree(actual), () -> "for:\n" + RandomMarkdown.shown(md));
      assertEquals(
          html.render(expected), html.render(actual), () -> "for:\n" + RandomMarkdown.shown(md));
      if (simple.read(md) != null) {
        simply++;
        String h = html.render(actual);
        tables += h.contains("<table>") ? 1 : 0;
        lists += h.contains("<ul>") ? 1 : 0;
        quotes += h.contains("<blockquote>") ? 1 : 0;
      }
    }
    int read = simply;
    assertTrue(
        read > 8_000 && read < 22_000,
        "both parsers should read many documents: simply " + read + " of 30,000");
    assertTrue(
        tables > 2_000 && lists > 2_000 && quotes > 2_000,
        "simply read documents should hold every kind: "
            + read
            + ": "
            + tables
            + ", "
            + lists
            + ", "
            + quotes);
  }

  /**
   * {@link MarkdownRenderer#parse} runs the nesting guard's line scan only on what SimpleBlocks
   * leaves to commonmark: nothing SimpleBlocks reads may be what the scan refuses, however deep the
   * quotes and lists a line tries to open.
   */
  @Test
  void nothingSimpleBlocksReadsNestsDeeperThanTheGuardAllows() {
    SimpleBlocks simple = new MarkdownRenderer().simpleBlocks();
    Random random = new Random(29);
    String[] openers = {"> ", "- ", "* ", "+ ", "1. ", "  ", ">", "\t"};
    int refused = 0;
    for (int i = 0; i < 5_000; i++) {
      StringBuilder line = new StringBuilder();
      int depth = NestingGuard.MAX_LINE_NESTING + random.nextInt(20);
      for (int d = 0; d < depth; d++) {
        line.append(openers[random.nextInt(openers.length)]);
      }
      String md = "Text before.\n\n" + line + "words\n";
      if (NestingGuard.scan(md).isPresent()) {
        refused++;
        assertNull(simple.read(md), () -> RandomMarkdown.shown(md));
      }
    }
    assertTrue(refused > 1_000, refused + " refused by the scan");
  }

  @Test
  void readsAnArticleAndLeavesTheRestToCommonmark() {
    SimpleBlocks simple = new MarkdownRenderer().simpleBlocks();
    String article =
        "Some *words* and `code`.\nA second line.\n\n## A heading\n\n- one\n- [two](/posts/x/)\n\n"
            + "> Quoted\n> twice\n\n| Name | Count |\n|------|------:|\n| a | 1 |\n| b |\n";
    Node doc = simple.read(article);
    assertNotNull(doc);
    String tree = tree(doc);
    assertTrue(tree.contains("Heading spans=0 level=2"), tree);
    assertTrue(tree.contains("BulletList spans=0 tight=true marker=-"), tree);
    assertTrue(tree.contains("TableCell spans=0 header=false align=RIGHT width=7"), tree);
    for (String other :
        List.of(
            "- one\n\n- two\n", // a loose list
            "> quoted\nlazily\n", // a lazy continuation line
            "Title\n---\n", // an underlined heading
            "1. first\n", // a numbered list
            "[a]: /x\n", // a link definition
            "    code\n", // indented code
            "## Heading ##\n", // a closing sequence
            "| a |\n|---|\n| b |\nc\n", // a row without a pipe
            "text {{chart x}}\n")) { // a reference
      assertNull(simple.read(other), other);
    }
  }
}
