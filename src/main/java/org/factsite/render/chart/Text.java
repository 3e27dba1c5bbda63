package org.factsite.render.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures, wraps and draws text as filled glyph outlines, so the SVG holds paths rather than
 * {@code <text>} and never depends on the reader's fonts.
 */
final class Text {
  private Text() {}

  /** Horizontal alignment of a line against its anchor x. */
  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  static double width(String s, Font font) {
    if (s.isEmpty()) {
      return 0;
    }
    return new TextLayout(s, font, ChartFonts.FRC).getAdvance();
  }

  /** Distance from the top of a line to its baseline. */
  static double ascent(Font font) {
    return font.getLineMetrics("Hg", ChartFonts.FRC).getAscent();
  }

  /** Baseline-to-baseline distance used for wrapped lines. */
  static double lineHeight(Font font) {
    return Math.ceil(font.getSize2D() * 1.3);
  }

  /**
   * Greedy word wrap to {@code maxWidth}. A single word wider than the limit gets a line of its own
   * (it is never cut). Runs of white space collapse to one space.
   */
  static List<String> wrap(String s, Font font, double maxWidth) {
    List<String> lines = new ArrayList<>();
    String[] words = s.strip().split("\\s+");
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() == 0) {
        line.append(word);
      } else if (width(line + " " + word, font) <= maxWidth) {
        line.append(' ').append(word);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * Word wrap to at most {@code maxWidth} in as few lines as the greedy wrap needs, with the lines
   * as even as possible: "Average quarter, / April 2017 – March 2020" rather than "Average quarter,
   * April 2017 – March / 2020".
   */
  static List<String> wrapBalanced(String s, Font font, double maxWidth) {
    List<String> greedy = wrap(s, font, maxWidth);
    if (greedy.size() <= 1) {
      return greedy;
    }
    double lo = maxWidth / greedy.size();
    double hi = maxWidth;
    List<String> best = greedy;
    for (int i = 0; i < 16 && hi - lo > 0.5; i++) {
      double mid = (lo + hi) / 2;
      List<String> lines = wrap(s, font, mid);
      if (lines.size() <= greedy.size() && maxWidth(lines, font) <= mid) {
        best = lines;
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return best;
  }

  static double maxWidth(List<String> lines, Font font) {
    double max = 0;
    for (String line : lines) {
      max = Math.max(max, width(line, font));
    }
    return max;
  }

  /** Fills the outline of {@code s} with its baseline at {@code baselineY}. */
  static void draw(Graphics2D g, String s, Font font, double x, double baselineY, Align align) {
    if (s.isEmpty()) {
      return;
    }
    TextLayout layout = new TextLayout(s, font, ChartFonts.FRC);
    double advance = layout.getAdvance();
    double left =
        switch (align) {
          case LEFT -> x;
          case CENTER -> x - advance / 2;
          case RIGHT -> x - advance;
        };
    // Outline in glyph-local coordinates, placed by a translation: the path numbers stay short
    // (a few digits each), which keeps the SVG small.
    AffineTransform saved = g.getTransform();
    g.translate(Math.round(left * 10) / 10.0, Math.round(baselineY * 10) / 10.0);
    g.fill(layout.getOutline(null));
    g.setTransform(saved);
  }

  /** Draws wrapped lines; the first baseline is {@code firstBaselineY}. */
  static void drawLines(
      Graphics2D g, List<String> lines, Font font, double x, double firstBaselineY, Align align) {
    double y = firstBaselineY;
    for (String line : lines) {
      draw(g, line, font, x, y, align);
      y += lineHeight(font);
    }
  }
}
