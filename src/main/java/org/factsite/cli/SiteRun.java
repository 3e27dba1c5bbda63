package org.factsite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
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
   * The build's options, with where this site's results are kept between builds ({@link
   * KeptFolder}); nothing is kept with --no-cache.
   */
  private static BuildOptions options(SiteOptions site) {
    Optional<KeptStores> kept = site.noCache() ? Optional.empty() : KeptFolder.of(site.dir());
    return new BuildOptions(site.drafts(), site.baseUrl(), kept.orElse(KeptStores.NONE));
  }
}
