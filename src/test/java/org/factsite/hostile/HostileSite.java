package org.factsite.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.factsite.testing.TestSite;
import org.factsite.testing.TestSite.CliRun;

/**
 * A small but complete site in a temporary folder, built once so that {@code site/} exists (with a
 * CNAME, a .git folder and a file someone added by hand). A case then breaks one input, runs the
 * real command line and asserts that the error is exact and that {@code site/} did not change.
 */
final class HostileSite {
  static final String FIGURES =
      """
      sources:
        - id: report
          title: The Report
          publisher: A Publisher
      statistics:
        - id: offences
          value: 1220
          format: count
          unit: offences
          period: April–June 2020
          geography: England and Wales
          sources: [report]
        - id: before
          value: 900
          format: count
          unit: offences
          period: January–March 2020
          geography: England and Wales
          sources: [report]
      """;

  static final String CHART =
      """
      headline: Offences rose in lockdown
      subtitle: Offences recorded by police, England and Wales, 2020
      type: column
      value_axis: offences
      bars:
        - label: Before
          stat: before
        - label: Lockdown
          stat: offences
      """;

  static final String SITE_YAML =
      """
      title: Test site
      base_url: https://example.org/repo/
      language: en-GB
      nav:
        - title: Home
          path: /
      """;

  static final String INDEX =
      """
      ---
      title: Home
      summary: The home page
      ---
      Offences reached {{stat offences}}.

      {{chart rise}}
      """;

  static final String ARTICLE =
      """
      ---
      title: About
      summary: About the figures
      ---
      Back to [the home page](/) or see [the section](#more).

      ## More

      Text.
      """;

  final Path dir;
  final Path site;
  private Map<String, byte[]> snapshot;

  private HostileSite(Path dir) {
    this.dir = dir;
    this.site = dir.resolve("site");
  }

  /** Writes the site into {@code dir}, builds it, and adds files the tool must never touch. */
  static HostileSite built(Path dir) {
    TestSite.of(
            "-- site.yaml --\n"
                + SITE_YAML
                + "-- content/index.md --\n"
                + INDEX
                + "-- content/about.md --\n"
                + ARTICLE
                + "-- data/figures.yaml --\n"
                + FIGURES
                + "-- data/charts/rise.yaml --\n"
                + CHART)
        .withDefaults()
        .writeTo(dir);
    HostileSite s = new HostileSite(dir);
    CliRun first = TestSite.cli(dir, "build", "--quiet");
    assertEquals(0, first.exitCode(), "the base site must build:\n" + first.err());
    s.write("site/CNAME", "facts.example.org\n");
    s.write("site/.git/HEAD", "ref: refs/heads/gh-pages\n");
    s.write("site/notes/readme.txt", "added by hand\n");
    s.snapshot = tree(s.site);
    return s;
  }

  HostileSite write(String path, String text) {
    return write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  HostileSite write(String path, byte[] bytes) {
    try {
      Path p = dir.resolve(path);
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HostileSite delete(String path) {
    try {
      Files.delete(dir.resolve(path));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies every edit: a null value deletes the file. */
  HostileSite edit(Map<String, String> edits) {
    edits.forEach(
        (path, text) -> {
          if (text == null) {
            delete(path);
          } else {
            write(path, text);
          }
        });
    return this;
  }

  CliRun run(String... args) {
    return TestSite.cli(dir, args);
  }

  /**
   * Runs {@code build} and asserts the exit code, the exact first line of the error report, that no
   * stack trace was printed, that site/ is byte-for-byte as it was and that no staging folder was
   * left behind.
   */
  CliRun assertBuildFails(int exitCode, String firstLine, String... args) {
    String[] all =
        Stream.concat(Stream.of("build", "--quiet"), Arrays.stream(args)).toArray(String[]::new);
    CliRun r = run(all);
    assertEquals(firstLine, r.firstErrorLine(), "stderr was:\n" + r.err());
    assertEquals(exitCode, r.exitCode(), "stderr was:\n" + r.err());
    assertNoStackTrace(r);
    assertUnchanged();
    return r;
  }

  static void assertNoStackTrace(CliRun r) {
    assertFalse(r.err().contains("\tat "), "stack trace printed:\n" + r.err());
    assertFalse(r.err().contains("Exception"), "exception printed:\n" + r.err());
    assertFalse(r.err().contains("StackOverflowError"), "error printed:\n" + r.err());
  }

  /** Takes the site as it is now as the one later checks compare with. */
  void snapshotAgain() {
    snapshot = tree(site);
  }

  void assertUnchanged() {
    Map<String, byte[]> now = tree(site);
    assertEquals(snapshot.keySet(), now.keySet(), "site/ gained or lost files");
    for (Map.Entry<String, byte[]> e : snapshot.entrySet()) {
      assertTrue(Arrays.equals(e.getValue(), now.get(e.getKey())), e.getKey() + " changed");
    }
    assertNoStaging();
  }

  void assertNoStaging() {
    try (Stream<Path> s = Files.list(dir)) {
      var left =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.contains(".staging-") || n.contains(".old-"))
              .toList();
      assertTrue(left.isEmpty(), "left behind: " + left);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String page(String path) {
    try {
      return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file under {@code root} (hidden ones too) with its bytes. */
  static Map<String, byte[]> tree(Path root) {
    Map<String, byte[]> out = new TreeMap<>();
    if (!Files.exists(root)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          out.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
