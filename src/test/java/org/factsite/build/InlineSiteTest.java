package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.factsite.testing.Fixtures;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;

/** Whole-site behaviour, each test a tiny site written inline. */
class InlineSiteTest {
  private static final String DATA =
      Fixtures.REPORT_SOURCE
          + """
        - id: offences_total
          value: 12925
          format: count
          unit: offences
          period: April 2017 – March 2020
          period_start: 2017-04
          period_end: 2020-03
          geography: England and Wales
          sources: [report]
        - id: offences_quarter
          value: 1220
          format: count
          unit: offences
          period: April–June 2020
          geography: England and Wales
          sources: [report]
        - id: share_before
          value: 29
          format: percent
          unit: of offences where the platform was recorded
          period: 2017–2020
          geography: England and Wales
          sources: [report]
        - id: share_after
          value: 37
          format: percent
          unit: of offences where the platform was recorded
          period: April–June 2020
          geography: England and Wales
          sources: [report]
        - id: fine
          value: 20000000
          format: money
          currency: EUR
          unit: maximum fine
          period: proposed
          geography: UK
          sources: [report]
        - id: rounded
          value: 1200
          format: count
          qualifier: more than
          unit: crimes
          period: April–June 2020
          geography: UK
          sources: [report]
      derived:
        - id: quarterly_average
          label: Average per quarter
          operation: per-quarter
          of: offences_total
          decimals: 1
        - id: share_change
          label: Change in share
          operation: difference
          of: share_after
          minus: share_before
        - id: ratio
          label: Ratio
          operation: ratio
          of: offences_quarter
          to: quarterly_average
          decimals: 2
      """;

  /**
   * The sources page is made after every other page (it lists who uses each figure), so its own
   * references must still be counted: a figure it shows is used by it too.
   */
  @Test
  void sourcesPageThatShowsAFigureIsListedAmongItsUsers() {
    TestSite.of(
            DATA
                + """
        -- content/a.md --
        ---
        title: Article A
        ---
        Police recorded {{stat offences_quarter}} offences.
        -- content/sources.md --
        ---
        title: Sources and methods
        layout: sources
        ---
        The quarter's figure, {{stat offences_quarter}}, is the latest.
        -- templates/sources.ftlh --
        <!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy"         content="default-src 'none'"><title>${page.title}</title></head><body><main>        <h1>${page.title}</h1>${page.body?no_esc}<#list statistics as s><p id="${s.anchor}">        ${s.value} used by: <#list s.usedBy as u>[${u.title}]</#list></p></#list></main></body></html>
        """)
        .withDefaults()
        .build()
        .assertOk()
        .assertFileContains(
            "sources/index.html", "1,220 used by: [Article A][Sources and methods]</p>");
  }

  @Test
  void statReferenceShowsFormattedValueLinkedToSourcesPage() {
    TestSite.of(
            DATA
                + """
        -- content/a.md --
        ---
        title: A
        ---
        Police recorded {{stat offences_quarter}} offences; fines up to {{stat fine}}; \
        {{stat rounded}} in all.
        """)
        .withDefaults()
        .build()
        .assertOk()
        .assertFileContains(
            "a/index.html",
            "<a class=\"stat\" href=\"../sources/#stat-offences-quarter\">1,220</a>",
            ">€20 million</a>",
            ">more than 1,200</a>")
        .assertFileContains("sources/index.html", "id=\"stat-offences-quarter\">1,220");
  }

  @Test
  void derivedFiguresAreComputedFromTheDataWithTheirWorking() {
    TestSite.Built b =
        TestSite.of(
                DATA
                    + """
        -- content/a.md --
        ---
        title: A
        ---
        Average {{stat quarterly_average}}; {{working quarterly_average}}; change \
        {{stat share_change}}; ratio {{stat ratio}}.
        """)
            .withDefaults()
            .build()
            .assertOk();
    b.assertFileContains(
        "a/index.html",
        ">1,077.1</a>",
        ">12,925 ÷ 12 quarters = 1,077.1</a>",
        ">8 percentage points</a>",
        ">1.13</a>");
  }

  @Test
  void unknownStatisticFailsWithFileLineColumnAndSuggestion() {
    TestSite.Built b =
        TestSite.of(
                DATA
                    + """
        -- content/a.md --
        ---
        title: A
        ---
        First line.

        Shared in {{stat share_aftr}} of cases.
        """)
            .withDefaults()
            .build();
    b.assertError("content/a.md:6:11: unknown statistic 'share_aftr'");
    assertEquals("did you mean share_after?", b.firstError().hint());
  }

  @Test
  void siteRootLinksBecomeRelativeSoTheSiteWorksUnderASubPath() {
    TestSite.of(
            """
        -- content/index.md --
        ---
        title: Home
        ---
        [Help](/get-help/) and [deep](/posts/one/#part)
        -- content/get-help.md --
        ---
        title: Help
        ---
        [Home](/) and [help again](/get-help/)
        -- content/posts/one.md --
        ---
        title: One
        ---
        ## Part

        [Back home](/)
        """)
        .withDefaults()
        .build()
        .assertOk()
        .assertFileContains("index.html", "href=\"./get-help/\"", "href=\"./posts/one/#part\"")
        .assertFileContains("get-help/index.html", "href=\"../\"", "href=\"../get-help/\"")
        .assertFileContains("posts/one/index.html", "href=\"../../\"");
  }

  @Test
  void brokenInternalLinkFailsTheBuild() {
    TestSite.Built b =
        TestSite.of(
                """
        -- content/a.md --
        ---
        title: A
        ---
        [missing](/nowhere/)
        """)
            .withDefaults()
            .build();
    b.assertFails();
    assertTrue(b.errors().contains("broken link '/nowhere/'"), b.errors());
  }

  @Test
  void brokenAnchorFailsTheBuild() {
    TestSite.Built b =
        TestSite.of(
                """
        -- content/a.md --
        ---
        title: A
        ---
        ## Real heading

        [x](/a/#not-a-heading) [y](#real-heading)
        """)
            .withDefaults()
            .build();
    assertTrue(b.errors().contains("has no heading or id 'not-a-heading'"), b.errors());
    assertFalse(b.errors().contains("real-heading"), b.errors());
  }

  @Test
  void chartBecomesAnAccessibleFigureWithSvgCsvAndTable() {
    TestSite.Built b =
        TestSite.of(
                DATA
                    + """
        -- data/charts/share.yaml --
        headline: The share rose
        subtitle: Share of offences, England and Wales
        type: column
        value_axis: Share (%)
        bars:
          - label: Before
            stat: share_before
          - label: During
            stat: share_after
        -- content/a.md --
        ---
        title: A
        ---
        Intro.

        {{chart share}}
        """)
            .withDefaults()
            .build()
            .assertOk();
    b.assertFileContains(
        "a/index.html",
        "<figure class=\"chart\" id=\"figure-share\">",
        "src=\"../charts/share.svg\"",
        "href=\"../charts/share.csv\"",
        "<th scope=\"row\">Before</th><td>29%</td>");
    b.assertFileLacks("a/index.html", "<p><figure");
    String svg = b.file("charts/share.svg");
    assertTrue(svg.contains("role=\"img\"") && svg.contains("<title"), svg.substring(0, 300));
    String csv = b.file("charts/share.csv");
    assertTrue(csv.contains("Before,29") && csv.contains("During,37"), csv);
    assertTrue(b.has("charts/share.json"));
  }

  @Test
  void chartWithUnknownStatisticPointsAtTheBar() {
    TestSite.of(
            DATA
                + """
        -- data/charts/share.yaml --
        headline: H
        subtitle: S
        value_axis: V
        bars:
          - label: Before
            stat: share_bfore
        """)
        .withDefaults()
        .build()
        .assertError("data/charts/share.yaml:6:11: unknown statistic 'share_bfore'");
  }

  @Test
  void draftsAreLeftOutUnlessAskedFor() {
    TestSite site =
        TestSite.of(
                """
        -- content/wip.md --
        ---
        title: Work in progress
        draft: true
        ---
        Not yet.
        """)
            .withDefaults();
    site.build().assertOk();
    assertFalse(site.build().has("wip/index.html"));
    assertTrue(site.build(new BuildOptions(true)).has("wip/index.html"));
  }

  @Test
  void twoArticlesWritingOnePathIsAnErrorNamingBoth() {
    TestSite.of(
            """
        -- content/a.md --
        ---
        title: A
        slug: same
        ---
        -- content/b.md --
        ---
        title: B
        slug: same
        ---
        """)
        .withDefaults()
        .build()
        .assertError(
            "content/b.md:3:7: this page would be written to same/index.html, which "
                + "content/a.md also writes");
  }

  @Test
  void statisticWithoutSourceOrPeriodIsReported() {
    TestSite.of(
            """
        -- data/x.yaml --
        statistics:
          - id: lonely
            value: 5
            format: count
            unit: things
            geography: Here
        """)
        .withDefaults()
        .build()
        .assertError("data/x.yaml:2:5: a statistic is missing the required field 'period'")
        .assertError("data/x.yaml:2:5: a statistic is missing the required field 'sources'");
  }

  @Test
  void misspeltKeyIsReportedAtTheKeyWithASuggestion() {
    TestSite.Built b =
        TestSite.of(
                """
        -- data/x.yaml --
        statistics:
          - id: a
            vaule: 5
        """)
            .withDefaults()
            .build();
    b.assertError("data/x.yaml:3:5: unknown key 'vaule' in a statistic");
  }

  @Test
  void textWhereANumberBelongsIsReportedAtTheValue() {
    TestSite.of(
            """
        -- data/x.yaml --
        sources:
          - id: s
            title: T
            publisher: P
        statistics:
          - id: a
            value: "1,220"
            format: count
            unit: u
            period: p
            geography: g
            sources: [s]
        """)
        .withDefaults()
        .build()
        .assertError(
            "data/x.yaml:7:12: 'value' should be a number (digits only, no commas or %"
                + " sign), not text");
  }

  @Test
  void everyErrorIsReportedInOneRun() {
    TestSite.Built b =
        TestSite.of(
                """
        -- content/a.md --
        ---
        title: A
        ---
        {{stat nope_one}}
        -- content/b.md --
        ---
        title: B
        ---
        {{stat nope_two}}
        """)
            .withDefaults()
            .build();
    b.assertError("content/a.md:4:1: unknown statistic 'nope_one'");
    b.assertError("content/b.md:4:1: unknown statistic 'nope_two'");
  }

  @Test
  void headingsMustKeepThePageOutline() {
    TestSite.of(
            """
        -- content/a.md --
        ---
        title: A
        ---
        # Second title

        #### Skipped
        """)
        .withDefaults()
        .build()
        .assertError("content/a.md:4:1: the page title is the only top-level heading")
        .assertError("content/a.md:6:1: this heading skips a level (h1 to h4)");
  }

  @Test
  void nojekyllAndSitemapAreWritten() {
    TestSite.Built b =
        TestSite.of(
                """
        -- content/index.md --
        ---
        title: Home
        ---
        Hi
        """)
            .withDefaults()
            .build()
            .assertOk();
    assertTrue(b.has(".nojekyll"));
    b.assertFileContains(
        "sitemap.xml",
        "<loc>https://example.org/repo/</loc>",
        "<loc>https://example.org/repo/sources/</loc>");
  }

  @Test
  void oneRunReportsContentAndTemplateErrorsTogether() {
    TestSite.Built b =
        TestSite.of(
                """
        -- data/x.yaml --
        statistics:
          - id: a
            vaule: 5
        -- templates/page.ftlh --
        <html><body><#if page.title>${page.title}</body></html>
        """)
            .withDefaults()
            .build();
    b.assertError("data/x.yaml:3:5: unknown key 'vaule' in a statistic");
    assertTrue(
        b.result().diagnostics().stream()
            .anyMatch(
                x ->
                    x.pos().path().equals("templates/page.ftlh")
                        && x.message().contains("unclosed #if")),
        b.errors());
  }
}
