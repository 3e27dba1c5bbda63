package org.factsite.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.factsite.build.BuildOptions;
import org.factsite.build.KeptStores;
import org.factsite.config.SiteConfigParser;
import org.factsite.diag.DiagnosticPrinter;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.Severity;
import org.factsite.load.YamlReader;
import org.factsite.model.SiteConfig;

/**
 * One run of {@code factsite serve}: builds the site into memory, serves it, watches the folder and
 * rebuilds on every save, telling the terminal ({@code Rebuilt 1 page in 12 ms}) and open browser
 * tabs. A broken save is reported in both places and the server carries on.
 */
public final class PreviewSession implements AutoCloseable {
  /** The port tried first when none is asked for; any free port when it is taken. */
  public static final int DEFAULT_PORT = 8080;

  private static final int WARM_UP_ROUNDS = 5;

  /**
   * How to serve.
   *
   * @param port the port, or null to let the tool choose
   * @param basePath the sub-path ({@code /repo/}), or null to take it from {@code base_url}
   * @param kept what the site's builds kept, for the first build to read ({@link
   *     KeptStores#readOnlyIn}), or {@link KeptStores#NONE}
   */
  public record Options(
      Integer port, boolean drafts, String basePath, boolean verbose, KeptStores kept) {
    public Options {
      kept = kept == null ? KeptStores.NONE : kept;
    }

    public Options(Integer port, boolean drafts, String basePath) {
      this(port, drafts, basePath, false, KeptStores.NONE);
    }
  }

  private final PreviewSite site;
  private final PreviewServer server;
  private final String basePath;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean verbose;
  private SourceWatcher watcher;

  private PreviewSession(
      PreviewSite site,
      PreviewServer server,
      String basePath,
      PrintWriter out,
      PrintWriter err,
      boolean verbose) {
    this.verbose = verbose;
    this.site = site;
    this.server = server;
    this.basePath = basePath;
    this.out = out;
    this.err = err;
  }

  /**
   * Binds the port, builds, starts serving and watching, and prints {@code Serving at …}.
   *
   * @throws BindException when the port asked for is taken
   */
  public static PreviewSession start(Path dir, Options options, PrintWriter out, PrintWriter err)
      throws IOException {
    String base = options.basePath() != null ? normalise(options.basePath()) : basePathOf(dir);
    // Bind first: the preview builds for its own address, so pages that link absolutely from
    // base_url (the not-found page) load their stylesheet from the preview, not production.
    AtomicReference<PreviewSite> holder = new AtomicReference<>();
    PreviewServer server = bind(options.port(), base, () -> holder.get().state());
    PreviewSite site =
        new PreviewSite(
            dir,
            new BuildOptions(
                options.drafts(), "http://127.0.0.1:" + server.port() + base, options.kept()));
    holder.set(site);
    PreviewSession s = new PreviewSession(site, server, base, out, err, options.verbose());
    try {
      PreviewSite.Rebuild first = site.rebuildAll();
      s.report(first, "Built");
      site.warmUp(WARM_UP_ROUNDS);
      s.watcher = SourceWatcher.start(dir, s::changed);
      server.start();
    } catch (IOException | RuntimeException e) {
      server.stop();
      throw e;
    }
    out.println("Serving at " + s.url());
    out.flush();
    return s;
  }

  private static PreviewServer bind(Integer port, String base, Supplier<PreviewSite.State> state)
      throws IOException {
    if (port != null) {
      return new PreviewServer(port, base, state);
    }
    try {
      return new PreviewServer(DEFAULT_PORT, base, state);
    } catch (BindException e) {
      return new PreviewServer(0, base, state);
    }
  }

  /** The address of the site's home page, e.g. {@code http://127.0.0.1:8080/repo/}. */
  public String url() {
    return "http://127.0.0.1:" + server.port() + basePath;
  }

  public PreviewSite site() {
    return site;
  }

  private void changed(java.util.Set<String> paths, boolean everything) {
    try {
      PreviewSite.Rebuild r = everything ? site.rebuildAll() : site.rebuild(paths);
      report(r, "Rebuilt");
      if (paths.contains(SiteConfigParser.PATH) && !basePathOf(siteDir()).equals(basePath)) {
        out.println("base_url changed: restart factsite serve to preview under the new path");
      }
    } catch (RuntimeException e) {
      err.println("factsite: internal error while rebuilding: " + e);
      err.flush();
    }
    server.built(site.state().version());
  }

  private Path siteDir() {
    return site.root();
  }

  private void report(PreviewSite.Rebuild r, String verb) {
    if (verbose) {
      r.timings()
          .forEach(t -> out.printf("  %-7s %6d ms  %s%n", t.phase(), t.millis(), t.summary()));
    }
    if (!r.diagnostics().isEmpty()) {
      out.flush();
      new DiagnosticPrinter(DiagnosticPrinter.DEFAULT_LIMIT).print(r.diagnostics(), err);
    }
    if (r.ok()) {
      out.println(
          verb
              + " "
              + r.rendered()
              + (r.rendered() == 1 ? " page" : " pages")
              + " in "
              + r.millis()
              + " ms");
    } else {
      long errors = r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
      out.println(
          "Build failed with "
              + errors
              + (errors == 1 ? " error" : " errors")
              + " in "
              + r.millis()
              + " ms; the browser shows "
              + (errors == 1 ? "it" : "them")
              + " until the next good save");
    }
    out.flush();
  }

  /** The path part of {@code base_url} in site.yaml ({@code /repo/}), or {@code /}. */
  static String basePathOf(Path dir) {
    Path config = dir.resolve(SiteConfigParser.PATH);
    try {
      if (Files.isRegularFile(config)) {
        Optional<SiteConfig> c =
            new SiteConfigParser(new YamlReader())
                .parse(Files.readString(config), new Diagnostics());
        if (c.isPresent()) {
          return normalise(URI.create(c.get().baseUrl()).getPath());
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // A broken site.yaml is reported by the build; serve at the root meanwhile.
    }
    return "/";
  }

  static String normalise(String path) {
    String p = path == null ? "" : path.strip();
    if (!p.startsWith("/")) {
      p = "/" + p;
    }
    return p.endsWith("/") ? p : p + "/";
  }

  /** Stops watching and serving; open tabs lose their connection. */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    server.stop();
  }
}
