package org.factsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's build command goes through {@code bin/factsite}, a shell script that finds the jar
 * beside itself, picks the JVM's settings and records a class-data archive on its first build.
 * These run the script itself on the packaged jar (tag {@code packaged}: {@code mvn verify} runs
 * them after packaging, with the browser suite). Each works on a copy of the jar, so the archive it
 * records is its own, never the one beside the project's jar.
 */
@Tag("packaged")
class LauncherTest {
  private static final Path LAUNCHER = Path.of("bin", "factsite").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void buildsASiteFromAnotherFolderAndRecordsItsArchiveOnTheFirstBuild() throws Exception {
    Map<String, String> env = siteAndJar();

    Run first = run(tmp, env, "sh", LAUNCHER.toString(), "build", "--dir", "site", "-o", "out");

    assertEquals(0, first.exitCode(), first.output());
    assertTrue(first.output().contains("Built "), first.output());
    assertTrue(Files.readString(tmp.resolve("out/index.html")).contains("Hello."));
    Path archive = tmp.resolve("lib/factsite.jsa");
    assertTrue(Files.size(archive) > 0, "the first build records the class-data archive");
    assertNoHalfWrittenArchive();

    var recorded = Files.getLastModifiedTime(archive);

    Run second = run(tmp, env, "sh", LAUNCHER.toString(), "build", "--dir", "site", "-o", "out");

    assertEquals(0, second.exitCode(), second.output());
    assertTrue(second.output().contains("Built "), second.output());
    assertEquals(recorded, Files.getLastModifiedTime(archive), "the next build reads the archive");
  }

  @Test
  void helpAndAFailedBuildRecordNoArchiveTheNextBuildWouldBeStuckWith() throws Exception {
    Map<String, String> env = siteAndJar();
    Path site = tmp.resolve("site");
    Path archive = tmp.resolve("lib/factsite.jsa");

    Run help = run(tmp, env, "sh", LAUNCHER.toString(), "build", "--help");
    assertEquals(0, help.exitCode(), help.output());
    assertTrue(Files.notExists(archive), "help loads a fraction of a build's classes");

    Files.writeString(site.resolve("content/index.md"), "---\ntitle: [unclosed\n---\nHello.\n");
    Run failed = run(tmp, env, "sh", LAUNCHER.toString(), "build", "--dir", "site", "-o", "out");
    assertEquals(1, failed.exitCode(), failed.output());
    assertTrue(Files.notExists(archive), "a build that stopped early records nothing");

    Files.writeString(site.resolve("content/index.md"), "---\ntitle: Home\n---\nHello.\n");
    Run built = run(tmp, env, "sh", LAUNCHER.toString(), "build", "--dir", "site", "-o", "out");
    assertEquals(0, built.exitCode(), built.output());
    assertTrue(Files.size(archive) > 0, "the first build that succeeds records it");
    assertNoHalfWrittenArchive();
  }

  /**
   * A copy of the jar in {@code lib/} and a one-page site in {@code site/}; the launcher's
   * environment for them, with what builds keep under the test's folder, not the user's cache.
   */
  private Map<String, String> siteAndJar() throws IOException {
    Path jar = copyOfJar(tmp.resolve("lib"));
    TestSite.of("-- content/index.md --\n---\ntitle: Home\n---\nHello.\n")
        .withDefaults()
        .writeTo(tmp.resolve("site"));
    return Map.of(
        "FACTSITE_JAR", jar.toString(), "XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  private void assertNoHalfWrittenArchive() throws IOException {
    try (var files = Files.list(tmp.resolve("lib"))) {
      assertTrue(
          files.noneMatch(p -> p.toString().endsWith(".tmp")), "no half-written archive is left");
    }
  }

  @Test
  void findsTheJarBesideItselfWhenRunFromItsOwnFolder() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("project/bin"));
    Files.copy(LAUNCHER, bin.resolve("factsite"));
    copyOfJar(tmp.resolve("project/target"));

    Run version = run(bin, Map.of("FACTSITE_JAR", ""), "sh", "factsite", "--version");

    assertEquals(0, version.exitCode(), version.output());
    assertEquals(Main.VERSION, version.output().strip());
  }

  @Test
  void aMissingJarSaysHowToBuildIt() throws Exception {
    Map<String, String> env = Map.of("FACTSITE_JAR", tmp.resolve("none.jar").toString());

    Run run = run(tmp, env, "sh", LAUNCHER.toString(), "build");

    assertEquals(2, run.exitCode());
    assertTrue(run.output().contains("not found; build it with: mvn -q package"), run.output());
  }

  private record Run(int exitCode, String output) {}

  /** Runs {@code command} in {@code dir}; an empty value in {@code env} removes that variable. */
  private static Run run(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile());
    pb.redirectErrorStream(true);
    env.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            pb.environment().remove(k);
          } else {
            pb.environment().put(k, v);
          }
        });
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the launcher ended");
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** A copy of the packaged jar (system property {@code factsite.jar}) in {@code dir}. */
  private static Path copyOfJar(Path dir) throws IOException {
    Path packaged = Path.of(System.getProperty("factsite.jar", "target/factsite.jar"));
    assertTrue(Files.isRegularFile(packaged), "package the jar first: " + packaged);
    Files.createDirectories(dir);
    return Files.copy(packaged, dir.resolve("factsite.jar"));
  }
}
