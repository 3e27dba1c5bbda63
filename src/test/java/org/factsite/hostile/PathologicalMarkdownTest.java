package org.factsite.hostile;

import static org.factsite.hostile.HostileSite.ARTICLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.factsite.testing.TestSite.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pathological Markdown renders, or fails with a clear located error, in bounded time and without
 * crashing the process. The limits here only guard against hangs; timings are in docs/safety.md.
 */
class PathologicalMarkdownTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  @TempDir Path dir;

  private CliRun build(HostileSite s, String body) {
    s.write("content/about.md", ARTICLE + "\n" + body + "\n");
    return assertTimeoutPreemptively(HANG_GUARD, () -> s.run("build", "--quiet"));
  }

  @Test
  void tenThousandNestedQuotesAreRefusedAtTheirLine() {
    HostileSite s = HostileSite.built(dir);
    s.write("content/about.md", ARTICLE + "\n" + ">".repeat(10_000) + " deep\n");
    assertTimeoutPreemptively(
        HANG_GUARD,
        () ->
            s.assertBuildFails(
                1,
                "content/about.md:11:1: this line nests quotes or lists more than 50 levels deep"));
  }

  @Test
  void fiveThousandNestedListLevelsAreRefused() {
    HostileSite s = HostileSite.built(dir);
    s.write("content/about.md", ARTICLE + "\n" + "- ".repeat(5_000) + "x\n");
    assertTimeoutPreemptively(
        HANG_GUARD,
        () ->
            s.assertBuildFails(
                1,
                "content/about.md:11:1: this line nests quotes or lists more than 50 levels deep"));
  }

  @Test
  void aThousandListLevelsByIndentationAreRefused() {
    HostileSite s = HostileSite.built(dir);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      b.append("  ".repeat(i)).append("- level ").append(i).append('\n');
    }
    s.write("content/about.md", ARTICLE + "\n" + b);
    assertTimeoutPreemptively(
        HANG_GUARD,
        () ->
            s.assertBuildFails(
                1,
                "content/about.md:61:1: this line nests quotes or lists more than 50 levels deep"));
  }

  @Test
  void listMarkersOnOneLineAreRefused() {
    HostileSite s = HostileSite.built(dir);
    s.write("content/about.md", ARTICLE + "\n" + "- > ".repeat(3_000) + "x\n");
    assertTimeoutPreemptively(
        HANG_GUARD,
        () ->
            s.assertBuildFails(
                1,
                "content/about.md:11:1: this line nests quotes or lists more than 50 levels deep"));
  }

  @Test
  void deeplyNestedEmphasisIsRefused() {
    HostileSite s = HostileSite.built(dir);
    s.write(
        "content/about.md", ARTICLE + "\n" + "*".repeat(20_000) + "x" + "*".repeat(20_000) + "\n");
    CliRun r = assertTimeoutPreemptively(HANG_GUARD, () -> s.run("build", "--quiet"));
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.firstErrorLine().startsWith("content/about.md:11:"), r.err());
    assertTrue(
        r.firstErrorLine()
            .endsWith(
                "this text nests more than 200 levels deep (emphasis,"
                    + " links, quotes or lists inside each other)"),
        r.err());
    HostileSite.assertNoStackTrace(r);
    s.assertUnchanged();
  }

  @Test
  void aHundredThousandBracketsRender() {
    HostileSite s = HostileSite.built(dir);
    CliRun r = build(s, "[".repeat(100_000));
    HostileSite.assertNoStackTrace(r);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(s.page("about/index.html").contains("[[[[[[[[[["));
  }

  @Test
  void bracketsAndParenthesesInterleavedRender() {
    HostileSite s = HostileSite.built(dir);
    CliRun r = build(s, "[](".repeat(5_000) + "![x](".repeat(5_000));
    HostileSite.assertNoStackTrace(r);
    assertEquals(0, r.exitCode(), r.err());
  }

  @Test
  void aTwoThousandRowTableRenders() {
    HostileSite s = HostileSite.built(dir);
    StringBuilder b = new StringBuilder("|a|b|c|d|e|f|g|h|i|j|\n|-|-|-|-|-|-|-|-|-|-|\n");
    for (int i = 0; i < 2_000; i++) {
      b.append("|1|2|3|4|5|6|7|8|9|0|\n");
    }
    CliRun r = build(s, b.toString());
    HostileSite.assertNoStackTrace(r);
    assertTrue(
        r.exitCode() == 0
            || r.firstErrorLine().contains("budget")
            || r.firstErrorLine().contains("KB"),
        r.err());
  }
}
