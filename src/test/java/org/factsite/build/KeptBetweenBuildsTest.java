package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.factsite.diag.Diagnostic;
import org.factsite.testing.Fixtures;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds in new processes (a new builder and stores each time) over what the last one kept: the
 * checks' page facts and the articles' rendered Markdown. They publish what a build from scratch
 * publishes, byte for byte, and report every problem it reports, at the same place: links on
 * unchanged pages that an edit elsewhere broke, figures whose data changed, pages that moved.
 */
class KeptBetweenBuildsTest {
  @TempDir Path cache;

  /** The options of a new process that keeps what it reads and renders in {@link #cache}. */
  private BuildOptions kept() {
    return new BuildOptions(false, null, KeptStores.in(cache, "site", "this code"));
  }

  private static TestSite site(String a, String b) {
    return TestSite.of(
            Fixtures.ONE_FIGURE
                + "-- content/a.md --\n---\ntitle: A\n"
                + a
                + "-- content/b.md --\n---\ntitle: B\n---\n"
                + b)
        .withDefaults();
  }

  private static final String A = "---\nSee [B](/b/) and [its part](/b/#part).\n";

  private static List<String> headlines(TestSite.Built built) {
    return built.result().diagnostics().stream().map(Diagnostic::headline).toList();
  }

  private static String line(TestSite.Built built, String phase) {
    return built.result().timings().stream()
        .filter(t -> t.phase().equals(phase))
        .findFirst()
        .orElseThrow()
        .summary();
  }

  /** Builds {@code site} over what the last build kept, and asserts it equals a clean build. */
  private TestSite.Built buildAsFromScratch(TestSite site) {
    TestSite.Built later = site.build(kept());
    TestSite.Built scratch = site.build(BuildOptions.DEFAULT);
    assertEquals(headlines(scratch), headlines(later));
    assertEquals(scratch.result().files().keySet(), later.result().files().keySet());
    scratch
        .result()
        .files()
        .forEach((p, bytes) -> assertArrayEquals(bytes, later.result().files().get(p), p));
    return later;
  }

  @Test
  void aLaterBuildRendersAndReadsOnlyWhatChangedAndPublishesTheSame() {
    TestSite site = site(A, "## Part\n");
    TestSite.Built first = site.build(kept()).assertOk();
    assertFalse(line(first, "check").contains("last build"), line(first, "check"));
    assertFalse(line(first, "pages").contains("last build"), line(first, "pages"));
    TestSite.Built second = buildAsFromScratch(site).assertOk();
    assertTrue(line(second, "check").contains("as in the last build"), line(second, "check"));
    assertTrue(
        line(second, "pages").contains("(2 articles' Markdown as in the last build)"),
        line(second, "pages"));
    assertTrue(
        line(second, "load").contains("(3 articles as in the last build)"), line(second, "load"));
    assertTrue(
        line(second, "pages").contains("(2 pages as in the last build)"), line(second, "pages"));
  }

  /** A page template that shows the site's title and the latest articles on every page. */
  private static final String LISTING_TEMPLATE =
      "<!DOCTYPE html><html lang=\"en\"><head><meta http-equiv=\"Content-Security-Policy\""
          + " content=\"default-src 'none'\"><title>${page.title} | ${site.title}</title></head>"
          + "<body><main>${page.body?no_esc}</main><ul><#list latest as l><li>${l.title}</li>"
          + "</#list></ul></body></html>\n";

  @Test
  void aNewArticleShowsInTheLatestListOfEveryPage() {
    TestSite site = site(A, "## Part\n").with("templates/page.ftlh", LISTING_TEMPLATE);
    site.build(kept()).assertOk().assertFileLacks("a/index.html", "<li>C</li>");
    TestSite more = site.with("content/c.md", "---\ntitle: C\n---\nNew.\n");
    buildAsFromScratch(more).assertOk().assertFileContains("a/index.html", "<li>C</li>");
  }

  @Test
  void anEditedTemplateOrSiteTitleShowsOnEveryPage() {
    TestSite site = site(A, "## Part\n").with("templates/page.ftlh", LISTING_TEMPLATE);
    site.build(kept()).assertOk();
    buildAsFromScratch(
            site.with("templates/page.ftlh", LISTING_TEMPLATE.replace("<main>", "<main id=m>")))
        .assertOk()
        .assertFileContains("a/index.html", "<main id=m>");
    buildAsFromScratch(
            site.with(
                "site.yaml",
                site.files().get("site.yaml").replace("title: Test site", "title: Renamed site")))
        .assertOk()
        .assertFileContains("a/index.html", "| Renamed site</title>");
  }

  @Test
  void anEditedFrontMatterShowsOnTheNextBuild() {
    site(A, "## Part\n").build(kept()).assertOk();
    TestSite retitled =
        site(A, "## Part\n")
            .with(
                "content/b.md",
                "---\ntitle: B renamed\nsummary: Now with a summary\n---\n## Part\n");
    buildAsFromScratch(retitled)
        .assertOk()
        .assertFileContains("b/index.html", "B renamed")
        .assertFileLacks("b/index.html", "<title>B</title>");
  }

  @Test
  void aBrokenTemplateIsReportedThoughItsPagesWereKept() {
    TestSite site = site(A, "## Part\n").with("templates/page.ftlh", LISTING_TEMPLATE);
    site.build(kept()).assertOk();
    TestSite broken =
        site.with("templates/page.ftlh", LISTING_TEMPLATE.replace("</#list>", "</#lis>"));
    TestSite.Built later = buildAsFromScratch(broken);
    assertFalse(later.result().ok());
    assertTrue(later.errors().contains("templates/page.ftlh"), later.errors());
  }

  @Test
  void aFrontMatterProblemIsReportedOnEveryBuild() {
    TestSite typo = site(A, "## Part\n").with("content/b.md", "---\ntitle: B\ntitel: B\n---\n");
    TestSite.Built first = typo.build(kept());
    assertFalse(first.result().ok());
    assertEquals(headlines(first), headlines(buildAsFromScratch(typo)));
  }

  @Test
  void linksOnAnUnchangedPageThatAnEditBrokeAreReportedAtTheirPlace() {
    site(A, "## Part\n").build(kept()).assertOk();
    buildAsFromScratch(site(A, "## Whole\n"))
        .assertError(
            "content/a.md:4:18: broken anchor '/b/#part': b/index.html has no heading or id"
                + " 'part'");
    site(A, "## Part\n").build(kept()).assertOk();
    buildAsFromScratch(site(A, "## Part\n").without("content/b.md"))
        .assertError("content/a.md:4:5: broken link '/b/': nothing is published at b/");
  }

  @Test
  void linksInAnUnchangedBodyAreCheckedWhenOnlyThePageAroundItChanged() {
    TestSite site = site(A, "## Part\n").with("templates/page.ftlh", LISTING_TEMPLATE);
    site.build(kept()).assertOk();
    // A new article changes every page's list, and b's heading no longer matches a's link; a's
    // own body did not change, so its page is read without it, its links from what was kept.
    TestSite.Built later =
        buildAsFromScratch(
                site.with("content/c.md", "---\ntitle: C\n---\nNew.\n")
                    .with("content/b.md", "---\ntitle: B\n---\n## Whole\n"))
            .assertError(
                "content/a.md:4:18: broken anchor '/b/#part': b/index.html has no heading or id"
                    + " 'part'");
    assertTrue(
        line(later, "check")
            .contains("(1 changed pages read without their article body, as in the last build)"),
        line(later, "check"));
  }

  @Test
  void aBodyIsNotReadAgainWhenThePageAroundItChangesAfterAnUnchangedBuild() {
    TestSite site = site(A, "## Part\n").with("templates/page.ftlh", LISTING_TEMPLATE);
    site.build(kept()).assertOk();
    // An unchanged rebuild finds every page whole and needs no body; the next edit, which changes
    // the pages around a's and b's bodies, still does.
    TestSite.Built same = site.build(kept()).assertOk();
    assertTrue(line(same, "check").contains("(3 pages as in the last build"), line(same, "check"));
    TestSite.Built later =
        buildAsFromScratch(site.with("content/c.md", "---\ntitle: C\n---\nNew.\n")).assertOk();
    assertTrue(
        line(later, "check")
            .contains("(2 changed pages read without their article body, as in the last build)"),
        line(later, "check"));
  }

  @Test
  void aFigureShowsItsNewValueWhenOnlyTheDataChanged() {
    TestSite before = site("---\nPolice recorded {{stat offences_quarter}} offences.\n", "");
    before.build(kept()).assertOk().assertFileContains("a/index.html", "1,220");
    TestSite after =
        before.with(
            "data/figures.yaml", before.files().get("data/figures.yaml").replace("1220", "1221"));
    buildAsFromScratch(after)
        .assertOk()
        .assertFileContains("a/index.html", "1,221")
        .assertFileLacks("a/index.html", "1,220");
  }

  @Test
  void aPageThatMovedHasItsSiteLinksRewrittenForItsNewPlace() {
    String home = "---\nSee [B](/b/).\n";
    TestSite page = site(home, "");
    page.build(kept()).assertOk().assertFileContains("a/index.html", "href=\"../b/\"");
    TestSite notFound = site("layout: not-found\n" + home, "");
    buildAsFromScratch(notFound)
        .assertOk()
        .assertFileContains("a/index.html", "href=\"https://example.org/repo/b/\"");
  }

  @Test
  void aPageWithAProblemIsReadAndReportedOnEveryBuild() {
    TestSite inline =
        site(A, "## Part\n")
            .with(
                "templates/page.ftlh",
                "<!DOCTYPE html><html lang=\"en\"><head><meta http-equiv=\"Content-Security-Policy\""
                    + " content=\"default-src 'none'\"><title>${page.title}</title></head>"
                    + "<body><main>${page.body?no_esc}<script>track()</script></main></body></html>\n");
    TestSite.Built first = inline.build(kept());
    assertFalse(first.result().ok());
    assertEquals(headlines(first), headlines(buildAsFromScratch(inline)));
  }
}
