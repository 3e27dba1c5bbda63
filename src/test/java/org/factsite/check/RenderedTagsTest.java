package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.factsite.model.Article;
import org.factsite.render.markdown.MarkdownRenderer;
import org.factsite.render.markdown.RenderedBody;
import org.factsite.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The facts of an article body taken from the tags its renderer wrote ({@link BodySplice#ofTags})
 * are those a parse of its HTML gives ({@link BodySplice#ofHtml}), on random Markdown that uses
 * everything the renderer writes tags for.
 */
class RenderedTagsTest {
  private static final String BASE = "https://example.org/repo/";
  private static final String PAGE = "posts/a/index.html";
  private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

  private static final String[] URLS = {
    "../b/",
    "/posts/c/",
    "/posts/c/#part",
    "#top",
    "https://example.org/repo/posts/d/",
    "https://other.example/x?a=1&b=2",
    "mailto:help@example.org",
    "<with space/>",
    "a\"quote",
    "caf%C3%A9",
    "javascript:alert(1)",
    "data:text/html,x",
    "../../../../up",
    "img.svg \"A title\"",
    "?q#f"
  };

  private static final String[] INLINES = {
    "word",
    "*emphasis*",
    "**strong**",
    "`code <b>`",
    "&amp; &nbsp; &#32; &lt;",
    "\u00a0",
    "<span onclick=x>raw</span>",
    "<https://auto.example/a?b&c>",
    "<mail@example.org>",
    "[^n]",
    "\\\n",
    "![alt text](URL)",
    "[link](URL)",
    "[link with ![an image](URL)](URL)",
    "[link with a note[^n]](URL)",
    "[link with <https://auto.example/x>](URL)",
    "[ref link][r]",
    "{not a directive"
  };

  private static final String[] BLOCKS = {
    "P",
    "## Heading P",
    "### P",
    "- P\n- P\n  - P",
    "1. P\n2. P",
    "> P\n>\n> P",
    "```java\ncode & <tags>\n```",
    "    indented code",
    "| A | B |\n|---|--:|\n| P | P |",
    "| Head |\n|:-:|",
    "---",
    "<div onclick=\"x\">raw block</div>",
    "<script>alert(1)</script>",
    "[^n]: A note with P",
    "[r]: URL",
    "\u00a0",
    "&nbsp;"
  };

  private static String inline(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(5);
    for (int i = 0; i < n; i++) {
      String s = INLINES[r.nextInt(INLINES.length)];
      while (s.contains("URL")) {
        s = s.replaceFirst("URL", java.util.regex.Matcher.quoteReplacement(url(r)));
      }
      b.append(s).append(' ');
    }
    return b.toString().replace("[^n]", "[^" + (1 + r.nextInt(2)) + "]");
  }

  private static String url(Random r) {
    return URLS[r.nextInt(URLS.length)];
  }

  static String randomMarkdown(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(7);
    for (int i = 0; i < n; i++) {
      String block = BLOCKS[r.nextInt(BLOCKS.length)];
      while (block.contains("P")) {
        block = block.replaceFirst("P", java.util.regex.Matcher.quoteReplacement(inline(r)));
      }
      while (block.contains("URL")) {
        block = block.replaceFirst("URL", java.util.regex.Matcher.quoteReplacement(url(r)));
      }
      b.append(block.replace("[^n]", "[^" + (1 + r.nextInt(2)) + "]")).append("\n\n");
    }
    return b.toString();
  }

  private static RenderedBody render(String markdown) {
    Article a = Fixtures.article("content/posts/a.md", markdown, PAGE);
    return MARKDOWN.renderRecorded(MARKDOWN.parse(a));
  }

  private static String describe(PageFacts f) {
    return f == null ? "not spliceable" : PageFactsEquivalenceTest.describe(f);
  }

  @Test
  void tagsGiveTheFactsAParseOfTheBodyGives() {
    Random r = new Random(5);
    int recorded = 0;
    int notRecorded = 0;
    for (int i = 0; i < 3000; i++) {
      String markdown = randomMarkdown(r);
      RenderedBody body = render(markdown);
      if (body.tags() == null) {
        notRecorded++;
        continue;
      }
      recorded++;
      assertEquals(
          describe(BodySplice.ofHtml(PAGE, body.html(), BASE)),
          describe(BodySplice.ofTags(PAGE, body.tags(), BASE)),
          () -> "for the Markdown:\n" + markdown + "\nrendered:\n" + body.html());
    }
    assertTrue(recorded > 1500, "recorded " + recorded);
    assertTrue(notRecorded > 100, "not recorded " + notRecorded);
  }

  private static final String[] TAG_NAMES = {
    "a", "link", "img", "script", "style", "meta", "iframe", "embed", "h2", "p", "code", "col",
    "th", "A", "Img"
  };

  private static final String[] KEYS = {
    "id", "name", "href", "src", "rel", "http-equiv", "content", "style", "onclick", "class",
    "srcset", "action", "formaction", "poster", "alt", "title", "align", "ID", "Href", " src"
  };

  private static final String[] VALUES = {
    "stylesheet", "canonical", "", "Content-Security-Policy", "default-src 'none'", "x", "top"
  };

  private static List<RenderedBody.Tag> randomTags(Random r) {
    List<RenderedBody.Tag> tags = new java.util.ArrayList<>();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      Map<String, String> attributes = new LinkedHashMap<>();
      int k = r.nextInt(4);
      for (int j = 0; j < k; j++) {
        attributes.put(
            KEYS[r.nextInt(KEYS.length)],
            r.nextBoolean() ? url(r) : VALUES[r.nextInt(VALUES.length)]);
      }
      tags.add(new RenderedBody.Tag(TAG_NAMES[r.nextInt(TAG_NAMES.length)], attributes));
    }
    return tags;
  }

  @Test
  void tagsReadDirectlyGiveTheFactsOfTheirElements() {
    Random r = new Random(11);
    int direct = 0;
    for (int i = 0; i < 4000; i++) {
      List<RenderedBody.Tag> tags = randomTags(r);
      if (tags.stream().allMatch(t -> ElementView.ofTag(t) != null)) {
        direct++;
      }
      assertEquals(
          describe(asElements(tags)),
          describe(BodySplice.ofTags(PAGE, tags, BASE)),
          () -> "for the tags " + tags);
    }
    assertTrue(direct > 1000, "read directly " + direct);
  }

  /**
   * The reading the direct one must match: every tag made into a jsoup element and walked as a
   * parsed body's elements are, and no facts for a body holding a picture, a source or a figure,
   * whose facts depend on what they hold.
   */
  private static PageFacts asElements(List<RenderedBody.Tag> tags) {
    List<org.jsoup.nodes.Node> elements = new java.util.ArrayList<>();
    for (RenderedBody.Tag t : tags) {
      if (java.util.Set.of("picture", "source", "figure").contains(t.name())) {
        return null;
      }
      org.jsoup.nodes.Element el =
          new org.jsoup.nodes.Element(org.jsoup.parser.Tag.valueOf(t.name()), "");
      t.attributes().forEach(el::attr);
      elements.add(el);
    }
    return BodySplice.facts(PageScan.ofNodes(elements, PAGE, BASE), PAGE, BASE);
  }
}
