package org.factsite.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.factsite.model.Chart;
import org.junit.jupiter.api.Test;

class ChartCacheTest {
  @Test
  void unchangedChartIsDrawnOnce() {
    ChartCache cache = new ChartCache(new ChartRenderer());
    RenderedChart first = cache.render(TestCharts.twoColumns());
    RenderedChart again = cache.render(TestCharts.twoColumns()); // equal content, new objects
    assertSame(first, again);
    assertEquals(1, cache.renders());
  }

  @Test
  void changedContentIsRedrawnAndReplacesTheOldDrawing() {
    ChartCache cache = new ChartCache(new ChartRenderer());
    Chart chart = TestCharts.twoColumns();
    RenderedChart first = cache.render(chart);
    Chart changed =
        TestCharts.withPoints(
            chart, chart.points().get(0), TestCharts.point("April–June 2020", "1221", "1,221"));
    RenderedChart second = cache.render(changed);
    assertNotSame(first, second);
    assertNotEquals(first.svg(), second.svg());
    assertEquals(2, cache.renders());
    assertEquals(1, cache.size(), "one entry per chart id");
    cache.render(TestCharts.threeBars());
    assertEquals(2, cache.size());
  }

  @Test
  void keyCoversEverythingTheDrawingDependsOn() {
    Chart chart = TestCharts.twoColumns();
    String key = ChartCache.key(chart);
    assertEquals(64, key.length());
    assertEquals(key, ChartCache.key(TestCharts.twoColumns()));
    assertNotEquals(
        key, ChartCache.key(TestCharts.with(chart, chart.spec().type(), "New", chart.points())));
    assertNotEquals(
        key,
        ChartCache.key(
            TestCharts.with(
                chart, org.factsite.model.ChartType.BAR, chart.spec().headline(), chart.points())));
  }

  @Test
  void concurrentRequestsForOneChartDrawItOnce() throws Exception {
    ChartCache cache = new ChartCache(new ChartRenderer());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<RenderedChart>> futures = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        futures.add(pool.submit(() -> cache.render(TestCharts.threeBars())));
      }
      RenderedChart first = futures.get(0).get();
      for (Future<RenderedChart> f : futures) {
        assertSame(first, f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, cache.renders());
  }
}
