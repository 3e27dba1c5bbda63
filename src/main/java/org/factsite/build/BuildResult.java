package org.factsite.build;

import java.util.List;
import java.util.SortedMap;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Severity;

/**
 * The outcome of a build: every output file by site path (empty when the build failed), every
 * diagnostic, and the time each phase took. Nothing has been written to disk yet.
 */
public record BuildResult(
    SortedMap<String, byte[]> files,
    List<Diagnostic> diagnostics,
    List<PhaseTiming> timings,
    int pages) {
  public BuildResult {
    diagnostics = List.copyOf(diagnostics);
    timings = List.copyOf(timings);
  }

  public boolean ok() {
    return diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
  }
}
