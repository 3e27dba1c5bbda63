package org.factsite.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.factsite.model.Chart;
import org.factsite.model.ChartType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartRendererTest {
  private static final ChartRenderer RENDERER = new ChartRenderer();
  private static final String BAR_FILL = "fill:rgb(18,67,109)";
  private static final String ZERO_LINE = "stroke:rgb(80,90,95)";

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder b = f.newDocumentBuilder();
    return b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element child(Element parent, String name) {
    NodeList list = parent.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
    assertEquals(1, list.getLength(), "one <" + name + ">");
    return (Element) list.item(0);
  }

  @Test
  void svgIsAnAccessibleImageWithSizeTitleAndDescription() throws Exception {
    Chart chart =
        TestCharts.with(
            TestCharts.twoColumns(),
            ChartType.COLUMN,
            "Cases <rose> & \"fell\" 'twice' \u0007",
            TestCharts.twoColumns().points());
    RenderedChart rendered = RENDERER.render(chart);
    assertEquals(640, rendered.width());
    assertEquals(360, rendered.height());

    Element svg = parse(rendered.svg()).getDocumentElement();
    assertEquals("svg", svg.getLocalName());
    assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
    assertEquals("640", svg.getAttribute("width"));
    assertEquals("360", svg.getAttribute("height"));
    assertEquals("0 0 640 360", svg.getAttribute("viewBox"));
    assertEquals("img", svg.getAttribute("role"));

    Element first = (Element) svg.getFirstChild();
    assertEquals("title", first.getLocalName(), "<title> is the first child");
    assertEquals(svg.getAttribute("aria-labelledby"), first.getAttribute("id"));
    assertEquals("Cases <rose> & \"fell\" 'twice' ", first.getTextContent());

    Element desc = (Element) first.getNextSibling();
    assertEquals("desc", desc.getLocalName(), "<desc> comes second");
    assertEquals(svg.getAttribute("aria-describedby"), desc.getAttribute("id"));
    assertEquals(chart.description(), desc.getTextContent());
    assertEquals(desc, child(svg, "desc"));
  }

  @Test
  void barChartsGrowWithTheirBarsAndCarryTheirSize() throws Exception {
    RenderedChart rendered = RENDERER.render(TestCharts.threeBars());
    Element svg = parse(rendered.svg()).getDocumentElement();
    assertEquals(String.valueOf(rendered.height()), svg.getAttribute("height"));
    assertEquals("0 0 640 " + rendered.height(), svg.getAttribute("viewBox"));
    Chart six =
        TestCharts.withPoints(
            TestCharts.threeBars(),
            TestCharts.point("A", "1", "1%"),
            TestCharts.point("B", "2", "2%"),
            TestCharts.point("C", "3", "3%"),
            TestCharts.point("D", "4", "4%"),
            TestCharts.point("E", "5", "5%"),
            TestCharts.point("F", "6", "6%"));
    assertTrue(RENDERER.render(six).height() > rendered.height());
  }

  @Test
  void missingDescriptionIsDraftedFromTheData() throws Exception {
    Chart base = TestCharts.twoColumns();
    Chart chart =
        new Chart(
            base.spec(),
            base.points(),
            base.format(),
            base.unit(),
            base.period(),
            base.geography(),
            null,
            base.sources());
    Element svg = parse(RENDERER.render(chart).svg()).getDocumentElement();
    String desc = child(svg, "desc").getTextContent();
    assertTrue(desc.contains("The chart shows offences"), desc);
    assertTrue(desc.contains("1,077.1") && desc.contains("1,220"), desc);
  }

  @Test
  void sameChartGivesTheSameBytesEveryTimeAndOnEveryThread() throws Exception {
    for (Chart chart : List.of(TestCharts.twoColumns(), TestCharts.threeBars())) {
      String first = RENDERER.render(chart).svg();
      assertEquals(first, RENDERER.render(chart).svg());
      assertEquals(first, new ChartRenderer().render(chart).svg());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          futures.add(pool.submit(() -> RENDERER.render(chart).svg()));
        }
        for (Future<String> f : futures) {
          assertEquals(first, f.get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void textIsDrawnAsOutlinesNotFontDependentText() {
    for (Chart chart : List.of(TestCharts.twoColumns(), TestCharts.threeBars())) {
      String svg = RENDERER.render(chart).svg();
      assertFalse(svg.contains("<text"), "no <text> elements");
      assertFalse(svg.contains("font-family"), "no font-family");
      assertFalse(svg.contains("font-size"), "no font-size");
      assertFalse(svg.contains("@font-face"), "no web fonts");
    }
  }

  @Test
  void bundledFontIsUsedNotASystemFont() {
    assertEquals("DejaVu Sans", ChartFonts.REGULAR.getFamily(java.util.Locale.ROOT));
    assertEquals("DejaVu Sans", ChartFonts.TICK.getFamily(java.util.Locale.ROOT));
    assertTrue(ChartFonts.BOLD.getFontName(java.util.Locale.ROOT).contains("Bold"));
    assertNotNull(ChartFonts.class.getResource("LICENSE-DejaVu.txt"), "font licence ships");
    assertTrue(ChartFonts.TICK.getSize2D() >= 12, "tick labels at least 12px");
  }

  @Test
  void geometryIsRoundedAndIdsArePrefixedWithTheChartId() {
    String svg = RENDERER.render(TestCharts.twoColumns()).svg();
    Matcher longNumber =
        Pattern.compile("\\d\\.\\d{2,}").matcher(svg.replaceAll("matrix\\([^)]*\\)", ""));
    assertFalse(longNumber.find(), () -> "unrounded number near " + longNumber.group());
    Matcher ids = Pattern.compile("id=['\"]([^'\"]+)['\"]").matcher(svg);
    int count = 0;
    while (ids.find()) {
      count++;
      assertTrue(
          ids.group(1).startsWith("offences-per-quarter-")
              || ids.group(1).startsWith("chart-offences-per-quarter-"),
          ids.group(1));
    }
    assertTrue(count >= 2);
  }

  @Test
  void headlineIsNotDrawnInsideThePicture() {
    Chart a = TestCharts.twoColumns();
    Chart b = TestCharts.with(a, ChartType.COLUMN, "A completely different headline", a.points());
    String pictureA = RENDERER.render(a).svg().replaceFirst("<title[^<]*</title>", "");
    String pictureB = RENDERER.render(b).svg().replaceFirst("<title[^<]*</title>", "");
    assertEquals(pictureA, pictureB);
  }

  @Test
  void barsAreLabelledWithTheFormattedTextNotTheRawNumber() {
    Chart plain = TestCharts.twoColumns();
    Chart qualified =
        TestCharts.withPoints(
            plain,
            plain.points().get(0),
            TestCharts.point("April–June 2020 (first lockdown)", "1220", "more than 1,220"));
    assertNotEquals(RENDERER.render(plain).svg(), RENDERER.render(qualified).svg());
    // Same bars, longer label: the extra words are drawn as extra glyph outlines.
    int plainSize = RENDERER.render(plain).svg().length();
    int qualifiedSize = RENDERER.render(qualified).svg().length();
    assertTrue(qualifiedSize > plainSize + 1000, "the qualifier's glyphs are drawn");
  }

  @Test
  void columnValueAxisStartsAtZeroAndLeavesRoomForLabels() {
    Chart chart = TestCharts.twoColumns();
    CategoryChart xc = RENDERER.xchart(chart);
    assertEquals(0.0, xc.getStyler().getYAxisMin());
    assertTrue(xc.getStyler().getYAxisMax() > 1220, "room above the tallest column");
    assertFalse(xc.getStyler().isLegendVisible());
    assertFalse(xc.getStyler().isChartTitleVisible());
    assertFalse(xc.getStyler().isPlotBorderVisible());
    assertEquals(Palette.BACKGROUND, xc.getStyler().getPlotBackgroundColor());
    assertEquals(Palette.DARK_BLUE, xc.getStyler().getSeriesColors()[0]);
  }

  @Test
  void percentColumnsAlsoStartAtZero() {
    Chart chart =
        TestCharts.withPoints(
            TestCharts.with(
                TestCharts.threeBars(), ChartType.COLUMN, "h", TestCharts.threeBars().points()),
            TestCharts.point("Before", "32", "32%"),
            TestCharts.point("During", "37", "37%"));
    assertEquals(0.0, RENDERER.xchart(chart).getStyler().getYAxisMin());
  }

  @Test
  void columnsStandOnTheZeroLineAndNeverGoBelowIt() throws Exception {
    String svg = RENDERER.render(TestCharts.twoColumns()).svg();
    Element root = parse(svg).getDocumentElement();
    double zeroY = Double.NaN;
    NodeList lines = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line");
    for (int i = 0; i < lines.getLength(); i++) {
      Element line = (Element) lines.item(i);
      if (line.getAttribute("style").contains(ZERO_LINE)) {
        zeroY = Double.parseDouble(line.getAttribute("y1"));
      }
    }
    assertFalse(Double.isNaN(zeroY), "a zero line is drawn");

    List<double[]> bars = new ArrayList<>();
    NodeList groups = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (!g.getAttribute("style").contains(BAR_FILL)) {
        continue;
      }
      double dy = translateY(g.getAttribute("transform"));
      Element path =
          (Element) g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0);
      bars.add(yRange(path.getAttribute("d"), dy));
    }
    assertEquals(2, bars.size(), "one filled shape per column");
    for (double[] bar : bars) {
      assertEquals(zeroY, bar[1], 0.25, "column bottom sits on zero");
      assertTrue(bar[0] < bar[1] - 100, "column rises above zero");
    }
    assertTrue(bars.get(1)[0] < bars.get(0)[0], "1,220 is taller than 1,077.1");
  }

  @Test
  void horizontalBarsStartAtZeroAndStayInsideTheChart() throws Exception {
    Chart chart = TestCharts.threeBars();
    ChartRenderer.BarLayout layout = RENDERER.barLayout(chart);
    assertEquals(0, layout.scale().min().signum());
    RenderedChart rendered = RENDERER.render(chart);
    Element root = parse(rendered.svg()).getDocumentElement();
    double zeroX = Double.NaN;
    NodeList lines = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line");
    for (int i = 0; i < lines.getLength(); i++) {
      Element line = (Element) lines.item(i);
      if (line.getAttribute("style").contains(ZERO_LINE)) {
        zeroX = Double.parseDouble(line.getAttribute("x1"));
      }
    }
    NodeList rects = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
    List<Double> widths = new ArrayList<>();
    for (int i = 0; i < rects.getLength(); i++) {
      Element r = (Element) rects.item(i);
      if (!r.getAttribute("style").contains(BAR_FILL)) {
        continue;
      }
      double x = Double.parseDouble(r.getAttribute("x"));
      double w = Double.parseDouble(r.getAttribute("width"));
      assertEquals(zeroX, x, 0.05, "bar starts on the zero line");
      assertTrue(x + w <= layout.plotRight(), "bar ends inside the plot");
      widths.add(w);
    }
    assertEquals(3, widths.size());
    assertTrue(widths.get(0) > widths.get(1) && widths.get(1) > widths.get(2), widths.toString());
    assertEquals(widths.get(0) / widths.get(2), 55.0 / 20.0, 0.01, "lengths proportional");
  }

  @Test
  void negativeValuesGetAnAxisThatIncludesZeroAndThem() {
    Chart chart =
        TestCharts.withPoints(
            TestCharts.threeBars(),
            TestCharts.point("Fell", "-3", "-3 percentage points"),
            TestCharts.point("Rose", "8", "8 percentage points"));
    Scale bar = RENDERER.barLayout(chart).scale();
    assertTrue(bar.min().doubleValue() < -3 && bar.max().doubleValue() > 8);
    Chart columns = TestCharts.with(chart, ChartType.COLUMN, "h", chart.points());
    CategoryChart xc = RENDERER.xchart(columns);
    assertTrue(xc.getStyler().getYAxisMin() < -3 && xc.getStyler().getYAxisMax() > 8);
    assertNotNull(RENDERER.render(columns).svg());
  }

  @Test
  void chartsStaySmall() {
    int two =
        RENDERER.render(TestCharts.twoColumns()).svg().getBytes(StandardCharsets.UTF_8).length;
    int three =
        RENDERER.render(TestCharts.threeBars()).svg().getBytes(StandardCharsets.UTF_8).length;
    assertTrue(two < 60_000, "two columns: " + two + " bytes");
    assertTrue(three < 60_000, "three bars: " + three + " bytes");
  }

  @Test
  void aChartWithoutBarsIsRefused() {
    Chart empty = TestCharts.withPoints(TestCharts.twoColumns());
    assertThrows(IllegalArgumentException.class, () -> RENDERER.render(empty));
  }

  private static double translateY(String transform) {
    if (transform.isEmpty()) {
      return 0;
    }
    Matcher m = Pattern.compile("matrix\\(([^)]*)\\)").matcher(transform);
    assertTrue(m.find(), transform);
    String[] parts = m.group(1).split(",");
    assertEquals("1", parts[0].strip());
    assertEquals("1", parts[3].strip());
    return Double.parseDouble(parts[5]);
  }

  /** Smallest and largest y of a path made of M/L/Z commands, shifted by {@code dy}. */
  private static double[] yRange(String d, double dy) {
    Matcher m = Pattern.compile("[ML](-?[\\d.]+),(-?[\\d.]+)").matcher(d);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    while (m.find()) {
      double y = Double.parseDouble(m.group(2)) + dy;
      min = Math.min(min, y);
      max = Math.max(max, y);
    }
    return new double[] {min, max};
  }
}
