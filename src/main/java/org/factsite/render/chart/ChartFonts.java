package org.factsite.render.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans, loaded once from the jar (never from the system), so that text is measured and
 * outlined the same on every machine. See {@code LICENSE-DejaVu.txt} next to the font files.
 *
 * <p>Loaded when a chart is first drawn, not when a {@link ChartRenderer} is made: starting Java's
 * font system loads some fifty classes and reads both font files, which a site without charts
 * should not pay for.
 */
final class ChartFonts {
  static final Font REGULAR = load("DejaVuSans.ttf");
  static final Font BOLD = load("DejaVuSans-Bold.ttf");

  /** Value-axis tick labels. */
  static final Font TICK = REGULAR.deriveFont(13f);

  /** Category labels. */
  static final Font CATEGORY = REGULAR.deriveFont(14f);

  /** Each bar's value label. */
  static final Font VALUE = BOLD.deriveFont(14f);

  /** The value axis's name. */
  static final Font AXIS_TITLE = REGULAR.deriveFont(13f);

  /**
   * The one context every measurement and outline uses: no device transform, anti-aliased,
   * fractional metrics. Fixed, so glyph positions never depend on the graphics target.
   */
  static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private ChartFonts() {}

  private static Font load(String name) {
    try (InputStream in = ChartFonts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the jar: " + name);
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read font " + name, e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("bad font " + name, e);
    }
  }
}
