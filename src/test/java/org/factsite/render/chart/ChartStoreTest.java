package org.factsite.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.factsite.model.Chart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drawings kept on disk between runs: reused only when content and code are the same. */
class ChartStoreTest {
  @TempDir Path dir;

  @Test
  void aNewProcessWithTheSameCodeDrawsNothingAndGetsTheSameDrawings() {
    ChartStore store = new ChartStore(dir, "jar 1");
    ChartCache first = new ChartCache(new ChartRenderer());
    first.keepIn(store);
    ChartPictures drawn = first.pictures(TestCharts.twoColumns());
    assertEquals(1, first.renders());

    ChartCache later = new ChartCache(new ChartRenderer()); // as a later build's process
    later.keepIn(new ChartStore(dir, "jar 1"));
    assertEquals(drawn, later.pictures(TestCharts.twoColumns()));
    assertEquals(0, later.renders(), "an unchanged chart is read, not drawn");
  }

  @Test
  void changedContentOrChangedCodeIsDrawnAgain() {
    Chart chart = TestCharts.twoColumns();
    ChartCache first = new ChartCache(new ChartRenderer());
    first.keepIn(new ChartStore(dir, "jar 1"));
    first.pictures(chart);

    ChartCache newCode = new ChartCache(new ChartRenderer());
    newCode.keepIn(new ChartStore(dir, "jar 2"));
    newCode.pictures(chart);
    assertEquals(1, newCode.renders(), "another jar never reuses a drawing");

    ChartCache edited = new ChartCache(new ChartRenderer());
    edited.keepIn(new ChartStore(dir, "jar 1"));
    edited.pictures(
        TestCharts.withPoints(
            chart, chart.points().get(0), TestCharts.point("April–June 2020", "1221", "1,221")));
    assertEquals(1, edited.renders());
  }

  @Test
  void aDamagedFileCountsAsMissingAndIsRewritten() throws IOException {
    Chart chart = TestCharts.twoColumns();
    ChartStore store = new ChartStore(dir, "jar 1");
    ChartCache first = new ChartCache(new ChartRenderer());
    first.keepIn(store);
    ChartPictures drawn = first.pictures(chart);
    for (Path f : files()) {
      Files.writeString(f, "{\"wide\": {\"svg\": \"<script>\"}}");
    }
    ChartCache later = new ChartCache(new ChartRenderer());
    later.keepIn(store);
    assertEquals(drawn, later.pictures(chart));
    assertEquals(1, later.renders());
    assertEquals(drawn, store.read(ChartCache.key(chart)).orElseThrow(), "rewritten whole");
  }

  @Test
  void aReadOnlyStoreFindsDrawingsButNeitherWritesNorRemovesAny() throws IOException {
    Chart kept = TestCharts.twoColumns();
    ChartCache first = new ChartCache(new ChartRenderer());
    first.keepIn(new ChartStore(dir, "jar 1"));
    ChartPictures drawn = first.pictures(kept);
    List<Path> before = files();

    ChartCache preview = new ChartCache(new ChartRenderer());
    preview.keepIn(ChartStore.readOnly(dir, "jar 1"));
    assertEquals(drawn, preview.pictures(kept));
    assertEquals(0, preview.renders(), "found, not drawn");
    preview.pictures(TestCharts.threeBars());
    assertEquals(1, preview.renders());
    preview.retainOnDisk(List.of(TestCharts.threeBars()));
    assertEquals(before, files(), "nothing written, nothing removed");
  }

  @Test
  void retainRemovesOnlyDrawingsOfChartsTheSiteNoLongerHas() throws IOException {
    Chart kept = TestCharts.twoColumns();
    Chart gone = TestCharts.threeBars();
    ChartCache cache = new ChartCache(new ChartRenderer());
    cache.keepIn(new ChartStore(dir, "jar 1"));
    cache.pictures(kept);
    cache.pictures(gone);
    Files.writeString(dir.resolve("notes.txt"), "not ours");
    Files.writeString(dir.resolve(".write-123.tmp"), "left by a build stopped mid-write");
    assertEquals(2, files().size());

    cache.retainOnDisk(List.of(kept));
    assertEquals(1, files().size());
    ChartStore store = new ChartStore(dir, "jar 1");
    assertTrue(store.read(ChartCache.key(kept)).isPresent());
    assertFalse(store.read(ChartCache.key(gone)).isPresent());
    assertTrue(Files.exists(dir.resolve("notes.txt")), "a file the store did not write stays");
    assertFalse(Files.exists(dir.resolve(".write-123.tmp")), "a half-written file goes");
  }

  @Test
  void codeRunFromAClassesFolderKeepsNothingOnDisk() {
    // Tests run from target/classes, which can change without the store noticing.
    assertTrue(CodeIdentity.ofJarHolding(ChartStoreTest.class).isEmpty());
  }

  private List<Path> files() {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".chart.json")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
