package org.factsite.render.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.factsite.diag.Diagnostic;
import org.factsite.testing.Fixtures;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;

/**
 * A problem anywhere in an article's Markdown is reported at its line and column, with that line
 * shown: in a table cell, a list item, a quote or a footnote, after other links, images, headings
 * and references, and also when the link check finds a broken link only after every page is made.
 */
class MarkdownErrorPlaceTest {
  private static final String SITE =
      Fixtures.REPORT_SOURCE
          + """
        - id: share
          value: 29
          format: percent
          unit: of offences
          period: 2017–2020
          geography: England and Wales
          sources: [report]
      -- content/b.md --
      ---
      title: B
      ---
      ## Part
      """;

  @Test
  void brokenLinksAreReportedWhereTheyWereWritten() {
    TestSite.Built b =
        TestSite.of(
                SITE
                    + """
        -- content/a.md --
        ---
        title: A
        ---
        Intro [fine](/b/), {{stat share}} and [gone](/nowhere-intro/).

        | Figure | Link |
        | --- | --- |
        | {{stat share}} | see [cell](/nowhere-cell/) |

        - first [ok](/b/)
        - second item with [a broken one](/nowhere-list/)
          1. nested ![a picture](/nowhere.png)

        > quoted [link](/nowhere-quote/) here

        Note[^1] and [a *styled* link](/b/#no-part) and [back](#missing-here).

        [^1]: The footnote links [away](/nowhere-footnote/).

        ## Section

        [ref link][r] and the same [again](/nowhere-cell/).

        [r]: /nowhere-ref/
        """)
            .withDefaults()
            .build()
            .assertFails();
    assertEquals(
        List.of(
            "content/a.md:4:39: broken link '/nowhere-intro/': nothing is published at"
                + " nowhere-intro/",
            "content/a.md:8:24: broken link '/nowhere-cell/': nothing is published at"
                + " nowhere-cell/",
            "content/a.md:11:20: broken link '/nowhere-list/': nothing is published at"
                + " nowhere-list/",
            "content/a.md:12:13: missing image '/nowhere.png': nothing is published at"
                + " nowhere.png",
            "content/a.md:14:10: broken link '/nowhere-quote/': nothing is published at"
                + " nowhere-quote/",
            "content/a.md:16:14: broken anchor '/b/#no-part': b/index.html has no heading or id"
                + " 'no-part'",
            "content/a.md:16:49: broken anchor '#missing-here': this page has no heading or id"
                + " 'missing-here'",
            "content/a.md:18:26: broken link '/nowhere-footnote/': nothing is published at"
                + " nowhere-footnote/",
            "content/a.md:22:1: broken link '/nowhere-ref/': nothing is published at"
                + " nowhere-ref/"),
        headlines(b));
    assertEquals(
        "| {{stat share}} | see [cell](/nowhere-cell/) |",
        b.result().diagnostics().get(1).sourceLine());
    assertEquals(
        "[^1]: The footnote links [away](/nowhere-footnote/).",
        b.result().diagnostics().get(7).sourceLine());
  }

  @Test
  void markdownProblemsAreReportedWhereTheyWereWritten() {
    TestSite.Built b =
        TestSite.of(
                SITE
                    + """
        -- content/e.md --
        ---
        title: E
        ---
        Intro [fine](/b/), {{stat share}} and ![](/b/) here.

        | Figure | Link |
        | --- | --- |
        | {{stat shrae}} | see [cell](javascript:alert(1)) |

        - item {{chart share}} inline
          - {{wat share}}

        > # Quoted title

        #### Skipped

        {{chart missing}}

        Note[^1].

        [^1]: Footnote {{stat nope}} and {{working share}}.
        """)
            .withDefaults()
            .build()
            .assertFails();
    assertEquals(
        List.of(
            "content/e.md:4:39: this image has no text alternative",
            "content/e.md:8:3: unknown statistic 'shrae'",
            "content/e.md:8:24: this link uses an address that is not allowed:"
                + " 'javascript:alert(1)'",
            "content/e.md:10:8: a chart must stand alone in its own paragraph",
            "content/e.md:11:5: unknown reference '{{wat}}'",
            "content/e.md:13:3: the page title is the only top-level heading",
            "content/e.md:15:1: this heading skips a level (h1 to h4)",
            "content/e.md:17:1: unknown chart 'missing'",
            "content/e.md:21:16: unknown statistic 'nope'",
            "content/e.md:21:34: 'share' is not a derived figure, so it has no working to show"),
        headlines(b));
    assertEquals(
        "| {{stat shrae}} | see [cell](javascript:alert(1)) |",
        b.result().diagnostics().get(1).sourceLine());
    assertEquals("  - {{wat share}}", b.result().diagnostics().get(4).sourceLine());
  }

  private static List<String> headlines(TestSite.Built b) {
    return b.result().diagnostics().stream().map(Diagnostic::headline).toList();
  }
}
