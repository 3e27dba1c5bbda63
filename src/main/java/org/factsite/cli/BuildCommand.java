package org.factsite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.factsite.build.BuildResult;
import org.factsite.write.OutputRefusedException;
import org.factsite.write.StagedSite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code factsite build}: builds the site and, only if every check passes, replaces site/. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Build the site into site/ (replaced only when the whole build succeeds).")
final class BuildCommand implements Callable<Integer> {
  @Mixin SiteOptions site;
  @Mixin ReportOptions report;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Where to write the site. Default: site/ in the site folder.")
  Path output;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path target = output != null ? output : site.dir().resolve("site");
    // The new site is written into a staging folder while it is built; only a build that
    // succeeds in full swaps it in, and anything else removes it (StagedSite).
    try (StagedSite staged = StagedSite.open(site.dir(), target)) {
      var run = SiteRun.build(site, report, out, err, staged::write);
      if (run.isEmpty()) {
        return ExitCode.BUILD_ERROR.code;
      }
      BuildResult result = run.get();
      long t0 = System.nanoTime();
      staged.commit(result.files().keySet());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      report.phase(out, "write", ms, result.files().size() + " files to " + target);
      report.done(out, "Built " + result.pages() + " pages into " + target);
      return ExitCode.OK.code;
    } catch (OutputRefusedException e) {
      err.println("factsite: " + e.getMessage());
      err.flush();
      return ExitCode.USAGE.code;
    } catch (IOException e) {
      err.println(
          "factsite: could not write "
              + target
              + ": "
              + e.getMessage()
              + " (the previous site was left as it was)");
      err.flush();
      return ExitCode.BUILD_ERROR.code;
    }
  }
}
