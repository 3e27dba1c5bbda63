package org.factsite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Phones get each chart's narrow drawing, shown at its natural size so its text stays as large as
 * it was drawn; wider screens get the wide drawing.
 */
@Tag("browser")
@ExtendWith(ServedSiteResolver.class)
class ChartPictureBrowserTest {
  private static final String PICTURES =
      "return Array.from(document.querySelectorAll("
          + "'figure.chart img'), i => ({src: i.currentSrc, shown: i.getBoundingClientRect().width,"
          + " natural: i.naturalWidth, complete: i.complete}));";

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> pictures(ServedSite site, String page, int width) {
    site.browser().viewport(width, 900);
    site.browser().colourScheme("light");
    site.open(page);
    return (List<Map<String, Object>>) site.browser().script(PICTURES);
  }

  @Test
  void aPhoneGetsTheNarrowDrawingAtItsNaturalSize(ServedSite site) {
    int charts = 0;
    for (String page : site.pages()) {
      for (Map<String, Object> img : pictures(site, page, 320)) {
        charts++;
        String src = (String) img.get("src");
        assertTrue(src.endsWith("-narrow.svg"), page + " at 320 px shows " + src);
        assertEquals(Boolean.TRUE, img.get("complete"), src);
        double shown = ((Number) img.get("shown")).doubleValue();
        double natural = ((Number) img.get("natural")).doubleValue();
        assertEquals(
            natural,
            shown,
            0.5,
            src
                + " is shrunk from "
                + natural
                + " to "
                + shown
                + " px, so its text is smaller than drawn");
      }
    }
    assertTrue(charts >= 3, "expected the campaign's charts, found " + charts);
  }

  @Test
  void aDesktopGetsTheWideDrawing(ServedSite site) {
    for (String page : site.pages()) {
      for (Map<String, Object> img : pictures(site, page, 1280)) {
        String src = (String) img.get("src");
        assertTrue(src.endsWith(".svg"), src);
        assertFalse(src.endsWith("-narrow.svg"), page + " at 1280 px shows " + src);
      }
    }
  }
}
