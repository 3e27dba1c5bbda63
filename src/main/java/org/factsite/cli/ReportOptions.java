package org.factsite.cli;

import java.io.PrintWriter;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * How much a command prints: a line per phase by default, nothing with --quiet.
 *
 * @param quiet print only errors
 * @param verbose also list every file written
 */
record ReportOptions(boolean quiet, boolean verbose) {
  private static final Option QUIET =
      Option.builder("q").longOpt("quiet").desc("Print only errors.").get();

  private static final Option VERBOSE =
      Option.builder("v").longOpt("verbose").desc("Also list every file written.").get();

  static final List<Option> OPTIONS = List.of(QUIET, VERBOSE);

  static ReportOptions of(CommandLine line) {
    return new ReportOptions(line.hasOption(QUIET), line.hasOption(VERBOSE));
  }

  void phase(PrintWriter out, String phase, long millis, String summary) {
    if (!quiet) {
      // Padded by hand: a Formatter's first use took about 15 ms of a ten-article build.
      String time = Long.toString(millis);
      out.print(
          phase
              + " ".repeat(Math.max(0, 7 - phase.length()))
              + " ".repeat(Math.max(1, 7 - time.length()))
              + time
              + " ms  "
              + summary
              + System.lineSeparator());
    }
  }

  void done(PrintWriter out, String line) {
    if (!quiet) {
      out.println(line);
    }
    out.flush();
  }
}
