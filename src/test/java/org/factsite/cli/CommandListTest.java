package org.factsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The command line finds each command by name, lists them in help, and answers every mistake with
 * one line saying what was wrong and where the help is.
 */
class CommandListTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsEveryCommandInOrder() {
    Run r = run("--help");
    assertEquals(0, r.code());
    int build = r.out().indexOf("\n  build ");
    int check = r.out().indexOf("\n  check ");
    int serve = r.out().indexOf("\n  serve ");
    int made = r.out().indexOf("\n  new ");
    assertTrue(build > 0 && build < check && check < serve && serve < made, r.out());
  }

  @Test
  void eachCommandNamedFirstRuns() {
    for (String name : new String[] {"build", "check", "serve", "new"}) {
      Run r = run(name, "--help");
      assertEquals(0, r.code(), name);
      assertTrue(r.out().startsWith("Usage: factsite " + name + " "), r.out());
    }
    Run nested = run("new", "article", "--help");
    assertEquals(0, nested.code());
    assertTrue(nested.out().startsWith("Usage: factsite new article "), nested.out());
  }

  @Test
  void noCommandOrAnUnknownOneIsAUsageError() {
    Run none = run();
    assertEquals(2, none.code());
    assertTrue(none.err().startsWith("factsite: name a command: build, check, serve or new"));
    Run typo = run("biuld");
    assertEquals(2, typo.code());
    assertEquals(
        "factsite: 'biuld' is not a command; use build, check, serve or new\n"
            + "Run 'factsite --help' for usage.\n",
        typo.err().replace("\r\n", "\n"));
    // A command's name later on is not a command: it is an argument of the first.
    Run later = run("build", "serve");
    assertEquals(2, later.code());
    assertTrue(later.err().contains("'serve'"), later.err());
  }

  @Test
  void aMissingOptionValueOrParameterSaysWhichAndPointsToTheCommandsHelp() {
    Run value = run("build", "--output");
    assertEquals(2, value.code());
    assertEquals(
        "factsite: option '--output' needs a value: --output DIR\n"
            + "Run 'factsite build --help' for usage.\n",
        value.err().replace("\r\n", "\n"));
    Run title = run("new", "article");
    assertEquals(2, title.code());
    assertTrue(title.err().startsWith("factsite: missing TITLE"), title.err());
    assertTrue(title.err().contains("Run 'factsite new article --help' for usage."), title.err());
  }

  @Test
  void optionsAreTakenOnlyAsSpelledAndOnlyOnce() {
    // Commons CLI would take --verb for --verbose; a typo must not quietly mean something.
    Run shortened = run("build", "--verb");
    assertEquals(2, shortened.code());
    assertTrue(shortened.err().startsWith("factsite: unknown option '--verb'"), shortened.err());
    Run twice = run("build", "-o", "a", "--output", "b");
    assertEquals(2, twice.code());
    assertTrue(
        twice.err().startsWith("factsite: option '--output' should be given only once"),
        twice.err());
    Run flagWithValue = run("build", "--drafts=true");
    assertEquals(2, flagWithValue.code());
    assertTrue(
        flagWithValue.err().startsWith("factsite: option '--drafts' takes no value"),
        flagWithValue.err());
  }

  @Test
  void commandHelpListsEachOptionWithItsDescription() {
    Run r = run("serve", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("\n  -p, --port=N "), r.out());
    assertTrue(r.out().contains("\n      --no-drafts "), r.out());
    assertTrue(r.out().contains("\n  -C, --dir=DIR "), r.out());
    for (String line : r.out().split("\n")) {
      assertTrue(line.length() < 80, "fits an 80-column terminal: " + line);
    }
    Run chart = run("new", "chart", "--help");
    assertTrue(chart.out().startsWith("Usage: factsite new chart [OPTIONS] ID\n"), chart.out());
    assertTrue(chart.out().contains("\n      ID "), chart.out());
  }

  @Test
  void versionIsPrinted() {
    Run r = run("--version");
    assertEquals(0, r.code());
    assertEquals("factsite 0.1.0", r.out().strip());
    assertEquals("factsite 0.1.0", run("build", "--version").out().strip());
  }
}
