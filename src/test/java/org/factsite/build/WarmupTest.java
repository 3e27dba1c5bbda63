package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupTest {
  /** A warm-up that failed early would load only part of what a build needs, silently. */
  @Test
  void practiceSiteBuildsCleanlyThroughEveryStage() {
    BuildResult r = Warmup.run();
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    assertEquals(2, r.pages());
    assertTrue(new String(r.files().get("posts/a/index.html")).contains("<table>"));
    assertTrue(r.files().containsKey("sitemap.xml"));
  }
}
