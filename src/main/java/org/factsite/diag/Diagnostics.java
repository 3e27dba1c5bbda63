package org.factsite.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects diagnostics from every stage of a build. Thread-safe, so parallel stages can report into
 * one collector. Source lines for caret excerpts are attached when the source text is known.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public synchronized void add(Diagnostic d) {
    items.add(d);
  }

  public void error(SourcePos pos, String message) {
    add(Diagnostic.error(pos, message));
  }

  public void error(SourcePos pos, String message, String hint) {
    add(Diagnostic.error(pos, message).withHint(hint));
  }

  /** Reports an error whose excerpt line is taken from {@code text} at the position's line. */
  public void error(SourcePos pos, String message, String hint, String text) {
    add(Diagnostic.error(pos, message).withHint(hint).withSourceLine(lineOf(text, pos.line())));
  }

  public void warning(SourcePos pos, String message) {
    add(new Diagnostic(pos, Severity.WARNING, message, null, null));
  }

  public synchronized void addAll(Diagnostics other) {
    items.addAll(other.all());
  }

  public synchronized boolean hasErrors() {
    return errorCount() > 0;
  }

  public synchronized int errorCount() {
    int errors = 0;
    for (Diagnostic d : items) {
      errors += d.severity() == Severity.ERROR ? 1 : 0;
    }
    return errors;
  }

  /**
   * All diagnostics, sorted by place, without duplicates. Asked of every article's collector, most
   * of them empty.
   */
  public synchronized List<Diagnostic> all() {
    if (items.isEmpty()) {
      return List.of();
    }
    return items.stream().distinct().sorted(Diagnostic.ORDER).toList();
  }

  /** The 1-based line {@code line} of {@code text}, or null when out of range. */
  public static String lineOf(String text, int line) {
    if (text == null || line < 1) {
      return null;
    }
    int start = 0;
    for (int i = 1; i < line; i++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        return null;
      }
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    String l = end < 0 ? text.substring(start) : text.substring(start, end);
    return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
  }
}
