package org.factsite.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.factsite.build.BuildOptions;
import org.factsite.build.BuildResult;
import org.factsite.build.PhaseTiming;
import org.factsite.build.SiteBuilder;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.Severity;
import org.factsite.load.Inputs;
import org.factsite.load.SourceTree;

/**
 * The site as the preview shows it: the source files held in memory and kept in step with the
 * folder one changed path at a time, and the outcome of the latest build. One {@link SiteBuilder}
 * is kept for the whole session, so each rebuild redoes only what the change affects. Nothing is
 * ever written to disk.
 */
public final class PreviewSite {
  /**
   * What the server shows: the files of the last good build, the errors of the latest build (empty
   * when it succeeded) and a version that grows with every build.
   */
  public record State(
      SortedMap<String, byte[]> files, List<Diagnostic> errors, long version, boolean built) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /** How one build went: pages rendered, time taken, every diagnostic. */
  public record Rebuild(
      boolean ok,
      int rendered,
      int pages,
      long millis,
      List<Diagnostic> diagnostics,
      List<PhaseTiming> timings) {}

  private final Path root;

  /** The options of every build but the first: nothing is read from or written to a store. */
  private final BuildOptions options;

  /** The first build's, which may read what the site's builds kept; null once it has run. */
  private BuildOptions first;

  private final SiteBuilder builder = new SiteBuilder().holdingBodies();
  private final TreeMap<String, byte[]> sources = new TreeMap<>();
  private final TreeMap<String, List<Diagnostic>> readProblems = new TreeMap<>();
  private volatile State state = new State(new TreeMap<>(), List.of(), 0, false);

  /**
   * A preview of the folder {@code root}. The first build may read what the site's builds kept
   * ({@code options.kept()}: only read, see {@link org.factsite.build.KeptStores#readOnlyIn}), so
   * opening a large site does not parse every article again; every later build keeps what it needs
   * in memory.
   */
  public PreviewSite(Path root, BuildOptions options) {
    this.root = root;
    this.first = options;
    this.options = new BuildOptions(options.includeDrafts(), options.baseUrl());
  }

  public Path root() {
    return root;
  }

  public State state() {
    return state;
  }

  /** Reads the whole folder again and builds (at start, and when the watcher lost track). */
  public synchronized Rebuild rebuildAll() {
    long t0 = System.nanoTime();
    sources.clear();
    readProblems.clear();
    Diagnostics d = new Diagnostics();
    try {
      sources.putAll(SourceTree.read(root, d).all());
    } catch (IOException e) {
      d.error(
          org.factsite.diag.SourcePos.of("."), "could not read the site folder: " + e.getMessage());
    }
    remember(d);
    return build(t0);
  }

  /** Re-reads the given site-relative paths (files or folders, present or gone) and rebuilds. */
  public synchronized Rebuild rebuild(Collection<String> changed) {
    long t0 = System.nanoTime();
    Diagnostics d = new Diagnostics();
    for (String rel : changed) {
      forget(sources, rel);
      forget(readProblems, rel);
      try {
        SourceTree.readPath(root, rel, sources, d);
      } catch (IOException e) {
        // Editors often delete and recreate a file while saving; the next event re-reads it.
        d.warning(org.factsite.diag.SourcePos.of(rel), "could not read: " + e.getMessage());
      }
    }
    remember(d);
    return build(t0);
  }

  /**
   * Runs {@code rounds} builds of the unchanged sources and forgets their results. They find every
   * page in the cache, so they are quick, and they let the JIT compile the code every rebuild runs
   * (cache look-ups, the whole-site link check) before the editor's first save.
   */
  public synchronized void warmUp(int rounds) {
    Inputs inputs = new Inputs(sources);
    for (int i = 0; i < rounds; i++) {
      builder.build(inputs, options);
    }
  }

  private Rebuild build(long t0) {
    BuildOptions these = first != null ? first : options;
    first = null;
    BuildResult r = builder.build(new Inputs(sources), these);
    List<Diagnostic> all = new ArrayList<>();
    readProblems.values().forEach(all::addAll);
    all.addAll(r.diagnostics());
    List<Diagnostic> errors = all.stream().filter(x -> x.severity() == Severity.ERROR).toList();
    State before = state;
    state =
        errors.isEmpty()
            ? new State(r.files(), List.of(), before.version() + 1, true)
            : new State(before.files(), errors, before.version() + 1, before.built());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new Rebuild(
        errors.isEmpty(), errors.isEmpty() ? r.rendered() : 0, r.pages(), ms, all, r.timings());
  }

  private void remember(Diagnostics d) {
    for (Diagnostic x : d.all()) {
      readProblems.computeIfAbsent(x.pos().path(), k -> new ArrayList<>()).add(x);
    }
  }

  /** Drops {@code rel} and, when it was a folder, everything under it. */
  private static void forget(TreeMap<String, ?> map, String rel) {
    map.remove(rel);
    map.subMap(rel + "/", rel + "/" + Character.MAX_VALUE).clear();
  }
}
