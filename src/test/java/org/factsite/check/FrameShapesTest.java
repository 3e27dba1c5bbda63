package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pages whose frames differ only in text read through one shape ({@link FrameShapes}) with exactly
 * the facts of each page read whole, wherever the differing text stands: in text, in the title, in
 * attributes read and unread, in comments, scripts and tables, and whatever it holds.
 */
class FrameShapesTest {
  private static final String BASE = "https://example.org/repo/";
  private static final String PAGE = "posts/a/index.html";
  private static final String BODY =
      "<p>Text with <a href=\"../../posts/b/\">a link</a> and <em>emphasis</em>.</p>\n"
          + "<h2 id=\"a-heading\">A heading</h2>\n";

  /** A frame with a hole {@code @} where each page's own text goes, and the body at {@code %}. */
  private static final List<String> FRAMES =
      List.of(
          "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><meta"
              + " http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><title>@ |"
              + " Site</title></head>\n<body>\n<nav><ul><li><a href=\"../../posts/b/\">@</a></li>"
              + "</ul></nav>\n<main><article><h1>@</h1><p class=\"meta\"><time datetime=\"@\">@"
              + "</time></p><p class=\"summary\">@</p>%<ul class=\"tags\"><li>@</li></ul>"
              + "</article></main></body></html>",
          "<html><head><title>@</title>@<link rel=\"stylesheet\" href=\"../../s.css\"></head>"
              + "<body><div>%</div><a href=\"@\" title=\"@\">x</a></body></html>",
          "<body><table><tr><td>@</td></tr>@</table><div>%</div><!-- @ --><p>@</p></body>",
          "<body><div title=\"a>b @\">@</div><main>%</main><script>var a = '@';</script></body>",
          "<body><textarea>@</textarea><main>%</main><a href=../../@/>@</a><a id=@>x</a></body>",
          "<head>@<meta http-equiv=\"Content-Security-Policy\" content=\"@\"></head><body>%@</body>",
          "<body><select>@<option>@</option></select><main>%</main>@<frameset>@</frameset></body>",
          "<body><svg><desc>@</desc></svg><main>%</main><p lang=\"@\" dir=\"@\">@</p></body>",
          // only text so far decides whether the frameset replaces the page's body
          "<html><head></head>@<frameset><frame src=\"f.html\"></frameset><main>%</main>"
              + "</html>");

  /** What a hole may hold: ordinary words, escapes, space, markup and our own characters. */
  static final List<String> TEXTS =
      List.of(
          "Word",
          "Two words",
          "Fish &amp; chips",
          "it&#39;s",
          "&#32;",
          "&#x20;&nbsp;",
          " ",
          "",
          "\t\n",
          "a > b",
          "a < b",
          "x\u0000y",
          "1990-01-03",
          BodySplice.TEXT,
          String.valueOf(FrameSkeleton.TEXT),
          String.valueOf(FrameSkeleton.VALUE),
          "-- --",
          "\"quoted\"",
          "a\" onclick=\"x()",
          "<b>bold</b>",
          "posts/c",
          "été");

  private static String page(String frame, Random r) {
    StringBuilder b = new StringBuilder();
    for (char c : frame.toCharArray()) {
      if (c == '@') {
        b.append(r.nextInt(3) == 0 ? TEXTS.get(r.nextInt(TEXTS.size())) : "Word " + r.nextInt(9));
      } else if (c == '%') {
        b.append(BODY);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Test
  void pagesOfOneShapeHaveTheFactsEachHasWhole() {
    FrameShapes shapes = new FrameShapes();
    PageFacts bodyFacts = BodySplice.ofHtml(PAGE, BODY, BASE);
    assertNotNull(bodyFacts);
    Random r = new Random(5);
    int pages = 0;
    int splicedPages = 0;
    for (int i = 0; i < 4000; i++) {
      String html = page(FRAMES.get(r.nextInt(FRAMES.size())), r);
      byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
      PageFacts parsed = BodySplice.spliced(PAGE, bytes, null, BODY, bodyFacts, BASE, null);
      PageFacts shaped = BodySplice.spliced(PAGE, bytes, null, BODY, bodyFacts, BASE, shapes);
      assertEquals(
          parsed == null ? null : PageFactsEquivalenceTest.describe(parsed),
          shaped == null ? null : PageFactsEquivalenceTest.describe(shaped),
          () -> "through its shape, other facts for:\n" + html);
      if (shaped != null) {
        splicedPages++;
        assertEquals(
            PageFactsEquivalenceTest.describe(PageFacts.of(PAGE, bytes, BASE)),
            PageFactsEquivalenceTest.describe(shaped),
            () -> "other facts than the whole page's for:\n" + html);
      }
      pages++;
    }
    assertTrue(splicedPages > 1000, "spliced " + splicedPages);
    assertTrue(shapes.size() < pages / 4, "pages of a frame should share shapes: " + shapes.size());
  }

  @Test
  void articlePagesOfOneTemplateShareOneShape() {
    FrameShapes shapes = new FrameShapes();
    PageFacts bodyFacts = BodySplice.ofHtml(PAGE, BODY, BASE);
    String frame = FRAMES.get(0);
    for (String title : List.of("First", "A second, longer title", "Fish &amp; chips", "été")) {
      String html = frame.replace("@", title).replace("%", BODY);
      byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
      PageFacts shaped = BodySplice.spliced(PAGE, bytes, null, BODY, bodyFacts, BASE, shapes);
      assertNotNull(shaped, html);
      assertEquals(
          PageFactsEquivalenceTest.describe(PageFacts.of(PAGE, bytes, BASE)),
          PageFactsEquivalenceTest.describe(shaped));
    }
    assertEquals(1, shapes.size());
  }

  @Test
  void aSiteWhoseEveryPageIsShapedDifferentlyKeepsAtMostTheLimit() {
    FrameShapes shapes = new FrameShapes();
    PageFacts bodyFacts = BodySplice.ofHtml(PAGE, BODY, BASE);
    for (int i = 0; i < FrameShapes.MAX_SHAPES + 100; i++) {
      String html = "<body><a href=\"../../p" + i + "/\">p</a><main>" + BODY + "</main></body>";
      byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
      PageFacts shaped = BodySplice.spliced(PAGE, bytes, null, BODY, bodyFacts, BASE, shapes);
      assertEquals(
          PageFactsEquivalenceTest.describe(PageFacts.of(PAGE, bytes, BASE)),
          PageFactsEquivalenceTest.describe(shaped));
      assertTrue(shapes.size() <= FrameShapes.MAX_SHAPES, "kept " + shapes.size());
    }
  }
}
