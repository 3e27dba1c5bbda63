package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A page listing many things alike, a line each, read with one item parsed and every item's facts
 * from its own tags ({@link ListSplice}), has exactly the facts of the page parsed whole, whatever
 * its items hold and wherever its list stands; and it is read whole when that could differ.
 */
class ListSpliceTest {
  private static final String BASE = "https://example.org/repo/";
  private static final String PAGE = "index.html";

  private static final String HEAD =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><meta"
          + " http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
          + "<title>All | Site</title></head>\n<body>\n<header><a href=\"./\">Site</a></header>\n";

  /** The bench site's home page: every article, newest first, a line each. */
  private static String home(int items) {
    StringBuilder b = new StringBuilder(HEAD).append("<main>\n<h1>All articles</h1>\n");
    b.append("<ul class=\"all\">\n");
    for (int i = items - 1; i >= 0; i--) {
      b.append("<li><a href=\"./posts/article-")
          .append(i)
          .append("/\">Title ")
          .append(i)
          .append("</a> <time>1992-09-")
          .append(10 + i % 18)
          .append("</time> A summary of article ")
          .append(i)
          .append(".</li>\n");
    }
    return b.append("</ul>\n</main>\n</body>\n</html>\n").toString();
  }

  private static void assertWholePagesFacts(PageFacts spliced, String html) {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        PageFactsEquivalenceTest.describe(PageFacts.of(PAGE, bytes, BASE)),
        PageFactsEquivalenceTest.describe(spliced),
        () -> "other facts than the whole page's for:\n" + html);
  }

  private static PageFacts spliced(String html) {
    return ListSplice.facts(PAGE, html.getBytes(StandardCharsets.UTF_8), BASE, new FrameShapes());
  }

  @Test
  void theHomePagesListIsReadFromItsTagsWithTheWholePagesFacts() {
    String html = home(40);
    PageFacts facts = spliced(html);
    assertNotNull(facts, "the list of 40 articles should be read from its tags");
    assertWholePagesFacts(facts, html);
    assertTrue(facts.refs().contains("./posts/article-39/"), facts.refs().toString());
  }

  @Test
  void aShortListIsLeftToTheWholePagesParse() {
    assertNull(spliced(home(ListSplice.MIN_ITEMS - 1)));
    assertNotNull(spliced(home(ListSplice.MIN_ITEMS)));
  }

  @Test
  void aBrokenLinkInTheListIsStillFoundByTheChecks() {
    String html = home(30).replace("./posts/article-7/", "./posts/no-such-article/");
    PageFacts facts = spliced(html);
    assertNotNull(facts);
    assertTrue(facts.refs().contains("./posts/no-such-article/"), facts.refs().toString());
    assertWholePagesFacts(facts, html);
  }

  /** Where the list stands: {@code %} is the list; some places make it read differently. */
  private static final List<String> PLACES =
      List.of(
          "<main>\n%\n</main>",
          "<main><div class=\"x\">\n%\n</div></main>",
          "<p>Open paragraph\n%\n</p>",
          "<p><b>bold left open</p>\n%\n",
          "<table><tr><td>\n%\n</td></tr></table>",
          "<a href=\"./x/\">\n%\n</a>",
          "<ul><li>\n%\n</li></ul>",
          "<template>\n%\n</template>",
          "<svg>\n%\n</svg>",
          "<div>\n%\n</div>\n<frameset></frameset>");

  /** A list's container, its start tag and end tag around the items ({@code *}). */
  private static final List<String> CONTAINERS =
      List.of(
          "<ul class=\"all\">\n*</ul>",
          "<ol>\n*</ol>",
          "<div id=\"list\">\n*</div>",
          "<ul>\n*</ol>",
          "<table>\n*</table>",
          "<ul title='a>b'>\n*</ul>",
          "<UL CLASS=\"all\">\n*</UL>",
          "<span>\n*</span>");

  /**
   * Items, each on a line: {@code @} is each item's own text, {@code #} its own address. Some are
   * balanced and plain; the rest break a rule.
   */
  private static final List<String> ITEMS =
      List.of(
          "<li><a href=\"./posts/#/\">@</a> <time datetime=\"@\">@</time> @</li>",
          "<li id=\"item-#\"><a href=\"#\" title=\"@\">@</a></li>",
          "<li><a name=\"n#\" href=\"../#\">@</a><img src=\"img/#.png\" alt=\"@\"></li>",
          "<li><a href=\"#\">@</a><br></li>",
          "<li><a href='#'>@</a></li>",
          "<li><a href=#>@</a></li>",
          "<li><a href=\"#\" href=\"x\">@</a></li>",
          "<li><a HREF=\"#\" Id=\"a#\">@</a></li>",
          "<li><a href=\"#\">@</li>",
          "<li><b>@</li>",
          "<li><p>@</li>",
          "<li><a href=\"#\">@<a href=\"x\">@</a></a></li>",
          "<li><b><i>@</b></i></li>",
          "<li><table><tr><td>@</td></tr></table></li>",
          "<li><input type=\"hidden\" value=\"#\">@</li>",
          "<li><svg><a href=\"#\">@</a></svg></li>",
          "<li><script src=\"#.js\"></script>@</li>",
          "<li><style>@</style></li>",
          "<li style=\"color: red\"><a href=\"#\">@</a></li>",
          "<li><a href=\"javascript:alert(#)\">@</a></li>",
          "<li><a href=\"#\" onclick=\"go()\">@</a></li>",
          "<li><figure class=\"chart\" id=\"c#\"><figcaption>@</figcaption></figure></li>",
          "<li><picture><source srcset=\"#.webp\"><img src=\"#.png\" alt=\"@\"></picture></li>",
          "<li><!-- @ --><a href=\"#\">@</a></li>",
          "<li><a href=\"#\">@</a></li><li>",
          "<li><textarea>@</textarea></li>",
          "<li><title>@</title></li>",
          "<li>@",
          "<li></li>",
          "<li><h2>@</h2><p>@</p></li>",
          "<li><span class=\"a\" data-x=\"#\">@</span></li>",
          "<li><img src=\"#\"/></li>",
          "<li><a href=\"#\">@</a></li>\r",
          "<li><a\nhref=\"#\">@</a></li>",
          "<dt>@</dt><dd><a href=\"#\">@</a></dd>",
          "<li><form action=\"#\">@</form></li>",
          "<li><select><option>@</option></select></li>",
          "<li><nobr>@</nobr></li>",
          "<li><font color=\"#\">@</font></li>",
          "<li><object data=\"#\">@</object></li>");

  /**
   * What an item's own text or address may be: what a frame's hole may hold ({@link
   * FrameShapesTest#TEXTS}), and addresses with queries, references and quotes.
   */
  private static final List<String> TEXTS =
      Stream.concat(
              FrameShapesTest.TEXTS.stream(),
              Stream.of(
                  "a&notin;b",
                  "x&lt",
                  "?a=1&b=2",
                  "?a=1&amp;b=2",
                  "a'b",
                  "../../up",
                  "https://example.org/repo/posts/d/"))
          .toList();

  /**
   * Item {@code i} of a list made from {@code template}; its holes filled at random unless r is
   * null.
   */
  private static String fill(String template, Random r, int i) {
    StringBuilder b = new StringBuilder();
    for (char c : template.toCharArray()) {
      if (c == '@') {
        b.append(odd(r) ? TEXTS.get(r.nextInt(TEXTS.size())) : "Word " + i);
      } else if (c == '#') {
        b.append(odd(r) ? TEXTS.get(r.nextInt(TEXTS.size())) : "p" + i);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Now and then an odd text: often enough to meet each, seldom enough that most lists stay alike.
   */
  private static boolean odd(Random r) {
    return r != null && r.nextInt(150) == 0;
  }

  /** One of {@code list}: half the time one of its first {@code plain} (those read from tags). */
  private static String pick(List<String> list, int plain, Random r) {
    return list.get(r.nextBoolean() ? r.nextInt(plain) : r.nextInt(list.size()));
  }

  private static String randomPage(Random r) {
    String item = pick(ITEMS, PLAIN_ITEMS, r);
    String other = pick(ITEMS, PLAIN_ITEMS, r);
    int n = ListSplice.MIN_ITEMS + r.nextInt(12);
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < n; i++) {
      // Now and then one item unlike the rest, which splits the run or ends it early.
      items.append(fill(r.nextInt(40) == 0 ? other : item, r, i)).append('\n');
    }
    String container = pick(CONTAINERS, 3, r);
    String list = container.replace("*", items);
    String place = pick(PLACES, 2, r);
    return HEAD + place.replace("%", list) + "\n</body>\n</html>\n";
  }

  /**
   * The first items of {@link #ITEMS}: balanced, plain, and read from their tags in a plain place.
   */
  private static final int PLAIN_ITEMS = 4;

  @Test
  void everyKindOfItemInEveryPlaceHasTheWholePagesFacts() {
    int spliced = 0;
    for (String place : PLACES) {
      for (String container : CONTAINERS) {
        for (int it = 0; it < ITEMS.size(); it++) {
          StringBuilder items = new StringBuilder();
          for (int i = 0; i < ListSplice.MIN_ITEMS + 4; i++) {
            items.append(fill(ITEMS.get(it), null, i)).append('\n');
          }
          String html =
              HEAD + place.replace("%", container.replace("*", items)) + "\n</body>\n</html>\n";
          PageFacts facts = spliced(html);
          if (facts != null) {
            spliced++;
            assertWholePagesFacts(facts, html);
          } else if (place == PLACES.get(0) && container == CONTAINERS.get(0) && it < PLAIN_ITEMS) {
            throw new AssertionError("a plain list should be read from its tags:\n" + html);
          }
        }
      }
    }
    assertTrue(spliced >= PLAIN_ITEMS, "lists read from their tags: " + spliced);
  }

  @Test
  void everyListReadFromItsTagsHasTheWholePagesFacts() {
    Random r = new Random(11);
    int spliced = 0;
    for (int i = 0; i < 4000; i++) {
      String html = randomPage(r);
      PageFacts facts = spliced(html);
      if (facts != null) {
        spliced++;
        assertWholePagesFacts(facts, html);
      }
    }
    assertTrue(spliced > 500, "lists read from their tags: " + spliced);
  }

  @Test
  void pagesOfOneTemplateShareTheirFramesShapeAndReadEachListsOwnLinks() {
    FrameShapes shapes = new FrameShapes();
    for (int n : List.of(20, 21, 35)) {
      String html = home(n);
      byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
      PageFacts facts = ListSplice.facts(PAGE, bytes, BASE, shapes);
      assertNotNull(facts);
      assertWholePagesFacts(facts, html);
    }
    assertEquals(1, shapes.size());
  }

  @Test
  void aPageWithoutAListIsReadWhole() {
    String html = HEAD + "<main><p>Nothing listed.</p></main></body></html>";
    assertNull(spliced(html));
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        PageFactsEquivalenceTest.describe(PageFacts.of(PAGE, bytes, BASE)),
        PageFactsEquivalenceTest.describe(ListSplice.ofPage(PAGE, bytes, BASE, new FrameShapes())));
  }
}
