package org.factsite.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * One run of the command line: the command its leading words name ({@code factsite}, {@code build},
 * {@code new article}, …) and the arguments after them, which {@link #run} parses with Apache
 * Commons CLI before it answers --help or --version or runs the command.
 */
final class CommandCall {
  static final Option HELP =
      Option.builder("h").longOpt("help").desc("Show this help message and exit.").get();
  static final Option VERSION =
      Option.builder("V").longOpt("version").desc("Print version information and exit.").get();

  /** The command line itself first, then each command named, e.g. factsite, new, article. */
  private final List<Command> named;

  private final String[] args;

  private CommandCall(List<Command> named, String[] args) {
    this.named = named;
    this.args = args;
  }

  /**
   * The command that {@code args} names below {@code top}: each leading word that names a command
   * of the one before. Every other word is left for that command to parse.
   */
  static CommandCall find(Command top, String[] args) {
    List<Command> named = new ArrayList<>(List.of(top));
    int i = 0;
    while (i < args.length) {
      Command next = named(named.get(named.size() - 1), args[i]);
      if (next == null) {
        break;
      }
      named.add(next);
      i++;
    }
    return new CommandCall(named, Arrays.copyOfRange(args, i, args.length));
  }

  // Loops rather than streams here and below: this runs first in every build, while nothing is
  // compiled yet, and each stream and lambda costs its first use a few hundred microseconds of
  // linking (docs/performance.md, "Round 22").

  /** The command below {@code parent} named {@code word}, or null. */
  private static Command named(Command parent, String word) {
    for (Command c : parent.commands()) {
      if (c.name().equals(word)) {
        return c;
      }
    }
    return null;
  }

  /** How help and messages name the command, e.g. "factsite new article". */
  String name() {
    StringJoiner name = new StringJoiner(" ");
    for (Command c : named) {
      name.add(c.name());
    }
    return name.toString();
  }

  /**
   * Parses the arguments against the command's options and parameters, then prints its help, the
   * version, or runs it. Throws {@link UsageException} when they do not fit.
   */
  int run(PrintWriter out, PrintWriter err) {
    Command command = named.get(named.size() - 1);
    Options options = new Options();
    for (Option o : command.options()) {
      options.addOption(o);
    }
    options.addOption(HELP).addOption(VERSION);
    CommandLine line = parse(options);
    if (line.hasOption(HELP)) {
      out.print(CommandHelp.of(name(), command));
      return ExitCode.OK.code;
    }
    if (line.hasOption(VERSION)) {
      out.println(Main.VERSION);
      return ExitCode.OK.code;
    }
    checkParameters(command, line.getArgList());
    return command.run(line, out, err);
  }

  private CommandLine parse(Options options) {
    CommandLine line;
    try {
      // No abbreviated long options (--verb for --verbose) and values kept exactly as given,
      // quotes and all, as before.
      line =
          DefaultParser.builder()
              .setAllowPartialMatching(false)
              .setStripLeadingAndTrailingQuotes(false)
              .get()
              .parse(options, args);
    } catch (UnrecognizedOptionException e) {
      String token = e.getOption();
      int eq = token.indexOf('=');
      if (eq > 0 && options.hasOption(token.substring(0, eq))) {
        throw new UsageException("option '" + token.substring(0, eq) + "' takes no value");
      }
      throw new UsageException("unknown option '" + token + "'");
    } catch (MissingArgumentException e) {
      Option o = e.getOption();
      throw new UsageException(
          "option '" + spelled(o) + "' needs a value: " + spelled(o) + " " + o.getArgName());
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    Set<String> given = new HashSet<>();
    for (Option o : line.getOptions()) {
      if (!given.add(o.getKey())) {
        throw new UsageException("option '" + spelled(o) + "' should be given only once");
      }
    }
    return line;
  }

  private void checkParameters(Command command, List<String> values) {
    List<Command.Parameter> wanted = command.parameters();
    if (!command.commands().isEmpty() && !values.isEmpty()) {
      throw new UsageException(
          "'" + values.get(0) + "' is not a command; use " + commandList(command));
    }
    String takes =
        name() + " takes " + (wanted.isEmpty() ? "only options" : labels(wanted) + " and options");
    if (values.size() < wanted.size()) {
      throw new UsageException("missing " + wanted.get(values.size()).label() + " (" + takes + ")");
    }
    if (values.size() > wanted.size()) {
      throw new UsageException(
          "unexpected argument '" + values.get(wanted.size()) + "' (" + takes + ")");
    }
  }

  /** "build, check, serve or new"; below factsite, "new article or new chart". */
  private String commandList(Command command) {
    String prefix = named.size() > 1 ? name().substring(name().indexOf(' ') + 1) + " " : "";
    return orList(command.commands().stream().map(c -> prefix + c.name()).toList());
  }

  /** "a", "a or b", "a, b or c". */
  static String orList(List<String> words) {
    int last = words.size() - 1;
    return last == 0
        ? words.get(0)
        : String.join(", ", words.subList(0, last)) + " or " + words.get(last);
  }

  private static String labels(List<Command.Parameter> parameters) {
    StringJoiner labels = new StringJoiner(" ");
    for (Command.Parameter p : parameters) {
      labels.add(p.label());
    }
    return labels.toString();
  }

  /** How a user writes the option: its long name when it has one. */
  private static String spelled(Option o) {
    return o.hasLongOpt() ? "--" + o.getLongOpt() : "-" + o.getOpt();
  }
}
