package org.factsite.diag;

import java.util.Comparator;

/**
 * One problem found in the inputs, with its place, a message an editor can act on, an optional
 * hint, and the offending source line for a caret excerpt.
 */
public record Diagnostic(
    SourcePos pos, Severity severity, String message, String hint, String sourceLine) {

  /** Orders diagnostics by file, then line, then column, so reports are deterministic. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.pos().path())
          .thenComparingInt(d -> d.pos().line())
          .thenComparingInt(d -> d.pos().column())
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    if (pos == null || severity == null || message == null) {
      throw new IllegalArgumentException("pos, severity and message are required");
    }
  }

  public static Diagnostic error(SourcePos pos, String message) {
    return new Diagnostic(pos, Severity.ERROR, message, null, null);
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(pos, severity, message, newHint, sourceLine);
  }

  public Diagnostic withSourceLine(String line) {
    return new Diagnostic(pos, severity, message, hint, line);
  }

  /** The first line of the report: {@code path:line:column: message}. */
  public String headline() {
    String prefix = severity == Severity.WARNING ? "warning: " : "";
    return pos.label() + ": " + prefix + message;
  }
}
