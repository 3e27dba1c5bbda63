package org.factsite.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code factsite serve}: the live preview server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Preview the site on 127.0.0.1, rebuilding as files change.")
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("factsite: serve is not available yet");
    return ExitCode.USAGE.code;
  }
}
