package org.factsite.render.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.factsite.model.Article;
import org.factsite.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendered bodies kept between builds come back as they were made: the HTML, and the start tags the
 * renderer recorded, in order and with their attributes, so that a page around a kept body can be
 * read for the checks without it.
 */
class BodyStoreTest {
  private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

  @TempDir Path dir;

  private static Article article(String path, String markdown) {
    return Fixtures.article(path, markdown, "posts/a/index.html");
  }

  @Test
  void aKeptBodyHasTheTagsItsRendererRecorded() {
    List<Article> articles =
        List.of(
            article(
                "content/a.md",
                "## A heading\n\nSee [the report](https://example.org/r \"Report\") and"
                    + " ![a chart](/charts/a.svg).[^1]\n\n| Year | Count |\n|:---|---:|\n| 2020 |"
                    + " 1,220 |\n\n[^1]: A note.\n"),
            article("content/b.md", "Plain *text* only.\n"),
            // A link inside a link: the parser would close the outer one early, so no tags.
            article("content/c.md", "[outer <https://example.org/inner> text](/x/)\n"));
    BodyStore first = new BodyStore(dir.resolve("bodies.bin"), "code");
    for (Article a : articles) {
      assertTrue(first.find(a, "../../", MARKDOWN).isEmpty());
      RenderedBody made = MARKDOWN.renderRecorded(MARKDOWN.parse(a));
      first.keep(a, true, made, new LinkPlaces());
    }
    first.save(Set.of("content/a.md", "content/b.md", "content/c.md"));

    BodyStore later = new BodyStore(dir.resolve("bodies.bin"), "code");
    for (Article a : articles) {
      RenderedBody made = MARKDOWN.renderRecorded(MARKDOWN.parse(a));
      RenderedBody kept = later.find(a, "../../", MARKDOWN).orElseThrow().rendered();
      assertEquals(made, kept, a.sourcePath());
    }
    RenderedBody a = later.find(articles.get(0), "../../", MARKDOWN).orElseThrow().rendered();
    assertNotNull(a.tags());
    assertTrue(a.tags().stream().anyMatch(t -> t.name().equals("img")), a.tags().toString());
    assertThrows(
        UnsupportedOperationException.class,
        () -> a.tags().get(0).attributes().put("id", "x"),
        "a kept tag's attributes cannot be changed, as a recorded one's cannot");
    assertNull(later.find(articles.get(2), "../../", MARKDOWN).orElseThrow().rendered().tags());
  }
}
