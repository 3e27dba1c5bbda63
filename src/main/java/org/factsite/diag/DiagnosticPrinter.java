package org.factsite.diag;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints diagnostics for people: the {@code path:line:column: message} line, a caret excerpt, a
 * hint, and a numbered summary. Caps the list so a broken site does not flood the terminal.
 */
public final class DiagnosticPrinter {
  public static final int DEFAULT_LIMIT = 50;
  private static final int MAX_EXCERPT = 160;

  private final int limit;

  public DiagnosticPrinter(int limit) {
    this.limit = limit;
  }

  public void print(List<Diagnostic> diagnostics, PrintWriter err) {
    int shown = 0;
    for (Diagnostic d : diagnostics) {
      if (shown == limit) {
        err.println("... and " + (diagnostics.size() - limit) + " more not shown");
        break;
      }
      shown++;
      err.println(d.headline());
      excerpt(d, err);
      if (d.hint() != null) {
        err.println("  hint: " + d.hint());
      }
    }
    long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    long warnings = diagnostics.size() - errors;
    if (errors > 0) {
      err.println(
          errors
              + (errors == 1 ? " error" : " errors")
              + (warnings > 0 ? ", " + warnings + " warning" + (warnings == 1 ? "" : "s") : "")
              + ": nothing was written.");
    }
    err.flush();
  }

  private static void excerpt(Diagnostic d, PrintWriter err) {
    String line = d.sourceLine();
    if (line == null || d.pos().line() == 0) {
      return;
    }
    String number = String.valueOf(d.pos().line());
    String shownLine = line.length() > MAX_EXCERPT ? line.substring(0, MAX_EXCERPT) + "…" : line;
    String gutter = " ".repeat(number.length());
    err.println("  " + number + " | " + shownLine.replace('\t', ' '));
    int col = Math.max(1, Math.min(d.pos().column(), shownLine.length() + 1));
    err.println("  " + gutter + " | " + " ".repeat(col - 1) + "^");
  }
}
