package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.factsite.render.template.WrittenPage;
import org.junit.jupiter.api.Test;

/**
 * A page read with its body's facts put in ({@link BodySplice}) has exactly the facts of the page
 * read whole, and a page whose frame could read its body differently is read whole.
 */
class BodySpliceTest {
  private static final String BASE = "https://example.org/repo/";
  private static final String PAGE = "posts/a/index.html";

  private static final String HEAD =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><meta"
          + " http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
          + " 'self'\"><title>A | Site</title><link rel=\"stylesheet\""
          + " href=\"../../assets/style.css\"></head>\n<body>\n";

  private static final String NAV =
      "<header><a href=\"../../\">Site</a></header>\n<nav><ul>\n"
          + "<li><a href=\"../../posts/b/\">B</a></li>\n<li><a href=\"../../posts/c/#top\">C</a>"
          + "</li>\n</ul></nav>\n";

  /** Pieces of HTML as Markdown's renderer writes them. */
  private static final List<String> PIECES =
      List.of(
          "<p>Text with <a href=\"../../posts/b/\">a link</a> and <em>emphasis</em>.</p>\n",
          "<h2 id=\"a-heading\">A heading</h2>\n",
          "<p><img src=\"../../assets/chart.svg\" alt=\"A chart\" /></p>\n",
          "<ul>\n<li><a href=\"#a-heading\">up</a></li>\n<li><strong>b</strong></li>\n</ul>\n",
          "<blockquote>\n<p>Quoted <code>x</code></p>\n</blockquote>\n",
          "<pre><code class=\"language-java\">a &lt; b\n</code></pre>\n",
          "<table>\n<thead>\n<tr>\n<th>Name</th>\n<th align=\"right\">N</th>\n</tr>\n</thead>\n"
              + "<tbody>\n<tr>\n<td><a href=\"https://example.org/repo/posts/c/\">c</a></td>\n"
              + "<td align=\"right\">1</td>\n</tr>\n</tbody>\n</table>\n",
          "<p>A note<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\""
              + " data-footnote-ref>1</a></sup>.</p>\n",
          "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n<p>Note <a"
              + " href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref"
              + " aria-label=\"Back to reference 1\">\u21a9</a></p>\n</li>\n</ol>\n</section>\n",
          "<hr />\n",
          "<p>Line<br />\nbreak and <a href=\"mailto:help@example.org\">mail</a>, <a"
              + " href=\"../../missing/\">broken</a></p>\n",
          "<ol start=\"3\">\n<li>\n<p>loose <a href=\"http://other.example/x\">out</a></p>\n"
              + "</li>\n</ol>\n");

  private static String body(Random r) {
    // A rendered article always has some text; a body without any is read whole (see below).
    StringBuilder b = new StringBuilder(PIECES.get(r.nextInt(2)));
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      b.append(PIECES.get(r.nextInt(PIECES.size())));
    }
    return b.toString();
  }

  private static PageFacts whole(String html) {
    return PageFacts.of(PAGE, bytes(html), BASE);
  }

  /** Frames read once per shape, shared by every page of these tests. */
  private static final FrameShapes SHAPES = new FrameShapes();

  /**
   * The page read with its body's facts put in: its frame parsed itself, and read through {@link
   * #SHAPES}, which must agree.
   */
  private static PageFacts spliced(String pre, String body, String post) {
    PageFacts bodyFacts = BodySplice.ofHtml(PAGE, body, BASE);
    assertNotNull(bodyFacts, () -> "this body should be readable on its own:\n" + body);
    PageFacts parsed =
        BodySplice.spliced(PAGE, bytes(pre + body + post), null, body, bodyFacts, BASE, null);
    PageFacts shaped =
        BodySplice.spliced(PAGE, bytes(pre + body + post), null, body, bodyFacts, BASE, SHAPES);
    assertEquals(
        parsed == null ? null : PageFactsEquivalenceTest.describe(parsed),
        shaped == null ? null : PageFactsEquivalenceTest.describe(shaped),
        () -> "read through its shape, the frame gave other facts:\n" + pre + body + post);
    return parsed;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertSameAsWhole(PageFacts spliced, String html) {
    assertEquals(
        PageFactsEquivalenceTest.describe(whole(html)),
        PageFactsEquivalenceTest.describe(spliced),
        () -> "spliced facts differ for:\n" + html);
  }

  @Test
  void pagesInOrdinaryFramesAreSplicedWithTheWholePagesFacts() {
    List<String[]> frames =
        List.of(
            new String[] {HEAD + NAV + "<main>\n<article>\n<h1>A</h1>\n", "</article>\n</main>\n"},
            new String[] {HEAD + "<div class=\"prose\">", "</div><footer><a href=\"x/\">x</a>"},
            new String[] {HEAD, "<script src=\"../../assets/x.js\"></script></body></html>"},
            new String[] {"<section id=s>", "<a href=\"#s\">top</a></section>"},
            // in the head, the body's first block closes it and opens the page's body, as the
            // markers do
            new String[] {"<html><head>", "</head><body></body></html>"},
            // after the page's end, the body's first block takes the parser back into the body
            new String[] {HEAD + "</body>", ""},
            new String[] {HEAD + "</body></html>", ""});
    Random r = new Random(3);
    for (String[] f : frames) {
      for (int i = 0; i < 50; i++) {
        String body = body(r);
        PageFacts s = spliced(f[0], body, f[1]);
        assertNotNull(s, () -> "not spliced in the frame " + f[0] + "…" + f[1]);
        assertSameAsWhole(s, f[0] + body + f[1]);
        // The same, with the body where the template said it wrote it instead of searched for.
        String page = f[0] + body + f[1];
        assertSameAsWhole(
            BodySplice.spliced(
                PAGE,
                bytes(page),
                new WrittenPage(page, f[0].length()),
                body,
                BodySplice.ofHtml(PAGE, body, BASE),
                BASE,
                null),
            page);
      }
    }
  }

  @Test
  void aBodyIsSplicedWhereTheTemplateWroteItEvenWhenItsTextStandsEarlier() {
    // The body's text first stands in a comment; the template wrote the body itself after it. Cut
    // at the first match, the page would lose its real body's place and keep a comment's text.
    String body = "<p>Text with <a href=\"../../posts/b/\">a link</a>.</p>\n";
    String pre = HEAD + "<!--" + body + "--><main>";
    String page = pre + body + "</main>";
    PageFacts bodyFacts = BodySplice.ofHtml(PAGE, body, BASE);
    PageFacts placed =
        BodySplice.spliced(
            PAGE, bytes(page), new WrittenPage(page, pre.length()), body, bodyFacts, BASE, null);
    assertNotNull(placed);
    assertSameAsWhole(placed, page);
    // With no place given (-1), the page is searched, as for a page kept from an earlier build.
    assertNull(
        BodySplice.spliced(
            PAGE, bytes(page), new WrittenPage(page, -1), body, bodyFacts, BASE, null));
  }

  @Test
  void framesThatWouldReadTheBodyDifferentlyAreReadWhole() {
    String body = PIECES.get(0) + PIECES.get(2) + PIECES.get(1);
    List<String[]> frames =
        List.of(
            // an open link: its copy would wrap the body's text, and its address count again
            new String[] {HEAD + "<a href=\"../../x/\">", "</a>"},
            // a formatting element closed out of order stays to be reopened around body text
            new String[] {HEAD + "<div><a href=\"../../y/\"></div>", ""},
            // an open paragraph, which the body's first block would close
            new String[] {HEAD + "<p>Intro", "</p>"},
            // inside a table: the body would be moved out in front of it
            new String[] {HEAD + "<table>", "</table>"},
            new String[] {HEAD + "<table><tr><td>", "</td></tr></table>"},
            // text-only elements, comments and attributes
            new String[] {HEAD + "<textarea>", "</textarea>"},
            new String[] {HEAD + "<script>", "</script>"},
            new String[] {HEAD + "<!--", "-->"},
            new String[] {HEAD + "<div title=\"", "\"></div>"},
            // list items and other containers that change how blocks are read
            new String[] {HEAD + "<ul><li>", "</li></ul>"},
            new String[] {HEAD + "<button>", "</button>"},
            new String[] {HEAD + "<select>", "</select>"},
            new String[] {HEAD + "<template>", "</template>"},
            new String[] {HEAD + "<svg>", "</svg>"},
            new String[] {HEAD + "<picture><source srcset=\"a.svg\">", "</picture>"},
            // a marker of ours elsewhere in the page, and a frameset after the body
            new String[] {HEAD + "<p>" + BodySplice.TEXT + "</p>", ""},
            new String[] {HEAD + "<!--factsite:article-body-->", ""});
    for (String[] f : frames) {
      assertNull(spliced(f[0], body, f[1]), () -> "spliced in the frame " + f[0] + "…" + f[1]);
    }
  }

  @Test
  void randomFramesNeverGiveOtherFactsThanTheWholePage() {
    Random r = new Random(11);
    int splicedPages = 0;
    int readWhole = 0;
    for (int i = 0; i < 3000; i++) {
      String pre =
          (r.nextBoolean() ? HEAD : "")
              + (r.nextInt(3) == 0 ? "" : PageFactsEquivalenceTest.randomPage(r))
              + (r.nextBoolean() ? "<div>" : "");
      String post =
          (r.nextBoolean() ? "</div>" : "")
              + (r.nextInt(3) == 0 ? "" : PageFactsEquivalenceTest.randomPage(r));
      String body = body(r);
      PageFacts s = spliced(pre, body, post);
      if (s == null) {
        readWhole++;
      } else {
        splicedPages++;
        assertSameAsWhole(s, pre + body + post);
      }
    }
    // Both ways must be taken often, or this test shows nothing.
    assertTrue(splicedPages > 300, "spliced " + splicedPages);
    assertTrue(readWhole > 300, "read whole " + readWhole);
  }

  @Test
  void bodiesThatAreNotBalancedOrBreakThePolicyAreNotReadOnTheirOwn() {
    for (String body :
        List.of(
            "<p>open",
            "<div>open</div><div>",
            "<p><em>misnested</p></em>",
            "</div><p>a stray end tag</p>",
            "<table><tr><td>a body implied</td></tr></table>",
            "<p style=\"color:red\">styled</p>",
            "<script>inline()</script>",
            "<figure class=\"chart\"><img src=\"c.svg\" alt=\"c\"></figure>",
            "<picture><source srcset=\"a.svg\"><img src=\"b.svg\" alt=\"b\" /></picture>",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\">")) {
      assertNull(BodySplice.ofHtml(PAGE, body, BASE), body);
    }
  }

  @Test
  void aFramesetAfterTheBodyIsIgnoredAsInTheWholePage() {
    String frameset = "<frameset><frame src=\"f.html\"></frameset>";
    String body = PIECES.get(1);
    assertSameAsWhole(spliced(HEAD, body, frameset), HEAD + body + frameset);
    // Without text, the body would leave the frameset free to replace the page's body.
    assertNull(BodySplice.ofHtml(PAGE, "<h2 id=\"x\"></h2>\n<p></p>", BASE));
    assertEquals(List.of(), whole(HEAD + "<h2 id=\"x\"></h2>" + frameset).refs().subList(1, 1));
  }

  @Test
  void aBodyNotFoundInThePageIsReadWhole() {
    String body = PIECES.get(0);
    PageFacts bodyFacts = BodySplice.ofHtml(PAGE, body, BASE);
    assertNull(
        BodySplice.spliced(PAGE, bytes(HEAD + "<p>other</p>"), null, body, bodyFacts, BASE, null));
    assertNull(BodySplice.spliced(PAGE, bytes(HEAD), null, "", bodyFacts, BASE, null));
  }
}
