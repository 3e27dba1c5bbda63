package org.factsite.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a build with a signal (what Ctrl-C does) at any moment leaves a whole site: the previous
 * one or the new one, never a half-written or missing folder, and no staging folder beside it.
 * Builds run in a child JVM that is signalled at several points of its work.
 */
class InterruptedBuildTest {
  private static final int ARTICLES = 1500;

  @Test
  void aSignalAtAnyMomentLeavesAWholeSiteAndNoStagingFolder(@TempDir Path dir) throws Exception {
    TestSite.of("").withDefaults().writeTo(dir);
    for (int i = 0; i < ARTICLES; i++) {
      Files.writeString(
          dir.resolve("content/a" + i + ".md"),
          "---\ntitle: Article " + i + "\n---\n" + "Some words here. ".repeat(200) + "\n");
    }
    writeHome(dir, 0);
    assertEquals(0, TestSite.cli(dir, "build", "--quiet").exitCode());
    Files.writeString(dir.resolve("site/CNAME"), "campaign.example.org\n");

    // How long a whole child build takes here, so the signals can be aimed at its late phases
    // (writing the staging folder and the swap), where an interruption could do harm.
    long start = System.nanoTime();
    Process whole = build(dir);
    assertEquals(0, whole.waitFor(), "an uninterrupted build must succeed");
    long millis = (System.nanoTime() - start) / 1_000_000;
    double[] at = {0.3, 0.6, 0.75, 0.85, 0.9, 0.93, 0.96, 0.98, 1.0, 1.02};
    for (int round = 1; round <= at.length; round++) {
      writeHome(dir, round);
      Process p = build(dir);
      Thread.sleep((long) (millis * at[round - 1]));
      p.destroy();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the build did not stop");

      Path site = dir.resolve("site");
      assertTrue(Files.isDirectory(site), "round " + round + ": site/ is missing");
      String home = Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
      assertTrue(
          home.contains("Round " + round + ".")
              || home.contains("Round " + (round - 1) + ".")
              || previousRoundsOnly(home, round),
          "round " + round + ": " + home);
      for (String f : Files.readAllLines(site.resolve(".factsite-manifest"))) {
        assertTrue(Files.exists(site.resolve(f)), "round " + round + ": " + f + " is missing");
      }
      assertEquals("campaign.example.org\n", Files.readString(site.resolve("CNAME")));
      try (Stream<Path> beside = Files.list(dir)) {
        List<String> left =
            beside
                .map(x -> x.getFileName().toString())
                .filter(n -> n.startsWith(".site."))
                .toList();
        assertEquals(List.of(), left, "round " + round + ": left beside site/");
      }
    }
  }

  /** A site untouched by an interrupted round still shows an earlier round's home page. */
  private static boolean previousRoundsOnly(String home, int round) {
    for (int r = 0; r < round; r++) {
      if (home.contains("Round " + r + ".")) {
        return true;
      }
    }
    return false;
  }

  private static Process build(Path dir) throws java.io.IOException {
    return new ProcessBuilder(javaCommand("build", "--quiet", "--dir", dir.toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static void writeHome(Path dir, int round) throws Exception {
    Files.writeString(
        dir.resolve("content/index.md"), "---\ntitle: Home\n---\nRound " + round + ".\n");
  }

  private static List<String> javaCommand(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(java, "-cp", System.getProperty("java.class.path"), "org.factsite.cli.Main"));
    cmd.addAll(List.of(args));
    return cmd;
  }
}
