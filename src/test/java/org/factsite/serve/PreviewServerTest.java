package org.factsite.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.factsite.build.BuildResult;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} end to end: the real watcher and HTTP server, files edited on disk, pages fetched
 * as a browser would.
 */
class PreviewServerTest {
  @TempDir Path dir;
  PreviewFixture site;
  PreviewSession session;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() throws Exception {
    site = new PreviewFixture(dir);
    session =
        PreviewSession.start(
            dir,
            new PreviewSession.Options(0, true, null),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
  }

  @AfterEach
  void stop() {
    session.close();
  }

  @Test
  void servesUnderTheSubPathWithTheReloadScriptAndARelaxedPolicy() throws Exception {
    assertTrue(
        out.toString().matches("(?s).*Serving at http://127\\.0\\.0\\.1:\\d+/repo/\n.*"),
        out.toString());
    assertTrue(session.url().endsWith("/repo/"));
    HttpResponse<String> root = get("/");
    assertEquals(302, root.statusCode());
    assertEquals("/repo/", root.headers().firstValue("Location").orElse(""));
    HttpResponse<String> home = get("/repo/");
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("<script src=\"/repo/__factsite/live.js\" defer></script>"));
    assertTrue(
        home.body()
            .contains(
                "content=\"default-src 'none'; style-src 'self'; img-src"
                    + " 'self'; script-src 'self'; connect-src 'self'\""),
        home.body());
    assertEquals(302, get("/repo/a").statusCode(), "a folder without its slash redirects");
    assertEquals(200, get("/repo/__factsite/live.js").statusCode());
    assertEquals(
        "text/css; charset=utf-8",
        get("/repo/assets/style.css").headers().firstValue("Content-Type").orElse(""));
    assertEquals(404, get("/repo/nothing-here/").statusCode());
    assertFalse(Files.exists(dir.resolve("site")), "serve never writes site/");
  }

  @Test
  void theNotFoundPageAtADeepAddressLinksToThePreviewNotProduction() throws Exception {
    long v = session.site().state().version();
    site.write(
        "content/404.md",
        "---\ntitle: Page not found\nlayout: not-found\n---\n" + "Try the [home page](/).\n");
    awaitBuild(v);
    HttpResponse<String> missing = get("/repo/b/not/here/");
    assertEquals(404, missing.statusCode());
    // Links from base_url, and base_url is the preview's own address, not production's.
    assertTrue(
        missing.body().contains("<a href=\"" + session.url() + "sources/\">Sources</a>"),
        missing.body());
    assertTrue(
        missing.body().contains("<a href=\"" + session.url() + "\">home page</a>"), missing.body());
    assertFalse(missing.body().contains("https://example.org/repo/"), missing.body());
  }

  @Test
  void editsCreationsRenamesAndDeletionsAreServedAsACleanBuildWouldBe() throws Exception {
    long v = session.site().state().version();
    site.replace("content/b.md", "Beta has no figures.", "Beta was edited.");
    v = awaitBuild(v);
    assertTrue(get("/repo/b/").body().contains("Beta was edited."));
    assertTrue(out.toString().contains("Rebuilt 1 page in "), out.toString());
    assertServedEqualsCleanBuild();

    site.write("content/d.md", "---\ntitle: Delta\ndate: 2021-01-01\n---\nNew {{stat after}}.\n");
    v = awaitBuild(v);
    assertServedEqualsCleanBuild();

    site.move("content/d.md", "content/e.md");
    v = awaitBuild(v);
    assertEquals(404, get("/repo/d/").statusCode());
    assertServedEqualsCleanBuild();

    site.move("content/notes", "content/guides");
    v = awaitBuild(v);
    assertEquals(404, get("/repo/notes/c/").statusCode());
    assertServedEqualsCleanBuild();

    site.replace("content/guides/c.md", "Gamma has a chart.", "Gamma, edited after the move.");
    v = awaitBuild(v);
    assertServedEqualsCleanBuild();

    site.delete("content/e.md");
    awaitBuild(v);
    assertServedEqualsCleanBuild();
  }

  @Test
  void aBrokenTemplateShowsTheErrorOverlayAndTheFixClearsIt() throws Exception {
    long v = session.site().state().version();
    site.replace("templates/page.ftlh", "<h1>${page.title}</h1>", "<h1>${page.title</h1>");
    v = awaitBuild(v);
    String page = get("/repo/a/").body();
    assertTrue(page.contains("class=\"factsite-errors\" role=\"alert\""), page);
    assertTrue(page.matches("(?s).*templates/page\\.ftlh:2:\\d+: .*"), page);
    assertTrue(page.contains("^"), "the caret excerpt is shown");
    assertTrue(page.contains("/repo/__factsite/live.js"), "the page still reloads itself");
    assertTrue(err.toString().contains("templates/page.ftlh:2:"), err.toString());

    site.replace("templates/page.ftlh", "<h1>${page.title</h1>", "<h1>${page.title}</h1>");
    awaitBuild(v);
    page = get("/repo/a/").body();
    assertFalse(page.contains("factsite-errors"), page);
    assertServedEqualsCleanBuild();
  }

  @Test
  void openTabsAreToldAboutEachBuild() throws Exception {
    URL events = URI.create(session.url() + "__factsite/events").toURL();
    HttpURLConnection c = (HttpURLConnection) events.openConnection();
    c.setReadTimeout(10_000);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("text/event-stream; charset=utf-8", c.getContentType());
      long v = session.site().state().version();
      assertEquals("data: " + v, nextData(in));
      site.replace("content/a.md", "Alpha shows", "Alpha now shows");
      assertEquals("data: " + (v + 1), nextData(in));
    } finally {
      c.disconnect();
    }
  }

  @Test
  void aBusyPortIsReportedInOneLine() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      TestSite.CliRun run =
          TestSite.cli(dir, "serve", "--port", String.valueOf(busy.getLocalPort()));
      assertEquals(2, run.exitCode());
      assertEquals(
          "factsite: port "
              + busy.getLocalPort()
              + " is already in use; stop what is"
              + " using it, choose another with --port, or leave --port out to let factsite pick a"
              + " free one",
          run.err().strip());
    }
  }

  private static String nextData(BufferedReader in) throws Exception {
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("data: ")) {
        return line;
      }
    }
    return null;
  }

  /** Waits for a build after {@code before}, then for the watcher to fall quiet. */
  private long awaitBuild(long before) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (session.site().state().version() <= before) {
      assertTrue(System.currentTimeMillis() < deadline, "no rebuild within 15 s:\n" + out);
      Thread.sleep(10);
    }
    long seen;
    do {
      seen = session.site().state().version();
      Thread.sleep(300);
    } while (session.site().state().version() != seen);
    return seen;
  }

  /**
   * Every file of a clean build for the preview's address ({@code build --base-url URL}) is served,
   * pages with only the preview's additions.
   */
  private void assertServedEqualsCleanBuild() throws Exception {
    BuildResult clean = site.cleanBuild(session.url());
    assertTrue(clean != null, "the clean build failed");
    PreviewSite.State s = session.site().state();
    assertTrue(s.ok(), s.errors().toString());
    assertEquals(clean.files().keySet(), s.files().keySet());
    PageDecorator decorator = new PageDecorator("/repo/");
    for (Map.Entry<String, byte[]> e : clean.files().entrySet()) {
      String path = e.getKey();
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(session.url() + path)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode(), path);
      byte[] expected = e.getValue();
      if (path.endsWith(".html")) {
        expected =
            decorator
                .decorate(new String(expected, StandardCharsets.UTF_8), s.version(), List.of())
                .getBytes(StandardCharsets.UTF_8);
      }
      assertEquals(
          new String(expected, StandardCharsets.ISO_8859_1),
          new String(r.body(), StandardCharsets.ISO_8859_1),
          path);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    String base = session.url().substring(0, session.url().indexOf("/repo/"));
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
