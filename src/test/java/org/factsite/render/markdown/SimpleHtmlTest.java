package org.factsite.render.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

/**
 * Writing the HTML of simple documents ourselves changes nothing: on random documents, whenever
 * {@link SimpleHtml} writes one, it writes the HTML commonmark's renderer writes and records the
 * tags commonmark's renderer records, heading ids included.
 */
class SimpleHtmlTest {
  private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

  /** Both ways for the document made of {@code md}; null when {@link SimpleHtml} declines it. */
  private static RenderedBody[] both(String md) {
    Node doc = MARKDOWN.parseFast(md);
    RenderedBody ours = SimpleHtml.write(doc, 16, true);
    return ours == null ? null : new RenderedBody[] {MARKDOWN.renderByCommonmark(doc), ours};
  }

  private static void assertSame(String md) {
    RenderedBody[] b = both(md);
    assertNotNull(b, () -> "should be written simply:\n" + RandomMarkdown.shown(md));
    assertEquals(b[0].html(), b[1].html(), () -> "for:\n" + RandomMarkdown.shown(md));
    assertEquals(b[0].tags(), b[1].tags(), () -> "tags for:\n" + RandomMarkdown.shown(md));
  }

  @Test
  void writesWhatCommonmarksRendererWritesOnRandomDocuments() {
    RandomMarkdown w = new RandomMarkdown(new Random(29));
    SimpleBlocks blocks = MARKDOWN.simpleBlocks();
    int written = 0;
    int writtenAfterCommonmarksParse = 0;
    int withoutTags = 0;
    for (int i = 0; i < 30_000; i++) {
      String md = w.document();
      RenderedBody[] b = both(md);
      if (b == null) {
        continue;
      }
      written++;
      writtenAfterCommonmarksParse += blocks.read(md) == null ? 1 : 0;
      withoutTags += b[1].tags() == null ? 1 : 0;
      assertEquals(b[0].html(), b[1].html(), () -> "for:\n" + RandomMarkdown.shown(md));
      assertEquals(b[0].tags(), b[1].tags(), () -> "tags for:\n" + RandomMarkdown.shown(md));
      assertEquals(
          b[1].html(), SimpleHtml.write(MARKDOWN.parseFast(md), 16, false).html(), "unrecorded");
    }
    int simply = written;
    int parsed = writtenAfterCommonmarksParse;
    assertTrue(simply > 20_000 && simply < 29_000, () -> "written simply: " + simply);
    assertTrue(parsed > 5_000, () -> "written simply after commonmark's parse: " + parsed);
    assertTrue(withoutTags > 0, "some bodies have no text, and so no tags");
  }

  @Test
  void givesHeadingsTheIdsCommonmarkGives() {
    assertSame(
        "# Café au lait\n\n# Café au lait\n\n## `Code` and *emphasis* [linked](/a/)\n\n"
            + "### 2020 – 2021\n\n# Café au lait-1\n\n# id\n\n#  \n\n# 😀 smile\n\n"
            + "## under_score & \"quotes\"\n\n### \u00a0spaced\u00a0\n\n# ΣΊΣΥΦΟΣ\n");
  }

  @Test
  void givesHeadingsTheIdsCommonmarkGivesInATurkishLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));
      assertSame("# TITLE IN CAPITALS\n\n## İstanbul\n\nText.\n");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void escapesTextAndAddressesAndKeepsTitles() {
    assertSame("A & B < C > D \"E\"\n\n[x](/a?b=1&c=\"2\" \"A title & more\")\n\nline  \nbreak\n");
    assertSame("| a | b |\n|:-|-:|\n| `<x>` | [y](/y/) |\n|  | :-: |\n");
  }

  @Test
  void leavesOtherNodesToCommonmark() {
    for (String md :
        List.of(
            "![picture](/p.png)",
            "```\ncode\n```",
            "1. one",
            "---",
            "Text[^1]\n\n[^1]: note",
            "<b>raw</b>",
            "A {{stat x}} reference")) {
      assertNull(SimpleHtml.write(MARKDOWN.parseFast(md), 16, true), md);
    }
  }
}
