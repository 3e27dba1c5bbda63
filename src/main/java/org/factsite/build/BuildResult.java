package org.factsite.build;

import java.util.List;
import java.util.SortedMap;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Severity;

/**
 * The outcome of a build: every output file by site path (empty when the build failed), every
 * diagnostic, and the time each phase took. Nothing has been written to disk yet.
 *
 * @param pages pages in the site
 * @param rendered pages rendered by this build; fewer than {@code pages} when a rebuild reused
 *     pages its edit did not affect
 */
public record BuildResult(
    SortedMap<String, byte[]> files,
    List<Diagnostic> diagnostics,
    List<PhaseTiming> timings,
    int pages,
    int rendered) {
  public BuildResult {
    diagnostics = List.copyOf(diagnostics);
    timings = List.copyOf(timings);
  }

  /** A result where every page was rendered. */
  public BuildResult(
      SortedMap<String, byte[]> files,
      List<Diagnostic> diagnostics,
      List<PhaseTiming> timings,
      int pages) {
    this(files, diagnostics, timings, pages, pages);
  }

  public boolean ok() {
    for (Diagnostic d : diagnostics) {
      if (d.severity() == Severity.ERROR) {
        return false;
      }
    }
    return true;
  }
}
