package org.factsite.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * Saves a whole-page screenshot of what the browser suite looked at, when asked with {@code
 * -Dfactsite.screenshots=<folder>}, so people can look at every page at every width without running
 * a browser themselves. Off by default: a screenshot proves nothing by itself.
 */
final class Screenshots {
  private static final int SLICE = 1400;

  private Screenshots() {}

  static void save(HeadlessChromium browser, String page, int width, String scheme) {
    String dir = System.getProperty("factsite.screenshots", "");
    if (dir.isBlank()) {
      return;
    }
    String name =
        (page.isEmpty() ? "home" : page.replaceAll("[/.]+$", "").replaceAll("[^a-z0-9]+", "-"))
            + "-"
            + width
            + "-"
            + scheme;
    long height =
        ((Number) browser.script("return document.documentElement.scrollHeight")).longValue();
    try {
      Files.createDirectories(Path.of(dir));
      // Slices a person can look at, from one capture beyond the viewport each.
      for (int part = 0; part * SLICE < height; part++) {
        Map<String, Object> shot =
            browser
                .driver()
                .executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of(
                            "x",
                            0,
                            "y",
                            part * SLICE,
                            "width",
                            width,
                            "height",
                            Math.min(SLICE, height - part * SLICE),
                            "scale",
                            1)));
        Files.write(
            Path.of(dir, String.format("%s-%d.png", name, part + 1)),
            Base64.getDecoder().decode((String) shot.get("data")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
