package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;

/**
 * The link check reads each page once into a small scan and still catches every broken internal
 * link and anchor; the fast resolver agrees with {@link java.net.URI} on every reference.
 */
class LinkCheckTest {
  private static final String[] PAGES = {
    "index.html", "a/index.html", "posts/b/index.html", "404.html", "posts/b/c/index.html"
  };
  private static final String[] REFS = {
    "./",
    "../",
    "../../",
    "../../../",
    "a/",
    "./a/",
    "../posts/b/",
    "../../posts/article-00042/",
    "assets/style.css",
    "../assets/style.css",
    ".",
    "..",
    "a/./b/",
    "a/../b/",
    "a/b/..",
    "/a/",
    "/",
    "x.csv",
    "~x/",
    "a_b-c.d/"
  };

  @Test
  void fastResolveAgreesWithUri() {
    for (String page : PAGES) {
      for (String ref : REFS) {
        assertEquals(
            LinkCheck.resolveByUri(page, ref), LinkCheck.resolve(page, ref), ref + " from " + page);
      }
    }
  }

  @Test
  void fastResolveAgreesWithUriOnRandomPaths() {
    String[] segments = {"..", ".", "a", "b.c", "", "~x", "..."};
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder ref = new StringBuilder();
      int n = 1 + r.nextInt(6);
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          ref.append('/');
        }
        // Mostly climbs first, as links between articles do.
        ref.append(k < 3 && r.nextBoolean() ? ".." : segments[r.nextInt(segments.length)]);
      }
      for (String page : PAGES) {
        String x = ref.toString();
        assertEquals(
            LinkCheck.resolveByUri(page, x), LinkCheck.resolve(page, x), x + " from " + page);
      }
    }
  }

  @Test
  void aFolderPublishesItsIndexWithOrWithoutItsSlash() {
    var published =
        LinkCheck.published(java.util.Set.of("index.html", "a/index.html", "b", "b/index.html"));
    assertEquals("index.html", published.get(""));
    assertEquals("a/index.html", published.get("a/"));
    assertEquals("a/index.html", published.get("a"));
    assertEquals("b", published.get("b"), "a file of that name comes first");
    assertEquals("b/index.html", published.get("b/"));
    assertNull(published.get("c/"));
    assertNull(published.get("index.html/"));
    assertNull(LinkCheck.published(java.util.Set.of("a/index.html")).get(""));
  }

  @Test
  void climbingAboveTheRootIsOutside() {
    assertNull(LinkCheck.resolve("a/index.html", "../../x/"));
    assertEquals("x/", LinkCheck.resolve("a/index.html", "../x/"));
  }

  @Test
  void rootRelativeLinksBetweenArticlesComeOutRelativeAndPass() {
    TestSite.of(
            """
        -- content/posts/one.md --
        ---
        title: One
        date: 2020-01-01
        ---
        See [two](/posts/two/) and [its part](/posts/two/#part).
        -- content/posts/two.md --
        ---
        title: Two
        date: 2020-01-02
        ---
        ## Part
        Back to [one](/posts/one/).
        """)
        .withDefaults()
        .build()
        .assertOk()
        .assertFileContains(
            "posts/one/index.html", "href=\"../../posts/two/\"", "href=\"../../posts/two/#part\"");
  }

  @Test
  void brokenLinkIsReportedWithTheArticle() {
    TestSite.Built b =
        TestSite.of(
                """
        -- content/posts/one.md --
        ---
        title: One
        ---
        See [gone](/posts/gone/).
        """)
            .withDefaults()
            .build()
            .assertFails();
    assertTrue(
        b.errors().contains("content/posts/one.md:4:5: broken link '/posts/gone/'"), b.errors());
  }

  @Test
  void brokenAnchorIsReported() {
    TestSite.Built b =
        TestSite.of(
                """
        -- content/one.md --
        ---
        title: One
        ---
        See [the part](/two/#no-such-part).
        -- content/two.md --
        ---
        title: Two
        ---
        ## Part
        """)
            .withDefaults()
            .build()
            .assertFails();
    assertTrue(
        b.errors().contains("content/one.md:4:5: broken anchor '/two/#no-such-part'")
            && b.errors().contains("has no heading or id 'no-such-part'"),
        b.errors());
  }

  @Test
  void rootRelativeLinkInATemplateIsReported() {
    TestSite site =
        TestSite.of(
                """
        -- content/one.md --
        ---
        title: One
        ---
        Text.
        """)
            .withDefaults();
    site.files()
        .put(
            "templates/page.ftlh",
            "<!DOCTYPE html><html><body><a href=\"/one/\">x</a>${page.body?no_esc}</body></html>");
    TestSite.Built b = site.build().assertFails();
    assertTrue(b.errors().contains("link '/one/' starts with /"), b.errors());
  }
}
