package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.factsite.testing.Fixtures;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;

/**
 * The not-found page works at any depth (its links start from the site's address), the checks
 * follow those addresses like relative ones, and a chart's phone picture is linked, sized and
 * weighed like its wide one.
 */
class NotFoundAndPictureTest {
  private static final String NOT_FOUND_TEMPLATE =
      "<!DOCTYPE html><html lang=\"en\"><head>"
          + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          + "style-src 'self'; img-src 'self'\"><title>${page.title}</title>"
          + "<link rel=\"stylesheet\" href=\"${page.root}assets/style.css\"></head><body><nav>"
          + "<#list site.nav as n><a href=\"${n.href}\">${n.title}</a></#list></nav><main>"
          + "<h1>${page.title}</h1>${page.body?no_esc}</main></body></html>\n";

  private static final String SITE =
      """
      -- site.yaml --
      title: Test site
      base_url: https://example.org/repo/
      language: en-GB
      nav:
        - title: Home
          path: /
        - title: Get help
          path: /get-help/
      -- content/index.md --
      ---
      title: Home
      ---
      Hello.
      -- content/get-help.md --
      ---
      title: Get help
      ---
      Call someone.
      -- content/404.md --
      ---
      title: Page not found
      layout: not-found
      ---
      Try the [help page](/get-help/) or the [home page](/).
      -- templates/static/style.css --
      body { color: #111; }
      """;

  private static TestSite site() {
    TestSite s = TestSite.of(SITE).withDefaults();
    s.files().put("templates/not-found.ftlh", NOT_FOUND_TEMPLATE);
    return s;
  }

  @Test
  void theNotFoundPageLinksFromTheSiteAddressSoItWorksAtAnyDepth() {
    site()
        .build()
        .assertOk()
        .assertFileContains(
            "404.html",
            "href=\"https://example.org/repo/assets/style.css\"",
            "<a href=\"https://example.org/repo/\">Home</a>",
            "<a href=\"https://example.org/repo/get-help/\">Get help</a>",
            // Links written in its Markdown too, not only the template's.
            "<a href=\"https://example.org/repo/get-help/\">help page</a>");
  }

  @Test
  void otherPagesKeepRelativeLinks() {
    site()
        .build()
        .assertOk()
        .assertFileContains("get-help/index.html", "<a href=\"../\">Home</a>")
        .assertFileLacks("get-help/index.html", "https://example.org/repo/");
  }

  @Test
  void theDeployAddressReplacesSiteYamlsOnTheNotFoundPage() {
    site()
        .build(new BuildOptions(false, "https://org.github.io/fork/"))
        .assertOk()
        .assertFileContains("404.html", "href=\"https://org.github.io/fork/assets/style.css\"")
        .assertFileLacks("404.html", "example.org");
  }

  @Test
  void aBrokenLinkUnderTheSiteAddressIsStillABrokenLink() {
    TestSite s = site();
    s.files()
        .put(
            "content/404.md",
            "---\ntitle: Page not found\nlayout: not-found\n---\nSee [figures](/figures/).\n");
    s.build()
        .assertError(
            "content/404.md:5:5: broken link '/figures/': nothing is published at figures/");
  }

  @Test
  void aTemplateAddressUnderTheSiteAddressMustExist() {
    TestSite s = site();
    s.files()
        .put(
            "templates/not-found.ftlh",
            NOT_FOUND_TEMPLATE.replace("assets/style.css", "assets/missing.css"));
    s.build()
        .assertError(
            "content/404.md: broken link 'https://example.org/repo/assets/"
                + "missing.css': nothing is published at assets/missing.css (in 404.html)");
  }

  @Test
  void aStylesheetFromAnotherSiteIsStillRefused() {
    TestSite s = site();
    s.files()
        .put(
            "templates/not-found.ftlh",
            NOT_FOUND_TEMPLATE.replace("${page.root}", "https://example.net/repo/"));
    TestSite.Built b = s.build().assertFails();
    assertTrue(
        b.errors()
            .contains(
                "<link href> loads 'https://example.net/repo/assets/"
                    + "style.css' from another site"),
        b.errors());
  }

  // ------------------------------------------------------------------ pictures

  private static final String CHART = Fixtures.SHARE_CHART_PAGE;

  private static TestSite chartSite(String figureTemplate) {
    TestSite s = TestSite.of(CHART).withDefaults();
    s.files().put("templates/figure.ftlh", figureTemplate);
    return s;
  }

  private static String campaignFigure() throws Exception {
    return Files.readString(Path.of("templates/figure.ftlh"));
  }

  @Test
  void phonesAreOfferedTheNarrowDrawingWithItsOwnSize() throws Exception {
    TestSite.Built b = chartSite(campaignFigure()).build().assertOk();
    assertTrue(b.has("charts/share-narrow.svg"));
    b.assertFileContains(
        "a/index.html",
        "<source media=\"(max-width: 40rem)\" "
            + "srcset=\"../charts/share-narrow.svg\" width=\"260\" height=\"");
    b.assertFileContains("charts/share-narrow.svg", "width='260'", "role=\"img\"");
  }

  @Test
  void aSourceWithoutItsSizeIsRefused() throws Exception {
    String noSize = campaignFigure().replace(" width=\"${chart.narrowWidth?c}\"", "");
    TestSite.Built b = chartSite(noSize).build().assertFails();
    assertTrue(
        b.errors()
            .contains(
                "chart figure 'figure-share' on a/index.html lacks a size"
                    + " (width and height) on each <source> of its picture"),
        b.errors());
  }

  @Test
  void aSourceThatPointsNowhereIsABrokenLink() throws Exception {
    String wrong = campaignFigure().replace("${chart.narrowSvgHref}", "${root}charts/nope.svg");
    TestSite.Built b = chartSite(wrong).build().assertFails();
    assertTrue(
        b.errors()
            .contains("broken link '../charts/nope.svg': nothing is published at charts/nope.svg"),
        b.errors());
  }

  @Test
  void aPictureWeighsItsLargestCandidateNotTheSumOfThem() {
    String kb120 =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><!--" + "x".repeat(120 * 1024) + "--></svg>";
    String kb260 =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><!--" + "x".repeat(260 * 1024) + "--></svg>";
    String page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta http-equiv=\"Content-Security-"
            + "Policy\" content=\"default-src 'none'; img-src 'self'\"><title>t</title></head><body>"
            + "<h1>${page.title}</h1><picture><source media=\"(max-width: 40rem)\" "
            + "srcset=\"${page.root}assets/NARROW.svg\" width=\"1\" height=\"1\"><img src=\""
            + "${page.root}assets/wide.svg\" width=\"1\" height=\"1\" alt=\"a\"></picture>"
            + "</body></html>\n";
    TestSite s = TestSite.of("-- content/a.md --\n---\ntitle: A\n---\nHi.\n").withDefaults();
    s.files().put("templates/page.ftlh", page.replace("NARROW", "narrow"));
    s.files().put("templates/static/wide.svg", kb120);
    s.files().put("templates/static/narrow.svg", kb120);
    // 120 KB + 120 KB would be over 250 KB, but a browser downloads only one of them.
    s.build().assertOk();

    s.files().put("templates/static/big.svg", kb260);
    s.files().put("templates/page.ftlh", page.replace("NARROW", "big"));
    TestSite.Built b = s.build().assertFails();
    assertTrue(
        b.errors().contains("a/index.html weighs")
            && b.errors().contains("assets/big.svg (260 KB)"),
        "the phone's picture counts when it is the heavier: " + b.errors());
  }
}
