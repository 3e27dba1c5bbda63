package org.factsite.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.factsite.model.Chart;
import org.factsite.model.ChartPoint;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The phone drawing of a chart: as accessible as the wide one, and readable at 320 px. */
class NarrowChartRendererTest {
  private static final ChartRenderer RENDERER = new ChartRenderer();
  private static final String BAR_FILL = "fill:rgb(18,67,109)";

  /**
   * The width a chart gets inside its figure on a 320 px phone: the page's 1rem side padding and
   * the figure's 0.75rem padding and 1px border (templates/static/style.css) on each side.
   */
  private static final int PHONE_FIGURE_WIDTH = 320 - 2 * 16 - 2 * (12 + 1);

  private static final List<Chart> CHARTS =
      List.of(TestCharts.twoColumns(), TestCharts.threeBars());

  private static Document svg(RenderedChart r) {
    return Jsoup.parse(r.svg(), "", Parser.xmlParser());
  }

  @Test
  void everyChartGetsANarrowAccessibleDrawingWithItsSize() {
    for (Chart chart : CHARTS) {
      ChartPictures both = RENDERER.renderBoth(chart);
      RenderedChart narrow = both.narrow();
      assertEquals(NarrowChartRenderer.WIDTH, narrow.width());
      Element root = svg(narrow).selectFirst("svg");
      assertEquals(String.valueOf(narrow.width()), root.attr("width"), chart.id());
      assertEquals(String.valueOf(narrow.height()), root.attr("height"), chart.id());
      assertEquals("0 0 " + narrow.width() + " " + narrow.height(), root.attr("viewBox"));
      assertEquals("img", root.attr("role"));
      Element title = root.child(0);
      assertEquals("title", title.tagName());
      assertEquals(chart.spec().headline(), title.text());
      assertEquals(root.attr("aria-labelledby"), title.id());
      Element desc = root.child(1);
      assertEquals("desc", desc.tagName());
      assertEquals(chart.description(), desc.text());
      // The same words as the wide drawing: a reader who turns the phone hears no change.
      Element wide = svg(both.wide()).selectFirst("svg");
      assertEquals(wide.selectFirst("title").text(), title.text());
      assertEquals(wide.selectFirst("desc").text(), desc.text());
    }
  }

  @Test
  void onAPhoneTheDrawingIsShownAtItsNaturalSizeWithTextOfAtLeast12px() {
    // Not shrunk: it fits inside the figure on a 320 px phone...
    assertTrue(
        NarrowChartRenderer.WIDTH <= PHONE_FIGURE_WIDTH,
        NarrowChartRenderer.WIDTH + " px is wider than " + PHONE_FIGURE_WIDTH + " px");
    // ...so each font's drawn size is its size on screen.
    for (Font f : NarrowChartRenderer.FONTS) {
      assertTrue(f.getSize2D() >= 12, f + " is under 12 px");
    }
    // While the wide drawing shrunk into the same space would not be readable.
    double shrink = (double) PHONE_FIGURE_WIDTH / ChartRenderer.WIDTH;
    assertTrue(ChartFonts.TICK.getSize2D() * shrink < 12);
  }

  @Test
  void labelsWrapInsideTheDrawingAndValuesFitBesideTheirBars() {
    NarrowChartRenderer narrow = new NarrowChartRenderer();
    for (Chart chart : CHARTS) {
      NarrowChartRenderer.Layout layout = narrow.layout(chart);
      for (List<String> lines : layout.labels()) {
        assertTrue(
            Text.maxWidth(lines, ChartFonts.CATEGORY)
                <= NarrowChartRenderer.WIDTH - 2 * ChartRenderer.PAD,
            lines.toString());
      }
      assertTrue(layout.labels().get(0).size() >= 1);
      for (int i = 0; i < chart.points().size(); i++) {
        ChartPoint p = chart.points().get(i);
        assertTrue(layout.valuesBelow().get(i).isEmpty(), p.formatted() + " fits beside");
        double end =
            layout.x(p.value().doubleValue())
                + ChartRenderer.GAP
                + Text.width(p.formatted(), ChartFonts.VALUE);
        assertTrue(end <= NarrowChartRenderer.WIDTH, p.formatted() + " ends at " + end);
      }
    }
    // The long Facebook label of the real chart needs more than one line at this width.
    assertTrue(narrow.layout(TestCharts.threeBars()).labels().get(0).size() > 1);
  }

  @Test
  void columnChartsBecomeHorizontalBarsThatStartAtZero() {
    for (Chart chart : CHARTS) {
      List<Element> bars =
          svg(RENDERER.renderNarrow(chart)).select("rect").stream()
              .filter(r -> r.attr("style").contains(BAR_FILL))
              .toList();
      assertEquals(chart.points().size(), bars.size(), chart.id());
      double zero = Double.parseDouble(bars.get(0).attr("x"));
      double previousBottom = -1;
      for (int i = 0; i < bars.size(); i++) {
        Element bar = bars.get(i);
        assertEquals(zero, Double.parseDouble(bar.attr("x")), 0.05, "every bar starts at zero");
        assertEquals(22, Double.parseDouble(bar.attr("height")), 0.05, "same thickness");
        double y = Double.parseDouble(bar.attr("y"));
        assertTrue(y > previousBottom + 20, "bars stack down the page, labels between them");
        previousBottom = y + 22;
      }
      // Longer bars for bigger values: the drawing keeps the data's proportions.
      double w0 = Double.parseDouble(bars.get(0).attr("width"));
      double w1 = Double.parseDouble(bars.get(1).attr("width"));
      double v0 = chart.points().get(0).value().doubleValue();
      double v1 = chart.points().get(1).value().doubleValue();
      assertEquals(v0 / v1, w0 / w1, 0.01, chart.id());
    }
  }

  @Test
  void aLongValueGoesUnderItsBarInsteadOfSqueezingTheChart() {
    Chart chart =
        TestCharts.withPoints(
            TestCharts.twoColumns(),
            TestCharts.point("Before", "12925", "more than 12,900 offences, police forces said"),
            TestCharts.point("After", "1220", "1,220"));
    NarrowChartRenderer.Layout layout = new NarrowChartRenderer().layout(chart);
    assertFalse(layout.valuesBelow().get(0).isEmpty(), "the long value has its own line");
    assertTrue(layout.scale().ticks().size() <= 6, "a handful of ticks: " + layout.scale());
    RenderedChart r = RENDERER.renderNarrow(chart);
    assertTrue(r.svg().length() < 80_000, "small drawing: " + r.svg().length() + " chars");
    assertTrue(r.height() > RENDERER.renderNarrow(TestCharts.twoColumns()).height());
  }

  @Test
  void sameChartGivesTheSameNarrowBytesEveryTimeAndOnEveryThread() throws Exception {
    for (Chart chart : CHARTS) {
      String first = RENDERER.renderNarrow(chart).svg();
      assertEquals(first, new ChartRenderer().renderNarrow(chart).svg());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          futures.add(pool.submit(() -> RENDERER.renderNarrow(chart).svg()));
        }
        for (Future<String> f : futures) {
          assertEquals(first, f.get());
        }
      } finally {
        pool.shutdown();
      }
      assertFalse(first.contains("<text"), "text is outlines, as in the wide drawing");
    }
  }

  @Test
  void theCacheKeepsBothDrawingsAndRedrawsNeither() {
    ChartCache cache = new ChartCache(new ChartRenderer());
    ChartPictures first = cache.pictures(TestCharts.threeBars());
    ChartPictures again = cache.pictures(TestCharts.threeBars());
    assertEquals(1, cache.renders());
    assertEquals(first.narrow().svg(), again.narrow().svg());
    assertEquals(first.wide().svg(), cache.render(TestCharts.threeBars()).svg());
  }
}
