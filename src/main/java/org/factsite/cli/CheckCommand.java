package org.factsite.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** {@code factsite check}: does all of build's work and reports every problem; writes nothing. */
final class CheckCommand implements Command {
  @Override
  public String name() {
    return "check";
  }

  @Override
  public String description() {
    return "Check the site: do everything build does and report every problem, but write"
        + " nothing.";
  }

  @Override
  public List<Option> options() {
    List<Option> options = new ArrayList<>(SiteOptions.OPTIONS);
    options.addAll(ReportOptions.OPTIONS);
    return options;
  }

  @Override
  public int run(CommandLine line, PrintWriter out, PrintWriter err) {
    ReportOptions report = ReportOptions.of(line);
    var run = SiteRun.build(SiteOptions.of(line), report, out, err);
    if (run.isEmpty()) {
      return ExitCode.BUILD_ERROR.code;
    }
    report.done(out, "No problems found in " + run.get().pages() + " pages.");
    return ExitCode.OK.code;
  }
}
