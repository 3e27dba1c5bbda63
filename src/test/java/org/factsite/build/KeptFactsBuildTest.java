package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.factsite.check.PageFactsStore;
import org.factsite.diag.Diagnostic;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds in new processes (a new builder and store each time) over the facts kept by the last one:
 * they publish the same bytes, and report every problem a build from scratch reports, including
 * links on unchanged pages that an edit elsewhere broke.
 */
class KeptFactsBuildTest {
  @TempDir Path cache;

  private BuildOptions kept() {
    return new BuildOptions(
        false, null, null, new PageFactsStore(cache.resolve("facts.bin"), "this code"));
  }

  private static TestSite site(String b) {
    return TestSite.of(
            """
        -- content/a.md --
        ---
        title: A
        ---
        See [B](/b/) and [its part](/b/#part).
        -- content/b.md --
        ---
        title: B
        ---
        """
                + b)
        .withDefaults();
  }

  private static List<String> headlines(TestSite.Built built) {
    return built.result().diagnostics().stream().map(Diagnostic::headline).toList();
  }

  private static String checkLine(TestSite.Built built) {
    return built.result().timings().stream()
        .filter(t -> t.phase().equals("check"))
        .findFirst()
        .orElseThrow()
        .summary();
  }

  @Test
  void aLaterBuildChecksEveryPageWithoutReadingThemAgainAndPublishesTheSame() {
    TestSite site = site("## Part\n");
    TestSite.Built first = site.build(kept()).assertOk();
    assertFalse(checkLine(first).contains("last build"), checkLine(first));
    TestSite.Built second = site.build(kept()).assertOk();
    assertTrue(checkLine(second).contains("as in the last build"), checkLine(second));
    assertEquals(first.result().files().keySet(), second.result().files().keySet());
    first
        .result()
        .files()
        .forEach((p, bytes) -> assertArrayEquals(bytes, second.result().files().get(p), p));
  }

  @Test
  void linksOnAnUnchangedPageThatAnEditBrokeAreReportedAsFromScratch() {
    site("## Part\n").build(kept()).assertOk();
    TestSite renamed = site("## Whole\n");
    TestSite.Built later = renamed.build(kept());
    later.assertError(
        "content/a.md:4:18: broken anchor '/b/#part': b/index.html has no heading or id 'part'");
    assertEquals(headlines(renamed.build(BuildOptions.DEFAULT)), headlines(later));
  }

  @Test
  void aPageWithAProblemIsReadAndReportedOnEveryBuild() {
    TestSite inline =
        site(
            "## Part\n"
                + "-- templates/page.ftlh --\n"
                + "<!DOCTYPE html><html lang=\"en\"><head><meta http-equiv=\"Content-Security-Policy\""
                + " content=\"default-src 'none'\"><title>${page.title}</title></head>"
                + "<body><main>${page.body?no_esc}<script>track()</script></main></body></html>\n");
    TestSite.Built first = inline.build(kept());
    TestSite.Built second = inline.build(kept());
    assertFalse(first.result().ok());
    assertFalse(headlines(first).isEmpty());
    assertEquals(headlines(first), headlines(second));
    assertEquals(headlines(inline.build(BuildOptions.DEFAULT)), headlines(second));
  }
}
