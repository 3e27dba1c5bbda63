package org.factsite.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.factsite.build.BuildOptions;
import org.factsite.build.BuildResult;
import org.factsite.build.SiteBuilder;
import org.factsite.diag.Diagnostics;
import org.factsite.load.Inputs;
import org.factsite.load.SourceTree;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The campaign site from the repository root, built in-process into a temporary folder, served
 * under {@code /repo/} and opened in one headless Chromium. Built once for the whole browser suite
 * (kept in JUnit's root store, closed when the run ends), because starting Chromium and building
 * the site cost more than most of the checks.
 */
final class ServedSite implements ExtensionContext.Store.CloseableResource {
  static final String PREFIX = "/repo/";

  private final Path dir;
  private final List<String> pages;
  private final SiteServer server;
  private final HeadlessChromium browser;

  private ServedSite() throws IOException {
    Diagnostics d = new Diagnostics();
    Inputs inputs = SourceTree.read(Path.of("."), d);
    assertTrue(!d.hasErrors(), () -> "campaign site inputs: " + d.all());
    dir = Files.createTempDirectory("factsite-browser-");
    // Serve first, then build for the address the server got, as the deploy workflow builds
    // with --base-url for the address Pages reports: the 404 page links from that address.
    server = new SiteServer(dir, PREFIX);
    BuildResult result = new SiteBuilder().build(inputs, new BuildOptions(false, server.baseUrl()));
    if (!result.ok()) {
      server.close();
    }
    assertTrue(result.ok(), () -> "campaign build failed: " + result.diagnostics());
    for (Map.Entry<String, byte[]> e : result.files().entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
    }
    // Every page the build made, so a new page is checked without anyone listing it here.
    pages =
        result.files().keySet().stream()
            .filter(f -> f.endsWith(".html"))
            .map(
                f ->
                    f.equals("index.html")
                        ? ""
                        : f.endsWith("/index.html")
                            ? f.substring(0, f.length() - "index.html".length())
                            : f)
            .toList();
    browser = new HeadlessChromium();
  }

  /** The one served site of this test run. */
  static ServedSite get(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(
            ServedSite.class,
            k -> {
              try {
                return new ServedSite();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            ServedSite.class);
  }

  /** Site-relative page paths as a reader would type them: "", "sources/", "404.html". */
  List<String> pages() {
    return pages;
  }

  Path dir() {
    return dir;
  }

  SiteServer server() {
    return server;
  }

  HeadlessChromium browser() {
    return browser;
  }

  /** Opens a page (site-relative) and waits until it and its images have loaded. */
  void open(String page) {
    // The default page-load strategy returns after the load event, so images have loaded.
    browser.driver().get(server.baseUrl() + page);
  }

  @Override
  public void close() throws IOException {
    try (server;
        browser) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
