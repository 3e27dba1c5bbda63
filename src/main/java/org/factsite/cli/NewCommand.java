package org.factsite.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code factsite new}: scaffolds an article or a chart. */
@Command(name = "new", mixinStandardHelpOptions = true,
    description = "Create a new article or chart from a template.")
final class NewCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("factsite: new is not available yet");
    return ExitCode.USAGE.code;
  }
}
