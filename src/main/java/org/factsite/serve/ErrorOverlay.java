package org.factsite.serve;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.DiagnosticPrinter;
import org.factsite.render.markdown.MarkdownResolver;

/**
 * What an editor sees in the browser when their last save broke the build: every error, with file,
 * line, column, message and caret excerpt exactly as the terminal prints them, over the last good
 * version of the page (or alone, when the site has never built). Saving a fix reloads the tab, and
 * the overlay is gone.
 */
final class ErrorOverlay {
  private ErrorOverlay() {}

  /** The panel laid over a page; styled by {@link #CSS}, served from the preview's own path. */
  static String panel(List<Diagnostic> errors) {
    return "<section class=\"factsite-errors\" role=\"alert\" aria-labelledby=\"factsite-errors-h\">"
        + "<h2 id=\"factsite-errors-h\">The site could not be rebuilt</h2>"
        + "<p>The site has "
        + count(errors)
        + ". Fix the file named below and save it: this"
        + " page reloads by itself.</p>"
        + "<pre>"
        + MarkdownResolver.escape(printed(errors))
        + "</pre></section>";
  }

  /** A page to lay the panel over when there is no good build yet. */
  static String emptyPage() {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>Build error – site preview</title></head><body><main>"
        + "<h1>The site could not be built</h1></main></body></html>";
  }

  /** The diagnostics in the terminal's format. */
  static String printed(List<Diagnostic> errors) {
    StringWriter s = new StringWriter();
    new DiagnosticPrinter(DiagnosticPrinter.DEFAULT_LIMIT).print(errors, new PrintWriter(s));
    return s.toString();
  }

  private static String count(List<Diagnostic> errors) {
    return errors.size() == 1 ? "1 error" : errors.size() + " errors";
  }

  static final String CSS =
      """
      .factsite-errors { position: fixed; inset: 0; z-index: 2147483647; overflow: auto;
        margin: 0; padding: 1.5rem; background: rgba(255, 255, 255, 0.97); color: #0b0c0c;
        border-top: 0.5rem solid #d4351c; font: 1rem/1.5 system-ui, sans-serif; }
      .factsite-errors h2 { margin: 0 0 0.5rem; color: #d4351c; font-size: 1.5rem; }
      .factsite-errors pre { white-space: pre; overflow-x: auto; font: 0.95rem/1.4 ui-monospace, monospace;
        background: #f3f2f1; padding: 1rem; border-left: 4px solid #d4351c; }
      @media (prefers-color-scheme: dark) {
        .factsite-errors { background: rgba(20, 20, 20, 0.97); color: #f3f2f1; }
        .factsite-errors h2 { color: #ff8a7a; }
        .factsite-errors pre { background: #2b2b2b; border-left-color: #ff8a7a; }
      }
      """;
}
