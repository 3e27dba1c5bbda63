package org.factsite.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.math.BigDecimal;
import java.util.List;
import org.factsite.model.ValueFormat;
import org.junit.jupiter.api.Test;

class ScaleAndTextTest {
  @Test
  void positiveValuesStartAtZeroAndEndOnARoundNumberWithRoomForTheLabel() {
    Scale s = Scale.of(1077.1, 1220, 250, 24, 5, false);
    assertEquals(BigDecimal.ZERO, s.min());
    assertTrue(s.max().doubleValue() > 1220);
    assertEquals(0, s.max().remainder(s.step()).signum(), "max is a whole number of steps");
    double freePx = (1 - s.fraction(1220)) * 250;
    assertTrue(freePx >= 24, "free space above the tallest bar: " + freePx);
    assertEquals(BigDecimal.ZERO, s.ticks().get(0));
    assertEquals(s.max(), s.ticks().get(s.ticks().size() - 1));
  }

  @Test
  void smallValuesStillStartAtZero() {
    Scale s = Scale.of(32, 37, 250, 24, 5, false);
    assertEquals(BigDecimal.ZERO, s.min(), "never a truncated axis");
  }

  @Test
  void negativeValuesExtendTheAxisBelowZero() {
    Scale s = Scale.of(-3, 8, 300, 20, 5, false);
    assertTrue(s.min().doubleValue() < -3);
    assertTrue(s.max().doubleValue() > 8);
    assertTrue(s.ticks().contains(BigDecimal.ZERO));
  }

  @Test
  void allZeroStillGivesAnAxis() {
    Scale s = Scale.of(0, 0, 300, 20, 5, true);
    assertEquals(BigDecimal.ZERO, s.min());
    assertTrue(s.max().signum() > 0);
  }

  @Test
  void wholeCountsNeverGetFractionalSteps() {
    Scale s = Scale.of(1, 3, 300, 20, 5, true);
    assertTrue(s.step().stripTrailingZeros().scale() <= 0, "whole step: " + s.step());
    assertTrue(s.step().compareTo(BigDecimal.ONE) >= 0);
    assertEquals(0, new BigDecimal("0.5").compareTo(Scale.niceStep(0.4, false)));
    assertEquals(0, new BigDecimal("250").compareTo(Scale.niceStep(210, false)));
    assertEquals(0, new BigDecimal("5").compareTo(Scale.niceStep(2.2, true)), "not 2.5 for counts");
  }

  @Test
  void tickLabelsAreGroupedAndPercentagesMarked() {
    assertEquals("1,400", ChartRenderer.tickFormatter(ValueFormat.COUNT).apply(1400.0));
    assertEquals("0", ChartRenderer.tickFormatter(ValueFormat.COUNT).apply(-0.0));
    assertEquals("60%", ChartRenderer.tickFormatter(ValueFormat.PERCENT).apply(60.0));
    assertEquals("0.3", ChartRenderer.tickFormatter(ValueFormat.NUMBER).apply(0.1 + 0.2));
  }

  @Test
  void balancedWrapUsesAsFewLinesAsGreedyAndEvensThemOut() {
    Font f = ChartFonts.CATEGORY;
    String label = "Average quarter, April 2017 – March 2020";
    double width = Text.width(label, f) - 20;
    List<String> greedy = Text.wrap(label, f, width);
    List<String> balanced = Text.wrapBalanced(label, f, width);
    assertEquals(greedy.size(), balanced.size());
    assertEquals(2, balanced.size());
    assertEquals(label, String.join(" ", balanced));
    assertTrue(Text.maxWidth(balanced, f) <= width);
    double gapGreedy = Math.abs(Text.width(greedy.get(0), f) - Text.width(greedy.get(1), f));
    double gapBalanced = Math.abs(Text.width(balanced.get(0), f) - Text.width(balanced.get(1), f));
    assertTrue(gapBalanced < gapGreedy, balanced + " vs " + greedy);
  }

  @Test
  void svgNumbersAreShortAndNeverNegativeZero() {
    assertEquals("12", Svg.tenth(12.0));
    assertEquals("12.5", Svg.tenth(12.46));
    assertEquals("-0.3", Svg.tenth(-0.25000001));
    assertEquals("0", Svg.tenth(-0.04));
    assertEquals("0", Svg.thousandth(6.123e-17));
    assertEquals("1.5", Svg.thousandth(1.5));
    assertEquals("0.707", Svg.thousandth(Math.sqrt(0.5)));
  }

  @Test
  void escapeHandlesMarkupQuotesAndForbiddenCharacters() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Svg.escape("a <b> & \"c\" 'd'"));
    assertEquals("bell", Svg.escape("be\u0007ll"));
    assertEquals("emoji \uD83D\uDE00", Svg.escape("emoji \uD83D\uDE00"));
  }
}
