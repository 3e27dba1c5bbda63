package org.factsite.render.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A value axis: always includes zero (so bars start at zero), ends on round numbers, and leaves
 * room beyond the longest bar for its value label.
 *
 * @param min the axis start: zero, or a round negative number when some value is negative
 * @param max the axis end: zero or a round positive number
 * @param step the distance between gridlines
 */
record Scale(BigDecimal min, BigDecimal max, BigDecimal step) {
  private static final double[] NICE = {1, 2, 2.5, 5, 10};

  Scale {
    if (min.signum() > 0 || max.signum() < 0 || step.signum() <= 0 || max.compareTo(min) <= 0) {
      throw new IllegalArgumentException("bad scale " + min + ".." + max + " by " + step);
    }
  }

  /**
   * The axis for values from {@code dataMin} to {@code dataMax}, drawn {@code lengthPx} long, with
   * {@code reservePx} free beyond the end of the longest bar on each side that has bars.
   *
   * @param integral whether values are whole counts (the step is then never below 1)
   */
  static Scale of(
      double dataMin,
      double dataMax,
      double lengthPx,
      double reservePx,
      int targetTicks,
      boolean integral) {
    double lo = Math.min(0, dataMin);
    double hi = Math.max(0, dataMax);
    if (hi == lo) {
      hi = 1; // all values zero: draw an axis from 0 to 1
    }
    int sides = (dataMax > 0 ? 1 : 0) + (dataMin < 0 ? 1 : 0);
    double usable = Math.max(0.2, 1 - sides * reservePx / lengthPx);
    double span = (hi - lo) / usable;
    BigDecimal step = niceStep(span / targetTicks, integral);
    BigDecimal axisMin = BigDecimal.ZERO;
    BigDecimal axisMax = BigDecimal.ZERO;
    for (int attempt = 0; attempt < 64; attempt++) {
      double pad = reservePx / lengthPx * span;
      axisMax = dataMax > 0 ? roundUp(hi + pad, step) : BigDecimal.ZERO;
      axisMin = dataMin < 0 ? roundUp(-(lo - pad), step).negate() : BigDecimal.ZERO;
      if (axisMax.signum() == 0 && axisMin.signum() == 0) {
        axisMax = step;
      }
      double actualSpan = axisMax.subtract(axisMin).doubleValue();
      double actualPad = reservePx / lengthPx * actualSpan;
      boolean fitsHigh = dataMax <= 0 || hi + actualPad <= axisMax.doubleValue() + 1e-9;
      boolean fitsLow = dataMin >= 0 || lo - actualPad >= axisMin.doubleValue() - 1e-9;
      if (fitsHigh && fitsLow) {
        break;
      }
      span = actualSpan;
    }
    return new Scale(axisMin, axisMax, step);
  }

  /** The gridline values from min to max inclusive. */
  List<BigDecimal> ticks() {
    List<BigDecimal> ticks = new ArrayList<>();
    for (BigDecimal v = min; v.compareTo(max) <= 0; v = v.add(step)) {
      ticks.add(v.stripTrailingZeros());
    }
    return ticks;
  }

  /** Fraction of the axis length from min to {@code value}. */
  double fraction(double value) {
    double lo = min.doubleValue();
    return (value - lo) / (max.doubleValue() - lo);
  }

  /** Decimal places the tick labels need. */
  int decimals() {
    return Math.max(0, step.stripTrailingZeros().scale());
  }

  static BigDecimal niceStep(double raw, boolean integral) {
    if (!(raw > 0) || Double.isInfinite(raw)) {
      return BigDecimal.ONE;
    }
    int exponent = (int) Math.floor(Math.log10(raw));
    double fraction = raw / Math.pow(10, exponent);
    double nice = NICE[NICE.length - 1];
    for (double candidate : NICE) {
      if (candidate >= fraction - 1e-9) {
        nice = candidate;
        break;
      }
    }
    BigDecimal step = BigDecimal.valueOf(nice).scaleByPowerOfTen(exponent).stripTrailingZeros();
    if (integral && step.compareTo(BigDecimal.ONE) < 0) {
      return BigDecimal.ONE;
    }
    if (integral && step.stripTrailingZeros().scale() > 0) {
      return BigDecimal.valueOf(5); // 25 and 250 are fine steps for counts, 2.5 is not
    }
    return step;
  }

  private static BigDecimal roundUp(double value, BigDecimal step) {
    BigDecimal v = new BigDecimal(Double.toString(value));
    BigDecimal n = v.divide(step, 0, RoundingMode.CEILING);
    return n.multiply(step).stripTrailingZeros();
  }
}
