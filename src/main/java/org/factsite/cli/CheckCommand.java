package org.factsite.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code factsite check}: does all of build's work and reports every problem; writes nothing. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Check the site: do everything build does and report every problem, but write"
            + " nothing.")
final class CheckCommand implements Callable<Integer> {
  @Mixin SiteOptions site;
  @Mixin ReportOptions report;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var run = SiteRun.build(site, report, spec.commandLine().getOut(), spec.commandLine().getErr());
    if (run.isEmpty()) {
      return ExitCode.BUILD_ERROR.code;
    }
    report.done(
        spec.commandLine().getOut(), "No problems found in " + run.get().pages() + " pages.");
    return ExitCode.OK.code;
  }
}
