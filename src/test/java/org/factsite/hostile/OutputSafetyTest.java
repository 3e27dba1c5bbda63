package org.factsite.hostile;

import static org.factsite.hostile.HostileSite.ARTICLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factsite.testing.TestSite;
import org.factsite.testing.TestSite.CliRun;
import org.factsite.write.SiteWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures leave the site as it was: a refused output folder, a write that fails half-way, and
 * rebuilds that must keep CNAME, .nojekyll, .git and files someone added, but drop stale pages.
 */
class OutputSafetyTest {
  @TempDir Path dir;
  @TempDir Path other;

  private void refused(HostileSite s, Path output, String reason) {
    String first = "factsite: refusing to write to " + output + ": " + reason;
    s.assertBuildFails(2, first, "--output", output.toString());
  }

  @Test
  void fileSystemRootIsRefused() {
    refused(HostileSite.built(dir), Path.of("/"), "it is the file-system root");
  }

  @Test
  void homeFolderIsRefused() {
    HostileSite s = HostileSite.built(dir);
    String home = System.getProperty("user.home");
    System.setProperty("user.home", other.toString());
    try {
      refused(s, other, "it is your home folder");
    } finally {
      System.setProperty("user.home", home);
    }
  }

  @Test
  void siteFolderItselfIsRefused() {
    HostileSite s = HostileSite.built(dir);
    refused(s, dir, "it is the site folder or a folder above it");
  }

  @Test
  void folderAboveTheSiteIsRefused() {
    HostileSite s = HostileSite.built(dir);
    refused(s, dir.getParent(), "it is the site folder or a folder above it");
  }

  @Test
  void inputFolderIsRefused() {
    HostileSite s = HostileSite.built(dir);
    refused(s, dir.resolve("content"), "it overlaps the input folder content/");
  }

  @Test
  void folderInsideAnInputFolderIsRefused() {
    HostileSite s = HostileSite.built(dir);
    refused(s, dir.resolve("templates/static/out"), "it overlaps the input folder templates/");
  }

  @Test
  void foreignNonEmptyFolderIsRefusedAndKept() throws IOException {
    HostileSite s = HostileSite.built(dir);
    Path mine = Files.writeString(other.resolve("thesis.docx"), "years of work");
    refused(
        s,
        other,
        "it already holds files this tool did not write (move them away or choose"
            + " another folder)");
    assertEquals("years of work", Files.readString(mine));
  }

  @Test
  void mistypedSiteFolderIsReportedAndNotCreated() {
    Path typo = dir.resolve("campain");
    CliRun run = TestSite.cli(typo, "build");
    assertEquals(1, run.exitCode());
    assertEquals("factsite: " + typo + " is not a folder", run.firstErrorLine());
    assertFalse(Files.exists(typo), "the build created the mistyped folder");
  }

  @Test
  void fileIsRefused() throws IOException {
    HostileSite s = HostileSite.built(dir);
    Path f = Files.writeString(other.resolve("out"), "x");
    refused(s, f, "it is a file, not a folder");
    assertEquals("x", Files.readString(f));
  }

  @Test
  void symlinkIsRefused() throws IOException {
    HostileSite s = HostileSite.built(dir);
    Path link = Files.createSymbolicLink(dir.resolve("published"), other);
    refused(s, link, "it is a symbolic link");
  }

  @Test
  void outputWhoseParentIsAFileFailsWithoutTouchingTheSite() throws IOException {
    HostileSite s = HostileSite.built(dir);
    Path f = Files.writeString(other.resolve("plain-file"), "x");
    Path out = f.resolve("site");
    CliRun r = s.run("build", "--quiet", "--output", out.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.firstErrorLine().startsWith("factsite: could not write " + out + ": "), r.err());
    assertTrue(r.firstErrorLine().endsWith("(the previous site was left as it was)"), r.err());
    HostileSite.assertNoStackTrace(r);
    s.assertUnchanged();
  }

  @Test
  void writeThatFailsHalfWayLeavesTheSiteAndNoStagingFolder() throws IOException {
    HostileSite s = HostileSite.built(dir);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("a/index.html", "<p>new".getBytes(StandardCharsets.UTF_8));
    files.put("b/index.html", "<p>new".getBytes(StandardCharsets.UTF_8));
    // A path the writer must refuse after it has already written the files before it.
    files.put("c/../../../escape.html", "<p>x".getBytes(StandardCharsets.UTF_8));
    assertThrows(IOException.class, () -> SiteWriter.commit(dir, s.site, files));
    s.assertUnchanged();
    assertFalse(Files.exists(dir.getParent().resolve("escape.html")));
  }

  @Test
  void writeThatRunsOutOfSpaceLeavesTheSite() throws IOException {
    HostileSite s = HostileSite.built(dir);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("a/index.html", "<p>new".getBytes(StandardCharsets.UTF_8));
    files.put("b/index.html", null); // stands in for a write that fails (disk full)
    assertThrows(IOException.class, () -> SiteWriter.commit(dir, s.site, files));
    s.assertUnchanged();
  }

  @Test
  void rebuildKeepsWhatTheToolDoesNotOwnAndDropsStalePages() throws IOException {
    HostileSite s = HostileSite.built(dir);
    s.delete("content/about.md");
    s.write("content/renamed.md", ARTICLE);
    CliRun r = s.run("build", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(Files.exists(s.site.resolve("about/index.html")), "stale page left behind");
    assertFalse(Files.exists(s.site.resolve("about")), "stale folder left behind");
    assertTrue(Files.exists(s.site.resolve("renamed/index.html")));
    assertEquals("facts.example.org\n", Files.readString(s.site.resolve("CNAME")));
    assertEquals("ref: refs/heads/gh-pages\n", Files.readString(s.site.resolve(".git/HEAD")));
    assertEquals("added by hand\n", Files.readString(s.site.resolve("notes/readme.txt")));
    assertArrayEquals(new byte[0], Files.readAllBytes(s.site.resolve(".nojekyll")));
    s.assertNoStaging();
  }

  @Test
  void rebuildKeepsUnchangedPagesAsTheyWereAndRewritesTheRest() throws IOException {
    HostileSite s = HostileSite.built(dir);
    Path home = s.site.resolve("index.html");
    Path about = s.site.resolve("about/index.html");
    Path sitemap = s.site.resolve("sitemap.xml");
    byte[] sitemapBuilt = Files.readAllBytes(sitemap);
    FileTime longAgo = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
    for (Path p : List.of(home, about, sitemap)) {
      Files.setLastModifiedTime(p, longAgo);
    }
    Object homeFile = Files.readAttributes(home, BasicFileAttributes.class).fileKey();
    s.write("content/about.md", ARTICLE.replace("Text.", "New text."));
    s.write("site/sitemap.xml", "edited by hand in site/\n");

    CliRun r = s.run("build", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    // The unchanged home page is the same file, so a copy that skips unchanged files skips it.
    assertEquals(longAgo, Files.getLastModifiedTime(home));
    if (homeFile != null) {
      assertEquals(homeFile, Files.readAttributes(home, BasicFileAttributes.class).fileKey());
    }
    // The edited article's page is new; a page someone changed in site/ is made again.
    assertTrue(Files.readString(about).contains("New text."));
    assertNotEquals(longAgo, Files.getLastModifiedTime(about));
    assertArrayEquals(sitemapBuilt, Files.readAllBytes(sitemap));
    s.assertNoStaging();
  }

  @Test
  void builtSiteFolderHasTheUsualPermissionsNotTheStagingFoldersPrivateOnes() throws IOException {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    HostileSite s = HostileSite.built(dir);
    Path usual = Files.createDirectory(dir.resolve("made-by-the-user"));
    // A web server or a deploy step running as another user must be able to read the site.
    assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(s.site));
    CliRun r = s.run("build", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(s.site));
  }

  @Test
  void largeSiteIsWrittenWholeAndAFailedRebuildLeavesIt() throws IOException {
    HostileSite s = HostileSite.built(dir);
    // From 200 files on, the staging folder asks the file system to place the new site apart.
    int pages = 200;
    for (int i = 0; i < pages; i++) {
      s.write("content/many-" + i + ".md", ARTICLE.replace("title: About", "title: Page " + i));
    }
    CliRun r = s.run("build", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    for (int i = 0; i < pages; i++) {
      String page = Files.readString(s.site.resolve("many-" + i + "/index.html"));
      assertTrue(page.contains("Page " + i), "many-" + i);
    }
    s.assertNoStaging();
    s.snapshotAgain();
    s.write("templates/page.ftlh", "<#if>");
    assertEquals(1, s.run("build", "--quiet").exitCode());
    s.assertUnchanged();
  }

  @Test
  void failedBuildAfterAGoodOneLeavesNoStagingFolderBeside() {
    HostileSite s = HostileSite.built(dir);
    s.write("templates/page.ftlh", "<#if>");
    CliRun r = s.run("build", "--quiet");
    assertEquals(1, r.exitCode());
    s.assertUnchanged();
  }
}
