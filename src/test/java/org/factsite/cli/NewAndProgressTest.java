package org.factsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.factsite.testing.Fixtures;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code new article}, {@code new chart}, drafts, and how much {@code build} prints. */
class NewAndProgressTest {
  @TempDir Path dir;

  private static final String SITE =
      Fixtures.REPORT_SOURCE
          + """
        - id: before
          value: 29
          format: percent
          unit: of offences
          period: 2017–2020
          geography: England and Wales
          sources: [report]
        - id: after
          value: 37
          format: percent
          unit: of offences
          period: 2020
          geography: England and Wales
          sources: [report]
      -- templates/page.ftlh --
      <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>${page.title}</title></head><body><#if page.draft><p class="draft-banner">Draft</p></#if><main><h1>${page.title}</h1>${page.body?no_esc}</main></body></html>
      -- content/index.md --
      ---
      title: Home
      ---
      Hello.
      """;

  @Test
  void newArticleScaffoldsADraftThatServeShowsAndBuildLeavesOut() throws IOException {
    TestSite.of(SITE).withDefaults().writeTo(dir);
    TestSite.CliRun run = TestSite.cli(dir, "new", "article", "Grooming: what the figures show");
    assertEquals(0, run.exitCode(), run.err());
    Path file = dir.resolve("content/grooming-what-the-figures-show.md");
    String text = Files.readString(file);
    assertTrue(text.startsWith("---\ntitle: \"Grooming: what the figures show\"\n"), text);
    assertTrue(text.contains("slug: grooming-what-the-figures-show\n"), text);
    assertTrue(text.contains("date: " + LocalDate.now() + "\n"), text);
    assertTrue(text.contains("draft: true\n"), text);
    assertTrue(run.out().contains("Created content/grooming-what-the-figures-show.md"));

    assertEquals(0, TestSite.cli(dir, "build", "--drafts").exitCode());
    String page = Files.readString(dir.resolve("site/grooming-what-the-figures-show/index.html"));
    assertTrue(page.contains("class=\"draft-banner\""), page);
    assertTrue(page.contains("Grooming: what the figures show"), page);
    assertEquals(0, TestSite.cli(dir, "build").exitCode());
    assertFalse(
        Files.exists(dir.resolve("site/grooming-what-the-figures-show")),
        "drafts are left out of build");
  }

  @Test
  void newArticleNeverOverwrites() throws IOException {
    TestSite.of(SITE).withDefaults().writeTo(dir);
    Files.writeString(dir.resolve("content/my-story.md"), "mine");
    TestSite.CliRun run = TestSite.cli(dir, "new", "article", "My story");
    assertEquals(2, run.exitCode());
    assertEquals(
        "factsite: content/my-story.md already exists; it was left as it was. Choose"
            + " another title or pass --slug",
        run.firstErrorLine());
    assertEquals("mine", Files.readString(dir.resolve("content/my-story.md")));
    assertEquals(
        0, TestSite.cli(dir, "new", "article", "My story", "--slug", "my-story-2").exitCode());
    assertTrue(Files.exists(dir.resolve("content/my-story-2.md")));
  }

  @Test
  void newChartExplainsEveryKeyAndBuildsOnceItsBarsNameFigures() throws IOException {
    TestSite.of(SITE).withDefaults().writeTo(dir);
    TestSite.CliRun run = TestSite.cli(dir, "new", "chart", "share");
    assertEquals(0, run.exitCode(), run.err());
    Path file = dir.resolve("data/charts/share.yaml");
    String text = Files.readString(file);
    for (String key :
        new String[] {"headline:", "subtitle:", "type:", "value_axis:", "bars:", "# notes:"}) {
      assertTrue(text.contains(key), key + " missing:\n" + text);
    }
    assertTrue(text.contains("{{chart share}}"), "says how to use it");
    TestSite.CliRun unfilled = TestSite.cli(dir, "check");
    assertEquals(1, unfilled.exitCode());
    assertTrue(unfilled.err().contains("data/charts/share.yaml:"), unfilled.err());

    Files.writeString(
        file,
        text.replace("replace_with_a_statistic_id", "before")
            .replace("replace_with_another_statistic_id", "after"));
    Files.writeString(dir.resolve("content/a.md"), "---\ntitle: A\n---\n\n{{chart share}}\n");
    TestSite.CliRun filled = TestSite.cli(dir, "build");
    assertEquals(0, filled.exitCode(), filled.err());
    assertTrue(Files.exists(dir.resolve("site/charts/share.svg")));

    assertEquals(2, TestSite.cli(dir, "new", "chart", "share").exitCode(), "never overwrites");
    assertEquals(2, TestSite.cli(dir, "new", "chart", "Bad Id").exitCode());
  }

  @Test
  void buildPrintsOneLinePerPhaseQuietPrintsNothingVerboseListsFiles() {
    TestSite.of(SITE).withDefaults().writeTo(dir);
    TestSite.CliRun normal = TestSite.cli(dir, "build");
    assertEquals(0, normal.exitCode(), normal.err());
    String[] lines = normal.out().strip().split("\n");
    String[] phases = {"read", "load", "charts", "pages", "assets", "check", "write"};
    assertEquals(phases.length + 1, lines.length, normal.out());
    for (int i = 0; i < phases.length; i++) {
      assertTrue(lines[i].matches(phases[i] + " +\\d+ ms  \\S.*"), lines[i]);
    }
    assertTrue(lines[3].contains("2 pages"), lines[3]);
    assertTrue(lines[lines.length - 1].startsWith("Built 2 pages into "), normal.out());
    assertFalse(normal.out().contains("index.html ("), "files are listed only with --verbose");

    TestSite.CliRun fresh = TestSite.cli(dir, "build", "--no-cache");
    assertEquals(0, fresh.exitCode(), fresh.err());
    assertTrue(fresh.out().contains("Built 2 pages into "), fresh.out());

    TestSite.CliRun quiet = TestSite.cli(dir, "build", "--quiet");
    assertEquals(0, quiet.exitCode());
    assertEquals("", quiet.out());
    assertEquals("", quiet.err());

    TestSite.CliRun verbose = TestSite.cli(dir, "build", "--verbose");
    assertEquals(0, verbose.exitCode());
    assertTrue(verbose.out().contains("\n  index.html ("), verbose.out());
    assertTrue(verbose.out().contains("\n  sources/index.html ("), verbose.out());
    assertTrue(verbose.out().contains("pages "), verbose.out());
  }
}
