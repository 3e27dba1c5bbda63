package org.factsite.render.chart;

import java.awt.Color;
import java.util.List;

/**
 * The chart colours: the UK Government Analysis Function categorical palette for data, and the
 * GOV.UK text greys for words and lines. Charts are drawn on a white card, so every data colour has
 * at least 3:1 contrast against white (WCAG 1.4.11, non-text contrast) and every text colour at
 * least 4.5:1 (WCAG 1.4.3). Colour never carries meaning alone: every bar is labelled with its
 * category and its value.
 *
 * <p>Not every pair of palette colours reaches 3:1 against each other (turquoise and orange are
 * almost equally light), so a chart with more than one series must not rely on telling those two
 * apart; today every chart has a single series in {@link #DARK_BLUE}.
 */
public final class Palette {
  /** Analysis Function dark blue, the colour of single-series bars. */
  public static final Color DARK_BLUE = new Color(0x12436D);

  /** Analysis Function turquoise. */
  public static final Color TURQUOISE = new Color(0x28A197);

  /** Analysis Function dark pink. */
  public static final Color DARK_PINK = new Color(0x801650);

  /** Analysis Function orange. */
  public static final Color ORANGE = new Color(0xF46A25);

  /** The data colours in the order series take them. */
  public static final List<Color> SERIES = List.of(DARK_BLUE, TURQUOISE, DARK_PINK, ORANGE);

  /** Category labels, value labels, the axis title: GOV.UK text colour. */
  public static final Color TEXT = new Color(0x0B0C0C);

  /** Value-axis tick labels and the zero line: GOV.UK secondary text colour. */
  public static final Color SECONDARY_TEXT = new Color(0x505A5F);

  /** Gridlines: light, decorative, never the only way to read a value. */
  public static final Color GRID = new Color(0xD9DADB);

  /** The card the chart sits on. */
  public static final Color BACKGROUND = Color.WHITE;

  private Palette() {}

  /**
   * The WCAG 2 contrast ratio of two opaque colours, from 1 (same) to 21 (black on white).
   *
   * @see <a href="https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio">WCAG 2.2 contrast ratio</a>
   */
  public static double contrastRatio(Color a, Color b) {
    double la = relativeLuminance(a);
    double lb = relativeLuminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** WCAG 2 relative luminance of an sRGB colour, 0 for black to 1 for white. */
  static double relativeLuminance(Color c) {
    return 0.2126 * linear(c.getRed())
        + 0.7152 * linear(c.getGreen())
        + 0.0722 * linear(c.getBlue());
  }

  private static double linear(int channel) {
    double s = channel / 255.0;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }

  /** {@code #rrggbb}, lowercase. */
  public static String hex(Color c) {
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
