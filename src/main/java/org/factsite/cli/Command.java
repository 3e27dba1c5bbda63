package org.factsite.cli;

import java.io.PrintWriter;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * A command of the command line: factsite itself, build, check, serve, new, and new's article and
 * chart. It says what it is called, what help shows for it and what it takes; {@link CommandCall}
 * finds the command a run names, parses its options (adding --help and --version to every command)
 * and hands the result to {@link #run}.
 */
interface Command {
  /** The word that names it, e.g. "build"; "factsite" for the command line itself. */
  String name();

  /** One sentence: the command list shows it, and the command's help starts with it. */
  String description();

  /** The options it takes besides --help and --version. */
  default List<Option> options() {
    return List.of();
  }

  /** What it takes after its name, in order, e.g. new article's TITLE; each one is required. */
  default List<Parameter> parameters() {
    return List.of();
  }

  /** The commands named after it (new's article and chart), in the order help lists them. */
  default List<Command> commands() {
    return List.of();
  }

  /**
   * Does the command's work and returns the exit code; throws {@link UsageException} when the
   * command line asks for something it cannot do.
   */
  int run(CommandLine line, PrintWriter out, PrintWriter err);

  /** A value given after the command's name: its name in help, e.g. TITLE, and what it is. */
  record Parameter(String label, String description) {}
}
