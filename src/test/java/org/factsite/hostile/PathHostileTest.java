package org.factsite.hostile;

import static org.factsite.hostile.HostileSite.ARTICLE;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing an editor writes can make the generator write outside its output: slugs and folder names
 * are plain, two inputs may not write one file, and links out of the site folder are refused.
 */
class PathHostileTest {
  @TempDir Path dir;
  @TempDir Path elsewhere;

  private static Case slug(String name, String yaml, String shown) {
    return Case.of(
        name,
        "content/about.md",
        ARTICLE.replace("summary:", "slug: " + yaml + "\nsummary:"),
        "content/about.md:3:7: the slug '"
            + shown
            + "' may only use lowercase"
            + " letters, digits and hyphens");
  }

  static Stream<Case> cases() {
    return Stream.of(
        slug("climbing out", "../x", "../x"),
        slug("percent-encoded climbing", "\"%2e%2e/x\"", "%2e%2e/x"),
        slug("absolute", "/etc/cron.d/x", "/etc/cron.d/x"),
        slug("NUL byte", "\"a\\0b\"", "a\u0000b"),
        slug("uppercase", "About", "About"),
        slug("spaces", "about us", "about us"),
        slug("a dot folder", ".git", ".git"),
        Case.of(
            "file name not a slug",
            "content/About Us.md",
            ARTICLE,
            "content/About Us.md:1:1: the file name 'About Us.md' is not a valid page address"),
        Case.of(
            "folder name not a slug",
            "content/My Posts/a.md",
            ARTICLE,
            "content/My Posts/a.md:1:1: the folder name 'My Posts' may only use lowercase"
                + " letters, digits and hyphens"),
        Case.of(
            "two articles writing one page",
            "content/x.md",
            ARTICLE.replace("summary:", "slug: about\nsummary:"),
            "content/x.md:3:7: this page would be written to"
                + " about/index.html, which content/about.md also writes"),
        Case.of(
                "two static files differing only in case",
                "templates/static/Logo.svg",
                "<svg/>",
                null)
            .also("templates/static/logo.svg", "<svg/>"),
        Case.of(
            "a static file name with a percent sign",
            "templates/static/%2e%2e.css",
            "x{}",
            "templates/static/%2e%2e.css:1:1: this file name cannot be published: output path"
                + " must be relative and plain: assets/%2e%2e.css"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedWithItsPlace(Case c) {
    HostileSite s = HostileSite.built(dir);
    s.edit(c.edits());
    String expected =
        c.firstLine() != null
            ? c.firstLine()
            : "templates/static/logo.svg:1:1: this file would be published as assets/logo.svg,"
                + " which templates/static/Logo.svg also writes (names must differ in more than"
                + " case)";
    s.assertBuildFails(c.exitCode(), expected);
  }

  @Test
  void symlinkedArticleOutsideTheSiteIsRefused() throws IOException {
    HostileSite s = HostileSite.built(dir);
    Path secret = Files.writeString(elsewhere.resolve("secret.md"), ARTICLE);
    Files.createSymbolicLink(dir.resolve("content/secret.md"), secret);
    s.assertBuildFails(1, "content/secret.md:1:1: symbolic link points outside the site folder");
  }

  @Test
  void symlinkedFolderOutsideTheSiteIsRefused() throws IOException {
    HostileSite s = HostileSite.built(dir);
    Files.writeString(elsewhere.resolve("x.md"), ARTICLE);
    Files.createSymbolicLink(dir.resolve("content/linked"), elsewhere);
    s.assertBuildFails(1, "content/linked:1:1: symbolic link points outside the site folder");
  }

  @Test
  void symlinkedTemplateToASystemFileIsRefused() throws IOException {
    assumeTrue(Files.exists(Path.of("/etc/hostname")));
    HostileSite s = HostileSite.built(dir);
    Files.createSymbolicLink(dir.resolve("templates/x.ftlh"), Path.of("/etc/hostname"));
    s.assertBuildFails(1, "templates/x.ftlh:1:1: symbolic link points outside the site folder");
  }
}
