package org.factsite.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.factsite.build.BuildOptions;
import org.factsite.build.KeptStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview rebuilds only what an edit affects, and after any sequence of edits, creations,
 * renames and deletions holds exactly what a clean build of the folder would produce.
 */
class PreviewSiteTest {
  @TempDir Path dir;
  PreviewFixture site;
  PreviewSite preview;

  @BeforeEach
  void start() {
    site = new PreviewFixture(dir);
    preview = new PreviewSite(dir, PreviewFixture.DRAFTS);
    assertTrue(preview.rebuildAll().ok(), preview.state().errors().toString());
  }

  private PreviewSite.Rebuild changed(String... paths) {
    return preview.rebuild(Set.of(paths));
  }

  @Test
  void theFirstBuildReadsWhatTheSitesBuildsKeptAndWritesNothing(@TempDir Path cache)
      throws IOException {
    assertTrue(
        site.cleanBuild(new BuildOptions(false, null, KeptStores.in(cache, "site", "this code")))
            .ok());
    Map<Path, String> before = snapshot(cache);
    // An edit since that build: a store that wrote would keep b's new body and rewrite its file.
    site.replace("content/b.md", "Beta has no figures.", "Beta has no figures at all.");
    PreviewSite opened =
        new PreviewSite(
            dir,
            new BuildOptions(
                PreviewFixture.DRAFTS.includeDrafts(),
                null,
                KeptStores.readOnlyIn(cache, "site", "this code")));
    PreviewSite.Rebuild first = opened.rebuildAll();
    assertTrue(first.ok(), first.diagnostics().toString());
    assertTrue(summary(first, "load").contains("articles as in the last build"));
    assertTrue(summary(first, "pages").contains("Markdown as in the last build"));
    site.assertSameAsCleanBuild(opened, "first build from what was kept");

    // Later rebuilds read nothing kept: a new title re-renders the pages listing it, with the
    // other bodies as the first build found them.
    site.replace("content/b.md", "title: Beta", "title: Beta renamed");
    PreviewSite.Rebuild later = opened.rebuild(Set.of("content/b.md"));
    assertEquals(4, later.rendered());
    assertFalse(summary(later, "pages").contains("as in the last build"));
    site.assertSameAsCleanBuild(opened, "title edit after the first build");
    assertEquals(before, snapshot(cache), "the preview wrote nothing where builds keep results");
  }

  private static String summary(PreviewSite.Rebuild r, String phase) {
    return r.timings().stream()
        .filter(t -> t.phase().equals(phase))
        .findFirst()
        .orElseThrow()
        .summary();
  }

  /** Every file under {@code root}: its bytes (as Latin-1 text) and when it was last modified. */
  private static Map<Path, String> snapshot(Path root) throws IOException {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(p),
            Files.getLastModifiedTime(p)
                + " "
                + new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }

  @Test
  void bodyEditRerendersOnlyThatPage() {
    site.replace("content/b.md", "Beta has no figures.", "Beta still has no figures.");
    PreviewSite.Rebuild r = changed("content/b.md");
    assertEquals(1, r.rendered());
    assertTrue(text("b/index.html").contains("Beta still has no figures."));
    site.assertSameAsCleanBuild(preview, "body edit");
  }

  @Test
  void titleEditRerendersEveryPageThatListsIt() {
    site.replace("content/b.md", "title: Beta", "title: Beta renamed");
    PreviewSite.Rebuild r = changed("content/b.md");
    // b itself, a and c (their "latest" lists show b), the home page (lists every page);
    // the sources page reads neither list.
    assertEquals(4, r.rendered());
    assertTrue(text("a/index.html").contains(">Beta renamed</a>"));
    assertFalse(text("sources/index.html").contains("Beta"));
    site.assertSameAsCleanBuild(preview, "title edit");
  }

  @Test
  void datasetEditRerendersPagesShowingItsFiguresAndTheChart() {
    site.replace("data/figures.yaml", "value: 29", "value: 31");
    PreviewSite.Rebuild r = changed("data/figures.yaml");
    // a shows {{stat before}}, c shows the chart of it, and the sources page lists it.
    assertEquals(3, r.rendered());
    assertTrue(text("a/index.html").contains("31%"));
    assertTrue(text("charts/share.csv").contains("31"));
    site.assertSameAsCleanBuild(preview, "dataset edit");
  }

  @Test
  void templateEditRerendersThePagesUsingIt() {
    site.replace("templates/base.ftlh", "<main>", "<main class=\"changed\">");
    PreviewSite.Rebuild r = changed("templates/base.ftlh");
    assertEquals(r.pages(), r.rendered());
    site.assertSameAsCleanBuild(preview, "template edit");
  }

  @Test
  void staticFileEditRendersNoPage() {
    site.write("templates/static/style.css", "body { color: black; }\n");
    PreviewSite.Rebuild r = changed("templates/static/style.css");
    assertEquals(0, r.rendered());
    assertEquals("body { color: black; }\n", text("assets/style.css"));
  }

  @Test
  void draftsAreShownWithABanner() {
    site.replace("content/b.md", "date: 2020-02-01", "date: 2020-02-01\ndraft: true");
    changed("content/b.md");
    assertTrue(text("b/index.html").contains("class=\"draft-banner\""));
    site.assertSameAsCleanBuild(preview, "draft");
  }

  @Test
  void brokenEditKeepsTheLastGoodSiteAndTheNextGoodSaveClearsTheError() {
    String good = text("a/index.html");
    site.replace("content/a.md", "title: Alpha", "title: [Alpha");
    PreviewSite.Rebuild broken = changed("content/a.md");
    assertFalse(broken.ok());
    assertEquals("content/a.md", preview.state().errors().get(0).pos().path());
    assertTrue(preview.state().errors().get(0).pos().line() > 0);
    assertEquals(good, text("a/index.html"), "the last good page is still served");
    site.replace("content/a.md", "title: [Alpha", "title: Alpha again");
    assertTrue(changed("content/a.md").ok());
    assertTrue(preview.state().errors().isEmpty());
    site.assertSameAsCleanBuild(preview, "fixed");
  }

  @Test
  void aSyntaxErrorInASharedTemplateIsReportedWhereItIs() {
    site.replace(
        "templates/base.ftlh", "<title>${page.title}</title>", "<title>${page.title</title>");
    assertFalse(changed("templates/base.ftlh").ok());
    assertTrue(
        preview.state().errors().stream()
            .allMatch(e -> e.pos().path().equals("templates/base.ftlh") && e.pos().line() == 4),
        preview.state().errors().toString());
    site.replace("templates/base.ftlh", "${page.title</title>", "${page.title}</title>");
    assertTrue(changed("templates/base.ftlh").ok());
    site.assertSameAsCleanBuild(preview, "fixed");
  }

  @Test
  void scriptedEditsCreationsRenamesAndDeletionsMatchACleanBuild() {
    site.write(
        "content/d.md", "---\ntitle: Delta\ndate: 2021-01-01\n---\nNew page {{stat after}}.\n");
    changed("content/d.md");
    site.assertSameAsCleanBuild(preview, "create d");

    site.move("content/d.md", "content/e.md");
    changed("content/d.md", "content/e.md");
    site.assertSameAsCleanBuild(preview, "rename d to e");

    site.move("content/notes", "content/guides");
    changed("content/notes", "content/guides");
    site.assertSameAsCleanBuild(preview, "rename folder notes to guides");

    site.move("content/a.md", "content/alpha.md");
    assertFalse(changed("content/a.md", "content/alpha.md").ok(), "b links to /a/, now gone");
    site.assertSameAsCleanBuild(preview, "rename a, breaking b's link");

    site.delete("content/b.md");
    assertTrue(changed("content/b.md").ok(), "deleting b removes the broken link");
    assertFalse(preview.state().files().containsKey("b/index.html"));
    site.assertSameAsCleanBuild(preview, "delete b");
  }

  @Test
  void brokenLinkOnAnUnchangedPageIsReportedWhereItWasWritten() {
    // b is not re-rendered when a goes; its link's place comes from the cached page.
    site.move("content/a.md", "content/alpha.md");
    PreviewSite.Rebuild r = changed("content/a.md", "content/alpha.md");
    assertFalse(r.ok());
    assertTrue(
        r.diagnostics().stream()
            .anyMatch(
                x ->
                    x.pos().path().equals("content/b.md")
                        && x.pos().line() == 5
                        && x.pos().column() > 1),
        r.diagnostics().toString());
  }

  @Test
  void randomSequencesOfChangesMatchACleanBuild() {
    for (long seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      List<String> log = new ArrayList<>();
      for (int step = 0; step < 25; step++) {
        String what = randomChange(random, step);
        log.add(what);
        site.assertSameAsCleanBuild(preview, "seed " + seed + " after " + log);
      }
    }
  }

  /** Applies one random change an editor might make, rebuilds, and says what it was. */
  private String randomChange(Random random, int step) {
    List<String> articles = articles();
    String a = articles.get(random.nextInt(articles.size()));
    switch (random.nextInt(9)) {
      case 0 -> {
        String p = "content/new-" + step + ".md";
        site.write(
            p,
            "---\ntitle: New "
                + step
                + "\ndate: 2022-0"
                + (1 + random.nextInt(9))
                + "-01\n---\nBody {{stat before}}.\n");
        changed(p);
        return "create " + p;
      }
      case 1 -> {
        site.write(a, site.read(a) + "\nMore text " + step + ".\n");
        changed(a);
        return "append to " + a;
      }
      case 2 -> {
        site.write(a, site.read(a).replaceFirst("title: ([^\\n]*)", "title: $1 " + step));
        changed(a);
        return "retitle " + a;
      }
      case 3 -> {
        if (a.endsWith("/index.md")
            || a.equals("content/index.md")
            || a.equals("content/sources.md")) {
          return "skip";
        }
        String to = "content/moved-" + step + ".md";
        site.move(a, to);
        changed(a, to);
        return "rename " + a + " to " + to;
      }
      case 4 -> {
        if (!a.matches("content/(new|moved)-.*")) {
          return "skip";
        }
        site.delete(a);
        changed(a);
        return "delete " + a;
      }
      case 5 -> {
        String v = String.valueOf(10 + random.nextInt(80));
        site.write(
            "data/figures.yaml",
            site.read("data/figures.yaml").replaceFirst("value: \\d+", "value: " + v));
        changed("data/figures.yaml");
        return "figure to " + v;
      }
      case 6 -> {
        site.write(
            "templates/page.ftlh",
            site.read("templates/page.ftlh").replace("<h1>", "<h1 data-step=\"" + step + "\">"));
        changed("templates/page.ftlh");
        return "template";
      }
      case 7 -> {
        boolean draft = site.read(a).contains("draft: true");
        site.write(
            a,
            draft
                ? site.read(a).replace("draft: true\n", "")
                : site.read(a).replaceFirst("---\n", "---\ndraft: true\n"));
        changed(a);
        return (draft ? "undraft " : "draft ") + a;
      }
      default -> {
        site.write("templates/static/style.css", "/* " + step + " */\n");
        changed("templates/static/style.css");
        return "style";
      }
    }
  }

  private List<String> articles() {
    try (var s = java.nio.file.Files.walk(dir.resolve("content"))) {
      return s.filter(p -> p.toString().endsWith(".md"))
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String text(String path) {
    byte[] b = preview.state().files().get(path);
    assertTrue(b != null, "no " + path + " in " + preview.state().files().keySet());
    return new String(b, StandardCharsets.UTF_8);
  }
}
