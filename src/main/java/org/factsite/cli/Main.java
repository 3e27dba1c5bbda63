package org.factsite.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/**
 * The command line: {@code build}, {@code check}, {@code serve} and {@code new}. Only {@link #main}
 * exits the process; {@link #run} returns the exit code so tests can call it.
 */
public final class Main implements Command {
  static final String VERSION = "factsite 0.1.0";

  @Override
  public String name() {
    return "factsite";
  }

  @Override
  public String description() {
    return "Builds a data-driven report site from content/, data/ and templates/.";
  }

  /** The commands, in the order help lists them. */
  @Override
  public List<Command> commands() {
    return List.of(new BuildCommand(), new CheckCommand(), new ServeCommand(), new NewCommand());
  }

  @Override
  public int run(CommandLine line, PrintWriter out, PrintWriter err) {
    throw new UsageException(
        "name a command: " + CommandCall.orList(commands().stream().map(Command::name).toList()));
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, out, err));
  }

  /** Runs the command line and returns the exit code (0 ok, 1 build errors, 2 usage errors). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandCall call = CommandCall.find(new Main(), args);
    try {
      return call.run(out, err);
    } catch (UsageException e) {
      err.println("factsite: " + e.getMessage());
      err.println("Run '" + call.name() + " --help' for usage.");
      return ExitCode.USAGE.code;
    } catch (RuntimeException e) {
      err.println("factsite: internal error: " + e);
      if (Boolean.getBoolean("factsite.debug")) {
        e.printStackTrace(err);
      } else {
        err.println("Run again with --debug to see where it happened.");
      }
      return ExitCode.BUILD_ERROR.code;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
