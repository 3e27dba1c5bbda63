package org.factsite.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its own chromedriver, with nothing fetched from the
 * network: both paths are given explicitly, so Selenium Manager has nothing to look up or download.
 * The viewport is set through the DevTools protocol rather than the window size, because a headless
 * window cannot be made as narrow as a 320 px phone.
 */
final class HeadlessChromium implements AutoCloseable {
  static final String CHROMIUM = System.getProperty("factsite.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("factsite.chromedriver", "/usr/bin/chromedriver");

  /**
   * executeCdpCommand goes through chromedriver and needs no version-matched devtools jar, so
   * Selenium's warning that it found none is noise. Held in a field: java.util.logging keeps
   * loggers weakly, and a collected logger forgets its level.
   */
  private static final java.util.logging.Logger SELENIUM_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium");

  private final ChromeDriver driver;

  HeadlessChromium() {
    for (String exe : List.of(CHROMIUM, DRIVER)) {
      if (!Files.isExecutable(Path.of(exe))) {
        throw new IllegalStateException(
            exe
                + " is missing: the browser tests need Debian's"
                + " chromium and chromium-driver packages; run scripts/setup-browser.sh");
      }
    }
    System.setProperty("webdriver.chrome.driver", DRIVER);
    SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--no-first-run",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=1280,1000");
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Makes the page {@code width} CSS pixels wide; narrow widths behave like a phone. */
  void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /** Emulates the reader's colour-scheme preference: "light" or "dark". */
  void colourScheme(String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
