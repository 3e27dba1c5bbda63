package org.factsite.render.chart;

import static org.factsite.render.chart.ChartFonts.AXIS_TITLE;
import static org.factsite.render.chart.ChartFonts.CATEGORY;
import static org.factsite.render.chart.ChartFonts.TICK;
import static org.factsite.render.chart.ChartFonts.VALUE;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.factsite.model.Chart;
import org.factsite.model.ChartPoint;
import org.factsite.model.ChartType;
import org.factsite.model.ValueFormat;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Draws a chart as a small, deterministic, accessible SVG.
 *
 * <p>{@link ChartType#COLUMN} charts are drawn by XChart's {@link CategoryChart} (value axis,
 * gridlines, columns), painted onto JFreeSVG's {@link SVGGraphics2D}; the category labels (wrapped
 * to fit under their column) and the value labels (each point's formatted text, qualifier included)
 * are drawn over it, because XChart can neither wrap category labels nor label a bar with anything
 * but its raw number. XChart 3.8.8 has no horizontal category chart, so {@link ChartType#BAR}
 * charts are drawn directly with Java2D onto the same {@code SVGGraphics2D}, with the same fonts,
 * colours and spacing.
 *
 * <p>Every value axis includes zero and ends on a round number that leaves room for the value
 * labels. No title, subtitle or legend is drawn: the HTML figure around the image says those. All
 * text is filled glyph outlines from the bundled DejaVu Sans, so the picture is the same on every
 * machine and in every browser; geometry is rounded to 0.1 px and SVG ids are prefixed with the
 * chart id, so the same chart gives the same bytes on every run.
 *
 * <p>Thread-safe and meant to be built once: every call to {@link #render} uses its own chart and
 * graphics objects; the shared fonts are immutable.
 */
public final class ChartRenderer {
  /** Changes whenever the same chart would be drawn differently; part of the cache key. */
  public static final String VERSION = "2";

  /** Width of every chart, in CSS pixels. */
  public static final int WIDTH = 640;

  /** Height of column charts; bar charts grow with their number of bars. */
  public static final int COLUMN_HEIGHT = 360;

  static final int PAD = 8;
  static final int GAP = 6;
  private static final int TARGET_TICKS = 5;

  /** Least distance between value-axis gridlines, in pixels: about five on a column chart. */
  private static final int TICK_SPACING = 56;

  private static final double BAR_THICKNESS = 24;

  /**
   * Share of XChart's plot used by the data. Below 1, so that its ticks at the axis ends (0 and the
   * top) are not dropped as lying outside the plot.
   */
  private static final double PLOT_CONTENT = 0.98;

  static final BasicStroke HAIRLINE = new BasicStroke(1f);

  /**
   * Cheap to make: nothing is loaded until the first chart is drawn (see {@link ChartFonts}), so a
   * build without charts never starts Java's font system.
   */
  public ChartRenderer() {}

  /**
   * Draws {@code chart} twice: the wide picture for screens and the narrow one for phones, where
   * the wide one would shrink its text below a readable size.
   */
  public ChartPictures renderBoth(Chart chart) {
    return new ChartPictures(render(chart), renderNarrow(chart));
  }

  /** Draws the phone-width variant of {@code chart}; see {@link NarrowChartRenderer}. */
  public RenderedChart renderNarrow(Chart chart) {
    Objects.requireNonNull(chart, "chart");
    if (chart.points().isEmpty()) {
      throw new IllegalArgumentException("chart " + chart.id() + " has no bars");
    }
    return new NarrowChartRenderer().render(chart);
  }

  /** Draws {@code chart}. It must have at least one point. */
  public RenderedChart render(Chart chart) {
    Objects.requireNonNull(chart, "chart");
    if (chart.points().isEmpty()) {
      throw new IllegalArgumentException("chart " + chart.id() + " has no bars");
    }
    return chart.spec().type() == ChartType.BAR ? renderBar(chart) : renderColumn(chart);
  }

  // ---------------------------------------------------------------- column (XChart)

  /** Where the parts of a column chart go; computed before anything is drawn. */
  record ColumnLayout(
      List<String> axisTitle,
      List<List<String>> categories,
      int xchartTop,
      int xchartHeight,
      double categoryTop,
      Scale scale) {}

  ColumnLayout columnLayout(Chart chart) {
    List<ChartPoint> points = chart.points();
    List<String> axisTitle = axisTitle(chart);
    int top = PAD + (int) Math.ceil(axisTitle.size() * Text.lineHeight(AXIS_TITLE));
    if (!axisTitle.isEmpty()) {
      top += 2 * GAP; // the top tick label sits half above the plot
    }
    // The y-axis tick labels take the left edge; estimate their width from the largest value.
    double tickLabelWidth =
        Math.max(
            Text.width(tickText(chart.format(), 1.5 * max(points)), TICK),
            Text.width(tickText(chart.format(), 1.5 * min(points)), TICK));
    double plotWidth = WIDTH - 2 * PAD - tickLabelWidth - 10;
    double slot = plotWidth / points.size();
    List<List<String>> categories = new ArrayList<>();
    int maxLines = 1;
    for (ChartPoint p : points) {
      List<String> lines = Text.wrapBalanced(label(p), CATEGORY, slot - 12);
      categories.add(lines);
      maxLines = Math.max(maxLines, lines.size());
    }
    int categoryBand = (int) Math.ceil(GAP + maxLines * Text.lineHeight(CATEGORY)) + PAD;
    // XChart paints its own PAD of padding inside its region on every side.
    int xchartTop = top - PAD;
    int xchartHeight = COLUMN_HEIGHT - xchartTop - categoryBand + PAD;
    double plotHeight = xchartHeight - 2 * PAD - 4;
    Scale scale =
        Scale.of(
            min(points),
            max(points),
            plotHeight,
            Text.lineHeight(VALUE) + GAP,
            TARGET_TICKS,
            integral(chart));
    return new ColumnLayout(
        axisTitle, categories, xchartTop, xchartHeight, COLUMN_HEIGHT - categoryBand, scale);
  }

  /** The XChart object for a column chart, styled; package-private so tests can inspect it. */
  CategoryChart xchart(Chart chart) {
    return xchart(chart, columnLayout(chart));
  }

  private CategoryChart xchart(Chart chart, ColumnLayout layout) {
    CategoryChart xc =
        new CategoryChartBuilder().width(WIDTH).height(layout.xchartHeight()).build();
    CategoryStyler s = xc.getStyler();
    s.setLocale(Locale.UK);
    s.setBaseFont(TICK);
    s.setChartTitleFont(TICK);
    s.setLegendFont(TICK);
    s.setAxisTitleFont(TICK);
    s.setAnnotationTextFont(TICK);
    s.setAnnotationTextPanelFont(TICK);
    s.setLabelsFont(VALUE);
    s.setToolTipFont(TICK);
    s.setChartButtonFont(TICK);
    s.setAxisTickLabelsFont(TICK);
    s.setChartFontColor(Palette.TEXT);
    s.setAxisTickLabelsColor(Palette.SECONDARY_TEXT);
    s.setChartTitleVisible(false);
    s.setLegendVisible(false);
    s.setToolTipsEnabled(false);
    s.setChartBackgroundColor(Palette.BACKGROUND);
    s.setPlotBackgroundColor(Palette.BACKGROUND);
    s.setPlotBorderVisible(false);
    s.setChartPadding(PAD);
    s.setPlotContentSize(PLOT_CONTENT);
    s.setAxisTitlesVisible(false);
    s.setXAxisTicksVisible(false);
    s.setAxisTicksMarksVisible(false);
    s.setAxisTicksLineVisible(false);
    s.setPlotTicksMarksVisible(false);
    s.setPlotGridVerticalLinesVisible(false);
    s.setPlotGridHorizontalLinesVisible(true);
    s.setPlotGridLinesColor(Palette.GRID);
    s.setPlotGridLinesStroke(HAIRLINE);
    s.setSeriesColors(Palette.SERIES.toArray(new java.awt.Color[0]));
    s.setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Bar);
    s.setAvailableSpaceFill(0.6);
    s.setLabelsVisible(false);
    s.setYAxisTickMarkSpacingHint(TICK_SPACING);
    s.setYAxisMin(layout.scale().min().doubleValue());
    s.setYAxisMax(layout.scale().max().doubleValue());
    s.setyAxisTickLabelsFormattingFunction(tickFormatter(chart.format()));
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (ChartPoint p : chart.points()) {
      labels.add(label(p));
      values.add(p.value().doubleValue());
    }
    xc.addSeries("values", labels, values);
    return xc;
  }

  private RenderedChart renderColumn(Chart chart) {
    ColumnLayout layout = columnLayout(chart);
    CategoryChart xc = xchart(chart, layout);
    SVGGraphics2D g = graphics(chart, WIDTH, COLUMN_HEIGHT);
    g.setColor(Palette.BACKGROUND);
    g.fill(new Rectangle2D.Double(0, 0, WIDTH, COLUMN_HEIGHT));
    drawAxisTitle(g, layout.axisTitle());

    AffineTransform base = g.getTransform();
    g.translate(0, layout.xchartTop());
    xc.paint(g, WIDTH, layout.xchartHeight());
    g.setClip(null);
    // XChart's axes now know their screen positions (relative to the translated origin).
    List<ChartPoint> points = chart.points();
    int n = points.size();
    double inner = xc.getScreenXFromChart(n) - xc.getScreenXFromChart(0);
    double margin = inner / PLOT_CONTENT * (1 - PLOT_CONTENT) / 2;
    double left = xc.getScreenXFromChart(0) - margin;
    double right = xc.getScreenXFromChart(n) + margin;
    double zeroY = xc.getScreenYFromChart(0);
    g.setTransform(base);
    double dy = layout.xchartTop();

    g.setStroke(HAIRLINE);
    g.setColor(Palette.SECONDARY_TEXT);
    g.draw(new Line2D.Double(left, zeroY + dy, right, zeroY + dy));

    double valueAscent = Text.ascent(VALUE);
    double categoryAscent = Text.ascent(CATEGORY);
    g.setColor(Palette.TEXT);
    for (int i = 0; i < n; i++) {
      ChartPoint p = points.get(i);
      double cx = xc.getScreenXFromChart(i + 0.5);
      double endY = xc.getScreenYFromChart(p.value().doubleValue()) + dy;
      double baseline = p.value().signum() >= 0 ? endY - GAP : endY + GAP + valueAscent;
      Text.draw(g, p.formatted(), VALUE, cx, baseline, Text.Align.CENTER);
      Text.drawLines(
          g,
          layout.categories().get(i),
          CATEGORY,
          cx,
          layout.categoryTop() + GAP + categoryAscent,
          Text.Align.CENTER);
    }
    return finish(chart, g, WIDTH, COLUMN_HEIGHT);
  }

  // ---------------------------------------------------------------- bar (Java2D)

  /** Where the parts of a bar chart go; computed before anything is drawn. */
  record BarLayout(
      List<String> axisTitle,
      List<List<String>> categories,
      double labelRight,
      double plotLeft,
      double plotRight,
      double plotTop,
      double slot,
      int height,
      Scale scale) {
    double x(double value) {
      return plotLeft + scale.fraction(value) * (plotRight - plotLeft);
    }

    double plotBottom() {
      return plotTop + slot * categories.size();
    }
  }

  BarLayout barLayout(Chart chart) {
    List<ChartPoint> points = chart.points();
    List<String> axisTitle = axisTitle(chart);
    double top = PAD + Math.ceil(axisTitle.size() * Text.lineHeight(AXIS_TITLE));
    if (!axisTitle.isEmpty()) {
      top += GAP;
    }
    double widest = 0;
    for (ChartPoint p : points) {
      widest = Math.max(widest, Text.width(label(p), CATEGORY));
    }
    double wrapWidth = Math.min(Math.ceil(widest), Math.round(WIDTH * 0.38));
    List<List<String>> categories = new ArrayList<>();
    int maxLines = 1;
    double labelWidth = 0;
    for (ChartPoint p : points) {
      List<String> lines = Text.wrapBalanced(label(p), CATEGORY, wrapWidth);
      categories.add(lines);
      maxLines = Math.max(maxLines, lines.size());
      labelWidth = Math.max(labelWidth, Math.ceil(Text.maxWidth(lines, CATEGORY)));
    }
    double labelRight = PAD + labelWidth;
    double plotLeft = labelRight + 12;
    double lastTickHalf =
        Text.width(tickText(chart.format(), 1.5 * Math.max(max(points), 1)), TICK) / 2;
    double plotRight = WIDTH - PAD - Math.ceil(lastTickHalf);
    double slot = Math.max(40, Math.ceil(maxLines * Text.lineHeight(CATEGORY) + 14));
    double valueReserve = 0;
    for (ChartPoint p : points) {
      valueReserve = Math.max(valueReserve, Text.width(p.formatted(), VALUE));
    }
    Scale scale =
        Scale.of(
            min(points),
            max(points),
            plotRight - plotLeft,
            valueReserve + GAP + 2,
            TARGET_TICKS,
            integral(chart));
    double plotBottom = top + slot * points.size();
    int height = (int) Math.ceil(plotBottom + GAP + Text.lineHeight(TICK) + PAD);
    return new BarLayout(
        axisTitle, categories, labelRight, plotLeft, plotRight, top, slot, height, scale);
  }

  private RenderedChart renderBar(Chart chart) {
    BarLayout layout = barLayout(chart);
    int height = layout.height();
    SVGGraphics2D g = graphics(chart, WIDTH, height);
    g.setColor(Palette.BACKGROUND);
    g.fill(new Rectangle2D.Double(0, 0, WIDTH, height));
    drawAxisTitle(g, layout.axisTitle());

    Scale scale = layout.scale();
    double plotTop = layout.plotTop();
    double plotBottom = layout.plotBottom();
    Function<Double, String> tickText = tickFormatter(chart.format());
    double tickBaseline = plotBottom + GAP + Text.ascent(TICK);
    g.setStroke(HAIRLINE);
    for (BigDecimal tick : scale.ticks()) {
      double x = layout.x(tick.doubleValue());
      if (tick.signum() != 0) {
        g.setColor(Palette.GRID);
        g.draw(new Line2D.Double(x, plotTop, x, plotBottom));
      }
      g.setColor(Palette.SECONDARY_TEXT);
      Text.draw(g, tickText.apply(tick.doubleValue()), TICK, x, tickBaseline, Text.Align.CENTER);
    }

    List<ChartPoint> points = chart.points();
    double zeroX = layout.x(0);
    double valueAscent = Text.ascent(VALUE);
    double categoryAscent = Text.ascent(CATEGORY);
    double categoryLine = Text.lineHeight(CATEGORY);
    for (int i = 0; i < points.size(); i++) {
      ChartPoint p = points.get(i);
      double centre = plotTop + layout.slot() * (i + 0.5);
      double endX = layout.x(p.value().doubleValue());
      g.setColor(Palette.DARK_BLUE);
      g.fill(
          new Rectangle2D.Double(
              Math.min(zeroX, endX),
              centre - BAR_THICKNESS / 2,
              Math.abs(endX - zeroX),
              BAR_THICKNESS));
      g.setColor(Palette.TEXT);
      double valueBaseline = centre + valueAscent / 2 - 1;
      if (p.value().signum() >= 0) {
        Text.draw(g, p.formatted(), VALUE, endX + GAP, valueBaseline, Text.Align.LEFT);
      } else {
        Text.draw(g, p.formatted(), VALUE, endX - GAP, valueBaseline, Text.Align.RIGHT);
      }
      List<String> lines = layout.categories().get(i);
      double blockHeight = (lines.size() - 1) * categoryLine + categoryAscent;
      double firstBaseline = centre - blockHeight / 2 + categoryAscent - 1;
      Text.drawLines(g, lines, CATEGORY, layout.labelRight(), firstBaseline, Text.Align.RIGHT);
    }
    g.setColor(Palette.SECONDARY_TEXT);
    g.draw(new Line2D.Double(zeroX, plotTop, zeroX, plotBottom));
    return finish(chart, g, WIDTH, height);
  }

  // ---------------------------------------------------------------- shared

  static SVGGraphics2D graphics(Chart chart, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(chart.id() + (width == WIDTH ? "-" : "-narrow-"));
    g.setGeomDoubleConverter(Svg::tenth);
    g.setTransformDoubleConverter(Svg::thousandth);
    // Any drawString (ours never, XChart's normally not) becomes outlines, never <text>.
    g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    g.setFont(TICK);
    return g;
  }

  static RenderedChart finish(Chart chart, SVGGraphics2D g, int width, int height) {
    String svg = g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
    g.dispose();
    String desc = chart.description();
    if (desc == null || desc.isBlank()) {
      desc =
          ChartDescriber.describe(
              chart.spec(), chart.points(), chart.unit(), chart.period(), chart.geography());
    }
    String accessible = Svg.accessible(svg, "chart-" + chart.id(), chart.spec().headline(), desc);
    return new RenderedChart(accessible, width, height);
  }

  private static void drawAxisTitle(Graphics2D g, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    g.setColor(Palette.TEXT);
    Text.drawLines(g, lines, AXIS_TITLE, PAD, PAD + Text.ascent(AXIS_TITLE), Text.Align.LEFT);
  }

  private static List<String> axisTitle(Chart chart) {
    return axisTitle(chart, WIDTH);
  }

  static List<String> axisTitle(Chart chart, int width) {
    String title = chart.spec().valueAxis();
    if (title == null || title.isBlank()) {
      return List.of();
    }
    return Text.wrap(title, AXIS_TITLE, width - 2 * PAD);
  }

  static String label(ChartPoint p) {
    return p.label() == null ? "" : p.label();
  }

  static double max(List<ChartPoint> points) {
    double max = Double.NEGATIVE_INFINITY;
    for (ChartPoint p : points) {
      max = Math.max(max, p.value().doubleValue());
    }
    return max;
  }

  static double min(List<ChartPoint> points) {
    double min = Double.POSITIVE_INFINITY;
    for (ChartPoint p : points) {
      min = Math.min(min, p.value().doubleValue());
    }
    return min;
  }

  static boolean integral(Chart chart) {
    if (chart.format() != ValueFormat.COUNT) {
      return false;
    }
    for (ChartPoint p : chart.points()) {
      if (p.value().stripTrailingZeros().scale() > 0) {
        return false; // e.g. an average of counts, 1,077.1
      }
    }
    return true;
  }

  /** Tick labels: grouped digits, at most four decimals, {@code %} for percentages. */
  static Function<Double, String> tickFormatter(ValueFormat format) {
    DecimalFormat decimal =
        new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.UK));
    String suffix = format == ValueFormat.PERCENT ? "%" : "";
    // DecimalFormat is not thread-safe; each chart gets its own.
    return v -> {
      synchronized (decimal) {
        String s = decimal.format(v);
        return ("-0".equals(s) ? "0" : s) + suffix;
      }
    };
  }

  static String tickText(ValueFormat format, double v) {
    return tickFormatter(format).apply(v);
  }
}
