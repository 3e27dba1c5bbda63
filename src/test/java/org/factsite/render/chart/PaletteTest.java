package org.factsite.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class PaletteTest {
  @Test
  void contrastRatioMatchesWcagReferenceValues() {
    assertEquals(21.0, Palette.contrastRatio(Color.BLACK, Color.WHITE), 1e-9);
    assertEquals(1.0, Palette.contrastRatio(Color.WHITE, Color.WHITE), 1e-9);
    // Symmetric.
    assertEquals(
        Palette.contrastRatio(Palette.ORANGE, Color.WHITE),
        Palette.contrastRatio(Color.WHITE, Palette.ORANGE),
        1e-12);
    // #767676 on white is the well-known lightest grey that passes 4.5:1 (4.54:1).
    assertEquals(4.54, Palette.contrastRatio(new Color(0x767676), Color.WHITE), 0.01);
    // #777777 just fails.
    assertTrue(Palette.contrastRatio(new Color(0x777777), Color.WHITE) < 4.5);
  }

  @Test
  void everyDataColourHasThreeToOneAgainstTheWhiteCard() {
    assertEquals(4, Palette.SERIES.size());
    for (Color c : Palette.SERIES) {
      double ratio = Palette.contrastRatio(c, Palette.BACKGROUND);
      assertTrue(ratio >= 3.0, Palette.hex(c) + " on white: " + ratio);
    }
  }

  @Test
  void textColoursHaveFourAndAHalfToOneAgainstWhite() {
    assertTrue(Palette.contrastRatio(Palette.TEXT, Palette.BACKGROUND) >= 4.5);
    assertTrue(Palette.contrastRatio(Palette.SECONDARY_TEXT, Palette.BACKGROUND) >= 4.5);
  }

  @Test
  void zeroLineIsVisibleAndGridlinesStayInTheBackground() {
    assertTrue(Palette.contrastRatio(Palette.SECONDARY_TEXT, Palette.BACKGROUND) >= 3.0);
    assertTrue(Palette.contrastRatio(Palette.GRID, Palette.BACKGROUND) < 1.5);
  }

  @Test
  void singleSeriesColourIsTheAnalysisFunctionDarkBlue() {
    assertEquals("#12436d", Palette.hex(Palette.SERIES.get(0)));
    assertEquals("#28a197", Palette.hex(Palette.TURQUOISE));
    assertEquals("#801650", Palette.hex(Palette.DARK_PINK));
    assertEquals("#f46a25", Palette.hex(Palette.ORANGE));
  }
}
