package org.factsite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.factsite.build.BuildOptions;
import org.factsite.build.BuildResult;
import org.factsite.build.KeptStores;
import org.factsite.build.OutputSink;
import org.factsite.build.PhaseTiming;
import org.factsite.build.SiteBuilder;
import org.factsite.diag.DiagnosticPrinter;
import org.factsite.diag.Diagnostics;
import org.factsite.load.Inputs;
import org.factsite.load.SourceTree;
import org.factsite.render.chart.CodeIdentity;

/** Reads a site folder and builds it in memory, printing phases and diagnostics. */
final class SiteRun {
  private SiteRun() {}

  /** Whether the site folder exists; prints why not when it does not. */
  static boolean isSiteFolder(SiteOptions site, PrintWriter err) {
    if (Files.isDirectory(site.dir())) {
      return true;
    }
    err.println("factsite: " + site.dir() + " is not a folder");
    err.flush();
    return false;
  }

  /** The result when the build succeeded; empty after printing why when it did not. */
  static Optional<BuildResult> build(
      SiteOptions site, ReportOptions report, PrintWriter out, PrintWriter err) {
    return build(site, report, out, err, OutputSink.NONE);
  }

  /**
   * As {@link #build(SiteOptions, ReportOptions, PrintWriter, PrintWriter)}, handing each file to
   * {@code sink} as it is made.
   */
  static Optional<BuildResult> build(
      SiteOptions site, ReportOptions report, PrintWriter out, PrintWriter err, OutputSink sink) {
    if (site.debug()) {
      System.setProperty("factsite.debug", "true");
    }
    if (!isSiteFolder(site, err)) {
      return Optional.empty();
    }
    Diagnostics readProblems = new Diagnostics();
    long t0 = System.nanoTime();
    Inputs inputs;
    try {
      inputs = SourceTree.read(site.dir(), readProblems);
    } catch (IOException e) {
      err.println("factsite: could not read " + site.dir() + ": " + e.getMessage());
      return Optional.empty();
    }
    report.phase(out, "read", (System.nanoTime() - t0) / 1_000_000, inputs.all().size() + " files");
    if (site.baseUrl() != null && !site.baseUrl().matches("https?://[^\\s\"'<>]+")) {
      err.println(
          "factsite: --base-url must be a full http(s) address, like"
              + " https://org.github.io/repo/");
      return Optional.empty();
    }
    BuildResult result = new SiteBuilder().build(inputs, options(site), sink);
    for (PhaseTiming t : result.timings()) {
      report.phase(out, t.phase(), t.millis(), t.summary());
    }
    if (report.verbose()) {
      result.files().forEach((p, b) -> out.println("  " + p + " (" + b.length + " bytes)"));
    }
    var all = new java.util.ArrayList<>(readProblems.all());
    all.addAll(result.diagnostics());
    boolean failed = readProblems.hasErrors() || !result.ok();
    if (!all.isEmpty()) {
      out.flush();
      new DiagnosticPrinter(DiagnosticPrinter.DEFAULT_LIMIT).print(all, err);
    }
    return failed ? Optional.empty() : Optional.of(result);
  }

  /**
   * The build's options, with where this site's drawn charts, loaded articles, rendered Markdown,
   * rendered pages and what the checks read from its pages are kept between builds: the user's
   * cache folder ($XDG_CACHE_HOME, else ~/.cache), never the site folder. Nothing is kept with
   * --no-cache, or when the running code cannot be told apart from other versions (not run from a
   * jar: classes folders change unseen).
   */
  private static BuildOptions options(SiteOptions site) {
    Optional<String> identity =
        site.noCache() ? Optional.empty() : CodeIdentity.ofJarHolding(SiteRun.class);
    if (identity.isEmpty()) {
      return new BuildOptions(site.drafts(), site.baseUrl());
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path root =
        (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache"))
            .resolve("factsite");
    Path siteRoot;
    try {
      siteRoot = site.dir().toRealPath();
    } catch (IOException e) {
      siteRoot = site.dir().toAbsolutePath().normalize();
    }
    return new BuildOptions(
        site.drafts(), site.baseUrl(), KeptStores.in(root, siteKey(siteRoot), identity.get()));
  }

  /**
   * Names a site's kept results in the cache folder: two CRCs of its folder's real path. Only a
   * name (every kept result is checked against its input), and cheaper to start than SHA-256, whose
   * provider costs a fresh JVM about 20 ms.
   */
  static String siteKey(Path siteRoot) {
    byte[] path = siteRoot.toString().getBytes(StandardCharsets.UTF_8);
    CRC32 a = new CRC32();
    a.update(path);
    CRC32C b = new CRC32C();
    b.update(path);
    String hex = Long.toHexString(a.getValue() << 32 | b.getValue());
    return "0".repeat(16 - hex.length()) + hex;
  }
}
