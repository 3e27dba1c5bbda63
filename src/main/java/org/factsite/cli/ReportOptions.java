package org.factsite.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** How much a command prints: a line per phase by default, nothing with --quiet. */
final class ReportOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also list every file written.")
  boolean verbose;

  void phase(PrintWriter out, String phase, long millis, String summary) {
    if (!quiet) {
      out.printf("%-7s %6d ms  %s%n", phase, millis, summary);
    }
  }

  void done(PrintWriter out, String line) {
    if (!quiet) {
      out.println(line);
    }
    out.flush();
  }
}
