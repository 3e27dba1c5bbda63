package org.factsite.render.chart;

import static org.factsite.render.chart.ChartRenderer.GAP;
import static org.factsite.render.chart.ChartRenderer.HAIRLINE;
import static org.factsite.render.chart.ChartRenderer.PAD;

import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.factsite.model.Chart;
import org.factsite.model.ChartPoint;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws the phone-width variant of a chart: {@link #WIDTH} px wide, so that on a 320 px phone it is
 * shown at its natural size and every piece of text stays at its drawn size (at least 12 px).
 *
 * <p>Whatever the chart's type, the narrow drawing is a horizontal bar chart with each category's
 * label on its own lines <em>above</em> its bar: a phone has width for neither columns with labels
 * under them nor a label column beside the bars, but it has height. Bars start at zero, each
 * carries its formatted value at its end, and the value axis's ticks sit below the last bar.
 * Gridlines are drawn only across the bars' bands, so they never run through a label.
 *
 * <p>Fonts, colours, rounding and ids follow {@link ChartRenderer}, so the two drawings look like
 * one family and are as deterministic. Stateless and thread-safe.
 */
final class NarrowChartRenderer {
  /** Width of every narrow chart, in CSS pixels: a 320 px phone's column inside a figure. */
  static final int WIDTH = 260;

  /** Every font the narrow drawing uses; each is at least 12 px, the legible minimum. */
  static final List<Font> FONTS =
      List.of(ChartFonts.TICK, ChartFonts.CATEGORY, ChartFonts.VALUE, ChartFonts.AXIS_TITLE);

  private static final Font TICK = ChartFonts.TICK;
  private static final Font CATEGORY = ChartFonts.CATEGORY;
  private static final Font VALUE = ChartFonts.VALUE;
  private static final int TARGET_TICKS = 3;
  private static final double BAR_THICKNESS = 22;

  /** Space between a label's last line and its bar. */
  private static final double LABEL_GAP = 4;

  /** Space between one bar and the next category's label. */
  private static final double ROW_GAP = 14;

  /** Most of the plot's length kept free for value labels beside the longest bar. */
  private static final double MAX_RESERVE = 0.4;

  /** How far gridlines reach beyond a bar, above and below. */
  private static final double GRID_OVERHANG = 3;

  /** Where every part of a narrow chart goes; computed before anything is drawn. */
  record Layout(
      List<String> axisTitle,
      List<List<String>> labels,
      List<Double> labelBaselines,
      List<Double> barTops,
      List<List<String>> valuesBelow,
      double plotLeft,
      double plotRight,
      double tickBaseline,
      double axisTitleBaseline,
      int height,
      Scale scale) {
    double x(double value) {
      return plotLeft + scale.fraction(value) * (plotRight - plotLeft);
    }
  }

  Layout layout(Chart chart) {
    List<ChartPoint> points = chart.points();
    List<String> axisTitle = ChartRenderer.axisTitle(chart, WIDTH);
    double y = PAD;
    double min = ChartRenderer.min(points);
    double max = ChartRenderer.max(points);
    // Tick labels are centred on their gridline: keep room for half of the outermost ones.
    double lowTickHalf =
        min < 0
            ? Text.width(ChartRenderer.tickText(chart.format(), 1.5 * min), TICK) / 2
            : Text.width(ChartRenderer.tickText(chart.format(), 0), TICK) / 2;
    double highTickHalf =
        Text.width(ChartRenderer.tickText(chart.format(), 1.5 * Math.max(max, 1)), TICK) / 2;
    double plotLeft = PAD + Math.ceil(lowTickHalf);
    double plotRight = WIDTH - PAD - Math.ceil(highTickHalf);
    double valueReserve = 0;
    for (ChartPoint p : points) {
      valueReserve = Math.max(valueReserve, Text.width(p.formatted(), VALUE));
    }
    // A long value ("more than 1,200") would squeeze the bars to nothing; past a cap it goes on
    // its own line under its bar instead of beside it.
    double reserve = Math.min(valueReserve + GAP + 2, MAX_RESERVE * (plotRight - plotLeft));
    Scale scale =
        Scale.of(
            min, max, plotRight - plotLeft, reserve, TARGET_TICKS, ChartRenderer.integral(chart));
    double scaleLeft = plotLeft;
    double scaleRight = plotRight;
    java.util.function.DoubleUnaryOperator x =
        v -> scaleLeft + scale.fraction(v) * (scaleRight - scaleLeft);

    List<List<String>> labels = new ArrayList<>();
    List<Double> labelBaselines = new ArrayList<>();
    List<Double> barTops = new ArrayList<>();
    List<List<String>> valuesBelow = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) {
        y += ROW_GAP;
      }
      ChartPoint p = points.get(i);
      List<String> lines = Text.wrap(ChartRenderer.label(p), CATEGORY, WIDTH - 2 * PAD);
      labels.add(lines);
      labelBaselines.add(y + Text.ascent(CATEGORY));
      y += lines.size() * Text.lineHeight(CATEGORY) + LABEL_GAP;
      barTops.add(y);
      y += BAR_THICKNESS;
      double end = x.applyAsDouble(p.value().doubleValue());
      double valueWidth = Text.width(p.formatted(), VALUE);
      boolean beside =
          p.value().signum() >= 0
              ? end + GAP + valueWidth <= WIDTH - PAD
              : end - GAP - valueWidth >= PAD;
      if (beside) {
        valuesBelow.add(List.of());
      } else {
        List<String> valueLines = Text.wrap(p.formatted(), VALUE, WIDTH - 2 * PAD);
        valuesBelow.add(valueLines);
        y += GRID_OVERHANG + LABEL_GAP + valueLines.size() * Text.lineHeight(VALUE);
      }
    }
    double tickBaseline = y + GRID_OVERHANG + GAP + Text.ascent(TICK);
    y = tickBaseline + (Text.lineHeight(TICK) - Text.ascent(TICK));
    // The value axis's name goes under its ticks, where a reader looks for what they count.
    double axisTitleBaseline = y + GAP + Text.ascent(ChartFonts.AXIS_TITLE);
    if (!axisTitle.isEmpty()) {
      y += GAP + axisTitle.size() * Text.lineHeight(ChartFonts.AXIS_TITLE);
    }
    int height = (int) Math.ceil(y + PAD);
    return new Layout(
        axisTitle,
        labels,
        labelBaselines,
        barTops,
        valuesBelow,
        plotLeft,
        plotRight,
        tickBaseline,
        axisTitleBaseline,
        height,
        scale);
  }

  RenderedChart render(Chart chart) {
    Layout layout = layout(chart);
    int height = layout.height();
    SVGGraphics2D g = ChartRenderer.graphics(chart, WIDTH, height);
    g.setColor(Palette.BACKGROUND);
    g.fill(new Rectangle2D.Double(0, 0, WIDTH, height));
    g.setColor(Palette.TEXT);
    Text.drawLines(
        g,
        layout.axisTitle(),
        ChartFonts.AXIS_TITLE,
        PAD,
        layout.axisTitleBaseline(),
        Text.Align.LEFT);

    List<ChartPoint> points = chart.points();
    Function<Double, String> tickText = ChartRenderer.tickFormatter(chart.format());
    g.setStroke(HAIRLINE);
    for (BigDecimal tick : layout.scale().ticks()) {
      double x = layout.x(tick.doubleValue());
      if (tick.signum() != 0) {
        g.setColor(Palette.GRID);
        for (double top : layout.barTops()) {
          g.draw(new Line2D.Double(x, top - GRID_OVERHANG, x, top + BAR_THICKNESS + GRID_OVERHANG));
        }
      }
      g.setColor(Palette.SECONDARY_TEXT);
      Text.draw(
          g, tickText.apply(tick.doubleValue()), TICK, x, layout.tickBaseline(), Text.Align.CENTER);
    }

    double zeroX = layout.x(0);
    double valueAscent = Text.ascent(VALUE);
    for (int i = 0; i < points.size(); i++) {
      ChartPoint p = points.get(i);
      double top = layout.barTops().get(i);
      g.setColor(Palette.TEXT);
      Text.drawLines(
          g,
          layout.labels().get(i),
          CATEGORY,
          PAD,
          layout.labelBaselines().get(i),
          Text.Align.LEFT);
      double endX = layout.x(p.value().doubleValue());
      g.setColor(Palette.DARK_BLUE);
      g.fill(
          new Rectangle2D.Double(
              Math.min(zeroX, endX), top, Math.abs(endX - zeroX), BAR_THICKNESS));
      g.setColor(Palette.TEXT);
      double valueBaseline = top + BAR_THICKNESS / 2 + valueAscent / 2 - 1;
      List<String> below = layout.valuesBelow().get(i);
      if (!below.isEmpty()) {
        Text.drawLines(
            g,
            below,
            VALUE,
            PAD,
            top + BAR_THICKNESS + GRID_OVERHANG + LABEL_GAP + valueAscent,
            Text.Align.LEFT);
      } else if (p.value().signum() >= 0) {
        Text.draw(g, p.formatted(), VALUE, endX + GAP, valueBaseline, Text.Align.LEFT);
      } else {
        Text.draw(g, p.formatted(), VALUE, endX - GAP, valueBaseline, Text.Align.RIGHT);
      }
      g.setColor(Palette.SECONDARY_TEXT);
      g.draw(
          new Line2D.Double(
              zeroX, top - GRID_OVERHANG, zeroX, top + BAR_THICKNESS + GRID_OVERHANG));
    }
    return ChartRenderer.finish(chart, g, WIDTH, height);
  }
}
