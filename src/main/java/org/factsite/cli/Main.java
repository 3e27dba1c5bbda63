package org.factsite.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code build}, {@code check}, {@code serve} and {@code new}. Only {@link #main}
 * exits the process; {@link #run} returns the exit code so tests can call it.
 */
@Command(
    name = "factsite",
    mixinStandardHelpOptions = true,
    version = "factsite 0.1.0",
    description = "Builds a data-driven report site from content/, data/ and templates/.")
public final class Main implements Runnable {
  /**
   * The commands, in the order help lists them. Added by {@link #run} rather than named in the
   * {@code @Command} annotation so that a run which names its command builds only that command's
   * model: picocli reads every option's annotations by reflection, which cost about 50 ms of each
   * run's start for the three commands not run (docs/performance.md).
   */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("build", BuildCommand::new);
    COMMANDS.put("check", CheckCommand::new);
    COMMANDS.put("serve", ServeCommand::new);
    COMMANDS.put("new", NewCommand::new);
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command: build, check," + " serve or new");
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
    CommandLine cl = new CommandLine(new Main());
    // Every command when none is named first (help, version, a typo), so those list them all.
    String named = args.length > 0 && COMMANDS.containsKey(args[0]) ? args[0] : null;
    COMMANDS.forEach(
        (name, command) -> {
          if (named == null || named.equals(name)) {
            cl.addSubcommand(command.get());
          }
        });
    // Set after the commands are added: picocli hands these settings down to existing ones.
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(e -> ExitCode.USAGE.code);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("factsite: " + ex.getMessage());
          err.println(
              "Run 'factsite "
                  + (ex.getCommandLine().getCommandName().equals("factsite")
                      ? ""
                      : ex.getCommandLine().getCommandName() + " ")
                  + "--help' for usage.");
          err.flush();
          return ExitCode.USAGE.code;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          err.println("factsite: internal error: " + ex);
          if (Boolean.getBoolean("factsite.debug")) {
            ex.printStackTrace(err);
          } else {
            err.println("Run again with --debug to see where it happened.");
          }
          err.flush();
          return ExitCode.BUILD_ERROR.code;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
