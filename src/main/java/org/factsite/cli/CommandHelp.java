package org.factsite.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.cli.Option;

/**
 * The text {@code --help} prints for a command: a usage line, the command's description, then its
 * parameters and options (and the commands under it), each with its description, in the layout
 * picocli gave it before.
 */
final class CommandHelp {
  /** Lines stay shorter than this, as picocli's did, so an 80-column terminal never wraps them. */
  private static final int WIDTH = 80;

  /** Options in alphabetical order of the letter or name a user types, -v before -V. */
  private static final Function<Option, String> KEY =
      o -> o.getOpt() != null ? o.getOpt() : o.getLongOpt();

  private static final Comparator<Option> ORDER =
      Comparator.comparing(KEY.andThen(k -> k.toLowerCase(Locale.ROOT)))
          .thenComparing(KEY, Comparator.reverseOrder());

  private record Row(String label, String text) {}

  private CommandHelp() {}

  /** The help for {@code command}, which the command line names {@code name}. */
  static String of(String name, Command command) {
    StringBuilder help = new StringBuilder("Usage: " + name + " [OPTIONS]");
    List<Row> rows = new ArrayList<>();
    for (Command.Parameter p : command.parameters()) {
      help.append(' ').append(p.label());
      rows.add(new Row("      " + p.label(), p.description()));
    }
    if (!command.commands().isEmpty()) {
      help.append(" COMMAND");
    }
    help.append('\n');
    wrap(help, command.description(), 0, 0);
    List<Option> options = new ArrayList<>(command.options());
    options.add(CommandCall.HELP);
    options.add(CommandCall.VERSION);
    options.sort(ORDER);
    for (Option o : options) {
      rows.add(new Row(label(o), o.getDescription()));
    }
    table(help, rows, 3);
    if (!command.commands().isEmpty()) {
      help.append("Commands:\n");
      table(
          help,
          command.commands().stream().map(c -> new Row("  " + c.name(), c.description())).toList(),
          2);
    }
    return help.toString();
  }

  /** " -C, --dir=DIR", or " --drafts" for an option with no letter. */
  private static String label(Option o) {
    String label = o.getOpt() != null ? "  -" + o.getOpt() : "    ";
    if (o.hasLongOpt()) {
      label += (o.getOpt() != null ? ", " : "  ") + "--" + o.getLongOpt();
    }
    return o.hasArg() ? label + "=" + o.getArgName() : label;
  }

  /** Labels in a column, descriptions beside them, continued lines indented by two more. */
  private static void table(StringBuilder help, List<Row> rows, int gap) {
    int column = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0) + gap;
    for (Row row : rows) {
      help.append(row.label()).append(" ".repeat(column - row.label().length()));
      wrap(help, row.text(), column, column + 2);
    }
  }

  /**
   * Appends {@code text} and a line break, breaking lines between words to keep them shorter than
   * {@link #WIDTH}: the first line goes on from column {@code start}, later ones start at {@code
   * indent}.
   */
  private static void wrap(StringBuilder help, String text, int start, int indent) {
    int column = start;
    boolean first = true;
    for (String word : text.split(" ")) {
      if (!first && column + 1 + word.length() >= WIDTH) {
        help.append('\n').append(" ".repeat(indent));
        column = indent;
      } else if (!first) {
        help.append(' ');
        column++;
      }
      help.append(word);
      column += word.length();
      first = false;
    }
    help.append('\n');
  }
}
