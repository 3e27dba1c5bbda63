package org.factsite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.factsite.model.Ids;

/**
 * {@code factsite new}: scaffolds an article or a chart, so editors start from a file that shows
 * every key with a word on what it does. Never overwrites a file.
 */
final class NewCommand implements Command {
  @Override
  public String name() {
    return "new";
  }

  @Override
  public String description() {
    return "Create a new article or chart from a template.";
  }

  @Override
  public List<Command> commands() {
    return List.of(new Article(), new Chart());
  }

  @Override
  public int run(CommandLine line, PrintWriter out, PrintWriter err) {
    throw new UsageException("say what to create: 'new article \"Title\"' or 'new chart ID'");
  }

  /** {@code new article "Title"}: content/SLUG.md, a draft with today's date. */
  static final class Article implements Command {
    private static final Option SLUG =
        Option.builder()
            .longOpt("slug")
            .hasArg()
            .argName("SLUG")
            .desc("The page address. Default: made from the title.")
            .get();

    @Override
    public String name() {
      return "article";
    }

    @Override
    public String description() {
      return "Create content/SLUG.md with front matter. It starts as a draft: serve shows"
          + " it, build leaves it out until you remove 'draft: true'.";
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(new Parameter("TITLE", "The article's title, in quotes."));
    }

    @Override
    public List<Option> options() {
      return List.of(SLUG, SiteDir.OPTION);
    }

    @Override
    public int run(CommandLine line, PrintWriter out, PrintWriter err) {
      String title = line.getArgList().get(0);
      String slug = line.getOptionValue(SLUG);
      String s = slug != null ? slug : slugOf(title);
      if (title.isBlank()) {
        return usage(err, "the title is empty; write it in quotes: new article \"My title\"");
      }
      if (!Ids.isSlug(s)) {
        return usage(
            err, "the slug '" + s + "' may only use lowercase letters, digits and" + " hyphens");
      }
      String text =
          "---\n"
              + "title: "
              + quoted(title.strip())
              + "\n"
              + "summary: "
              + quoted("One or two sentences shown in lists and link previews.")
              + "\n"
              + "slug: "
              + s
              + "\n"
              + "date: "
              + LocalDate.now()
              + "\n"
              + "# Remove the next line when the article is ready to publish.\n"
              + "draft: true\n"
              + "---\n\n"
              + "Write the article here, in Markdown. The authoring guide (docs/authoring.md) shows\n"
              + "how to add figures and charts from data/.\n";
      return create(
          out,
          err,
          SiteDir.of(line),
          "content/" + s + ".md",
          text,
          "Created content/"
              + s
              + ".md (a draft: serve shows it, build leaves it out until you"
              + " remove 'draft: true')");
    }
  }

  /** {@code new chart ID}: data/charts/ID.yaml with every key explained. */
  static final class Chart implements Command {
    @Override
    public String name() {
      return "chart";
    }

    @Override
    public String description() {
      return "Create data/charts/ID.yaml, a chart specification with every key explained.";
    }

    @Override
    public List<Parameter> parameters() {
      return List.of(
          new Parameter(
              "ID",
              "The chart id: lowercase letters, digits, _ and -. Articles show it with"
                  + " {{chart ID}}."));
    }

    @Override
    public List<Option> options() {
      return List.of(SiteDir.OPTION);
    }

    @Override
    public int run(CommandLine line, PrintWriter out, PrintWriter err) {
      String id = line.getArgList().get(0);
      if (!Ids.isId(id)) {
        return usage(
            err,
            "the chart id '"
                + id
                + "' may only use lowercase letters, digits, _"
                + " and -; try '"
                + slugOf(id)
                + "'");
      }
      String text =
          """
          # Chart "%s": show it in an article with {{chart %s}} on a line of its own.
          # Every bar is a statistic from data/*.yaml; the build checks each id.

          # The finding, in a sentence: what should a reader take away?
          headline: Replace with the finding this chart shows

          # What is measured, where and when.
          subtitle: Replace with the measure, the place and the period

          # bar (horizontal bars, good for long labels) or column (vertical).
          type: bar

          # The name of the values, shown as the table's column heading and the axis title.
          value_axis: Replace with what the numbers count, e.g. "Offences recorded"

          # One entry per bar, in order. label: the bar's name; stat: a statistic id.
          # Bars start at zero, and all bars of one chart must share a unit.
          bars:
            - label: First bar
              stat: replace_with_a_statistic_id
            - label: Second bar
              stat: replace_with_another_statistic_id

          # Optional: a note shown under the chart, e.g. why bars must not be added together.
          # notes: Replace or delete.

          # Optional: a text description for readers who cannot see the chart. When left out,
          # one is drafted from the data.
          # description: Replace or delete.
          """
              .formatted(id, id);
      return create(
          out,
          err,
          SiteDir.of(line),
          "data/charts/" + id + ".yaml",
          text,
          "Created data/charts/"
              + id
              + ".yaml: fill in the headline and the bars' statistic"
              + " ids, then put {{chart "
              + id
              + "}} in an article");
    }
  }

  private static int create(
      PrintWriter out, PrintWriter err, Path dir, String rel, String text, String done) {
    if (!Files.isDirectory(dir)) {
      return usage(err, dir + " is not a folder");
    }
    Path target = dir.resolve(rel);
    try {
      Files.createDirectories(target.getParent());
      // CREATE_NEW: never overwrite, even if the file appears between a check and the write.
      Files.writeString(
          target,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      return usage(
          err,
          rel
              + " already exists; it was left as it was. Choose another "
              + (rel.startsWith("content/") ? "title or pass --slug" : "id"));
    } catch (IOException e) {
      err.println("factsite: could not create " + rel + ": " + e.getMessage());
      err.flush();
      return ExitCode.BUILD_ERROR.code;
    }
    out.println(done);
    out.flush();
    return ExitCode.OK.code;
  }

  /** A problem with what the user asked for, told in one line (no pointer to the help). */
  private static int usage(PrintWriter err, String message) {
    err.println("factsite: " + message);
    err.flush();
    return ExitCode.USAGE.code;
  }

  /** "What the figures show – 2020" becomes "what-the-figures-show-2020". */
  static String slugOf(String title) {
    String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String s =
        ascii
            .toLowerCase(Locale.ROOT)
            .replace("'", "")
            .replace("’", "")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    return s.isEmpty() ? "article" : s;
  }

  /** A YAML double-quoted string, so titles with colons or quotes stay one value. */
  static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
