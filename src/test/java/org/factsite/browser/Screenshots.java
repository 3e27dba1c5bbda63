package org.factsite.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;

/**
 * Saves a whole-page screenshot of what the browser suite looked at, when asked with
 * {@code -Dfactsite.screenshots=<folder>}, so people can look at every page at every width
 * without running a browser themselves. Off by default: a screenshot proves nothing by itself.
 */
final class Screenshots {
  private Screenshots() {}

  static void save(HeadlessChromium browser, String page, int width, String scheme) {
    String dir = System.getProperty("factsite.screenshots", "");
    if (dir.isBlank()) {
      return;
    }
    String name = (page.isEmpty() ? "home" : page.replaceAll("[/.]+$", "")
        .replaceAll("[^a-z0-9]+", "-")) + "-" + width + "-" + scheme + ".png";
    long height = ((Number) browser.script(
        "return document.documentElement.scrollHeight")).longValue();
    try {
      // Grow the viewport to the page's height for one shot of the whole page, then put it back.
      browser.viewport(width, (int) Math.min(height, 12_000));
      byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(Path.of(dir));
      Files.write(Path.of(dir, name), png);
      browser.viewport(width, 900);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
