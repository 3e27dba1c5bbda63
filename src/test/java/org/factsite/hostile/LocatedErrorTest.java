package org.factsite.hostile;

import static org.factsite.hostile.HostileSite.ARTICLE;
import static org.factsite.hostile.HostileSite.CHART;
import static org.factsite.hostile.HostileSite.FIGURES;
import static org.factsite.hostile.HostileSite.INDEX;
import static org.factsite.hostile.HostileSite.SITE_YAML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.factsite.testing.TestSite.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error names its place: each broken input gives one line {@code path:line:column: message}
 * pointing at the offending token, and the published site is left as it was.
 */
class LocatedErrorTest {
  @TempDir Path dir;

  static Stream<Case> cases() {
    return Stream.of(
        Case.of(
            "malformed YAML in data: unclosed quote",
            "data/figures.yaml",
            FIGURES.replace("title: The Report", "title: \"The Report"),
            "data/figures.yaml:3:12: invalid YAML: the quote that starts here is never closed"),
        Case.of(
            "malformed YAML in data: colon in a value",
            "data/figures.yaml",
            FIGURES.replace("title: The Report", "title: Report: the sequel"),
            "data/figures.yaml:3:18: invalid YAML: a ':' in a value that is not in quotes"),
        Case.of(
            "tab indentation in data",
            "data/figures.yaml",
            FIGURES.replace("    title: The Report", "\ttitle: The Report"),
            "data/figures.yaml:3:1: invalid YAML: a tab is used for indentation"),
        Case.of(
            "malformed front matter",
            "content/about.md",
            ARTICLE.replace("summary: About the figures", "summary: [About the figures"),
            "content/about.md:3:10: invalid YAML: the [ list that starts here is not closed with ]"),
        Case.of(
            "malformed site.yaml",
            "site.yaml",
            SITE_YAML.replace("language: en-GB", "language en-GB"),
            "site.yaml:3:1: invalid YAML: this line has no ':' between a key and its value"),
        Case.of(
            "misspelt key in data",
            "data/figures.yaml",
            FIGURES.replace("    period: April–June 2020", "    perod: April–June 2020"),
            "data/figures.yaml:10:5: unknown key 'perod' in a statistic"),
        Case.of(
            "misspelt key in site.yaml",
            "site.yaml",
            SITE_YAML.replace("title:", "titel:"),
            "site.yaml:1:1: unknown key 'titel' in site.yaml"),
        Case.of(
            "misspelt key in front matter",
            "content/about.md",
            ARTICLE.replace("summary:", "sumary:"),
            "content/about.md:3:1: unknown key 'sumary' in the front matter"),
        Case.of(
            "text where a number belongs",
            "data/figures.yaml",
            FIGURES.replace("value: 1220", "value: lots"),
            "data/figures.yaml:7:12: 'value' should be a number (digits only, no commas or %"
                + " sign), not text"),
        Case.of(
            "duplicate key in data",
            "data/figures.yaml",
            FIGURES.replace(
                "    unit: offences\n    period: April–June",
                "    unit: offences\n    unit: crimes\n    period: April–June"),
            "data/figures.yaml:10:5: the key 'unit' appears twice"),
        Case.of(
            "duplicate key in front matter",
            "content/about.md",
            ARTICLE.replace("summary:", "title: Again\nsummary:"),
            "content/about.md:3:1: the key 'title' appears twice"),
        Case.of(
            "duplicate key in site.yaml",
            "site.yaml",
            SITE_YAML + "title: Again\n",
            "site.yaml:7:1: the key 'title' appears twice"),
        Case.of(
            "statistic without a period",
            "data/figures.yaml",
            FIGURES.replace("    period: April–June 2020\n", ""),
            "data/figures.yaml:6:5: a statistic is missing the required field" + " 'period'"),
        Case.of(
            "statistic without sources",
            "data/figures.yaml",
            FIGURES.replaceFirst("    sources: \\[report\\]\n", ""),
            "data/figures.yaml:6:5: a statistic is missing the required field" + " 'sources'"),
        Case.of(
            "unknown statistic id",
            "content/index.md",
            INDEX.replace("{{stat offences}}", "{{stat ofences}}"),
            "content/index.md:5:18: unknown statistic 'ofences'"),
        Case.of(
            "unknown chart id",
            "content/index.md",
            INDEX.replace("{{chart rise}}", "{{chart rice}}"),
            "content/index.md:7:1: unknown chart 'rice'"),
        Case.of(
            "unknown source id",
            "data/figures.yaml",
            FIGURES.replaceFirst("sources: \\[report\\]", "sources: [reprot]"),
            "data/figures.yaml:12:15: unknown source 'reprot'"),
        Case.of(
            "chart bar naming an unknown statistic",
            "data/charts/rise.yaml",
            CHART.replace("stat: before", "stat: befor"),
            "data/charts/rise.yaml:7:11: unknown statistic 'befor'"),
        Case.of(
            "FreeMarker syntax error",
            "templates/page.ftlh",
            "<!DOCTYPE html>\n<html><body>\n<#if page.title>\n</body></html>\n",
            "templates/page.ftlh:4:15: template syntax error: Unexpected end of file reached."
                + " You have an unclosed #if."),
        Case.of(
            "FreeMarker undefined variable",
            "templates/page.ftlh",
            "<!DOCTYPE html>\n<html><body>\n<h1>${page.titel}</h1>\n</body></html>\n",
            "templates/page.ftlh:3:7: template error while rendering content/about.md:"
                + " 'page.titel' is missing (not defined, or empty)"),
        Case.of(
            "broken internal link",
            "content/about.md",
            ARTICLE.replace("](/)", "](/missing/)"),
            "content/about.md:5:9: broken link '/missing/': nothing is published at missing/"),
        Case.of(
            "broken anchor",
            "content/about.md",
            ARTICLE.replace("(#more)", "(#less)"),
            "content/about.md:5:35: broken anchor '#less': this page has no heading or id 'less'"),
        Case.of(
            "missing image",
            "content/about.md",
            ARTICLE + "\n![A chart of offences](/charts/gone.svg)\n",
            "content/about.md:11:1: missing image '/charts/gone.svg': nothing is published at"
                + " charts/gone.svg"),
        Case.of(
            "article without front matter",
            "content/about.md",
            "Just text\n",
            "content/about.md:1:1: the article has no front matter"),
        Case.of(
            "article not UTF-8",
            "content/about.md",
            null,
            "content/about.md:1:1: the file is not valid UTF-8 text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void brokenInputGivesOneLocatedError(Case c) {
    HostileSite s = HostileSite.built(dir);
    if (c.name().equals("article not UTF-8")) {
      s.write("content/about.md", new byte[] {'-', '-', '-', '\n', (byte) 0xff, (byte) 0xfe});
    } else {
      s.edit(c.edits());
    }
    s.assertBuildFails(c.exitCode(), c.firstLine());
  }

  @Test
  void oneRunReportsEveryErrorCappedWithACount() {
    HostileSite s = HostileSite.built(dir);
    StringBuilder keys = new StringBuilder();
    for (int i = 10; i < 70; i++) {
      keys.append("k").append(i).append(": x\n");
    }
    s.write("content/about.md", ARTICLE.replace("summary:", keys + "summary:"));
    s.write("site.yaml", SITE_YAML.replace("language:", "lang:"));
    CliRun r = s.assertBuildFails(1, "content/about.md:3:1: unknown key 'k10' in the front matter");
    assertTrue(
        r.err().contains("content/about.md:52:1: unknown key 'k59' in the front matter"), r.err());
    assertTrue(r.err().contains("... and 11 more not shown"), r.err());
    assertTrue(r.err().strip().endsWith("61 errors: nothing was written."), r.err());
  }

  @Test
  void errorsCarryACaretExcerptAndAHint() {
    HostileSite s = HostileSite.built(dir);
    s.write("content/index.md", INDEX.replace("{{stat offences}}", "{{stat ofences}}"));
    CliRun r = s.assertBuildFails(1, "content/index.md:5:18: unknown statistic 'ofences'");
    assertEquals(
        """
        content/index.md:5:18: unknown statistic 'ofences'
          5 | Offences reached {{stat ofences}}.
            |                  ^
          hint: did you mean offences?
        1 error: nothing was written.
        """,
        r.err().replace("\r\n", "\n"));
  }

  @Test
  void unknownOptionIsAUsageError() {
    HostileSite s = HostileSite.built(dir);
    CliRun r = s.run("build", "--frobnicate");
    assertEquals(2, r.exitCode());
    assertEquals("factsite: unknown option '--frobnicate'", r.firstErrorLine());
    s.assertUnchanged();
  }

  @Test
  void debugShowsTheStackTraceOfAnInternalErrorOnlyWhenAsked() {
    HostileSite s = HostileSite.built(dir);
    s.write("content/index.md", INDEX.replace("{{stat offences}}", "{{stat ofences}}"));
    CliRun r = s.run("build", "--quiet", "--debug");
    assertEquals(1, r.exitCode());
    assertEquals("content/index.md:5:18: unknown statistic 'ofences'", r.firstErrorLine());
    s.assertUnchanged();
  }
}
