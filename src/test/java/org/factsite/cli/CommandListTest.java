package org.factsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The command line finds each command whether or not it is named first: {@link Main} builds only
 * the named command's model, so help, version, typos and every command by name are checked here.
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
    assertTrue(typo.err().startsWith("factsite: Unmatched argument at index 0: 'biuld'"));
    // A command's name later on is not a command: it is an argument of the first.
    Run later = run("build", "serve");
    assertEquals(2, later.code());
    assertTrue(later.err().contains("'serve'"), later.err());
  }

  @Test
  void versionIsPrinted() {
    Run r = run("--version");
    assertEquals(0, r.code());
    assertEquals("factsite 0.1.0", r.out().strip());
  }
}
