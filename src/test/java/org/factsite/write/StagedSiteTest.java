package org.factsite.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files handed to the staged site from many threads all arrive, a batch at a time or not. */
class StagedSiteTest {
  @TempDir Path dir;

  private static byte[] page(int i) {
    return ("<p>page " + i + "</p>").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyFileWrittenIsInTheCommittedSiteThoughTheyAreNotAWholeNumberOfBatches()
      throws IOException, OutputRefusedException {
    int n = 2 * StagedSite.BATCH + 5;
    Path output = dir.resolve("site");
    Set<String> paths = new LinkedHashSet<>();
    try (StagedSite site = StagedSite.open(dir, output)) {
      IntStream.range(0, n)
          .parallel()
          .forEach(i -> site.write("posts/p" + i + "/index.html", page(i)));
      IntStream.range(0, n).forEach(i -> paths.add("posts/p" + i + "/index.html"));
      site.commit(paths);
    }
    for (int i = 0; i < n; i++) {
      Path p = output.resolve("posts/p" + i + "/index.html");
      assertEquals(new String(page(i), StandardCharsets.UTF_8), Files.readString(p), p.toString());
    }
    try (var listing = Files.list(output.resolve("posts"))) {
      assertEquals(n, listing.count());
    }
  }

  @Test
  void aSiteClosedWithoutCommitLeavesNoOutput() throws IOException, OutputRefusedException {
    Path output = dir.resolve("site");
    try (StagedSite site = StagedSite.open(dir, output)) {
      for (int i = 0; i < StagedSite.BATCH + 1; i++) {
        site.write("p" + i + ".html", page(i));
      }
    }
    assertFalse(Files.exists(output));
    try (var listing = Files.list(dir)) {
      assertEquals(0, listing.count(), "the staging folder was left behind");
    }
  }
}
