package org.factsite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.factsite.build.BuildResult;
import org.factsite.build.OutputSink;
import org.factsite.write.OutputRefusedException;
import org.factsite.write.StagedSite;

/** {@code factsite build}: builds the site and, only if every check passes, replaces site/. */
final class BuildCommand implements Command {
  private static final Option OUTPUT =
      Option.builder("o")
          .longOpt("output")
          .hasArg()
          .argName("DIR")
          .desc("Where to write the site. Default: site/ in the site folder.")
          .get();

  @Override
  public String name() {
    return "build";
  }

  @Override
  public String description() {
    return "Build the site into site/ (replaced only when the whole build succeeds).";
  }

  @Override
  public List<Option> options() {
    List<Option> options = new ArrayList<>(SiteOptions.OPTIONS);
    options.addAll(ReportOptions.OPTIONS);
    options.add(OUTPUT);
    return options;
  }

  @Override
  public int run(CommandLine line, PrintWriter out, PrintWriter err) {
    SiteOptions site = SiteOptions.of(line);
    ReportOptions report = ReportOptions.of(line);
    String output = line.getOptionValue(OUTPUT);
    Path target = output != null ? Path.of(output) : site.dir().resolve("site");
    // Before the staging folder is made: a mistyped --dir must not create the folder it names.
    if (!SiteRun.isSiteFolder(site, err)) {
      return ExitCode.BUILD_ERROR.code;
    }
    // The new site is written into a staging folder while it is built; only a build that
    // succeeds in full swaps it in, and anything else removes it (StagedSite).
    try (StagedSite staged = StagedSite.open(site.dir(), target)) {
      OutputSink sink =
          new OutputSink() {
            @Override
            public void accept(String sitePath, byte[] bytes) {
              staged.write(sitePath, bytes);
            }

            @Override
            public void expect(int files) {
              staged.expect(files);
            }
          };
      var run = SiteRun.build(site, report, out, err, sink);
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
