package org.factsite.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs axe-core (WCAG 2.0, 2.1 and 2.2 A and AA, plus best practice) over every page of the
 * campaign site in headless Chromium, at a desktop width and a 320 px phone width, in light and
 * dark colour schemes. Each page must have no violations, must not scroll sideways at 320 px, and
 * must not ask the server for anything the build did not make.
 */
@Tag("browser")
@ExtendWith(ServedSiteResolver.class)
class AxeBrowserTest {
  static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
  static final int[] WIDTHS = {1280, 320};

  @TestFactory
  Stream<DynamicTest> everyPageAtEveryWidthAndScheme(ServedSite site) {
    assertTrue(site.pages().size() >= 5, "expected the campaign's pages, got " + site.pages());
    List<DynamicTest> tests = new ArrayList<>();
    for (String scheme : List.of("light", "dark")) {
      for (int width : WIDTHS) {
        for (String page : site.pages()) {
          String name = "/repo/" + page + " at " + width + " px, " + scheme;
          tests.add(DynamicTest.dynamicTest(name, () -> check(site, page, width, scheme)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(ServedSite site, String page, int width, String scheme) {
    HeadlessChromium browser = site.browser();
    browser.viewport(width, 900);
    browser.colourScheme(scheme);
    site.server().forgetNotFound();
    site.open(page);
    String where = "/repo/" + page + " at " + width + " px (" + scheme + ")";

    List<String> problems = new ArrayList<>();
    Results results = new AxeBuilder().withTags(TAGS).analyze(browser.driver());
    assertFalse(results.isErrored(), () -> where + ": axe failed: " + results.getErrorMessage());
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        problems.add(
            rule.getId()
                + " on "
                + where
                + " at "
                + node.getTarget()
                + ": "
                + rule.getHelp()
                + " — "
                + oneLine(node.getFailureSummary()));
      }
    }

    long scrollWidth =
        ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
    long clientWidth =
        ((Number) browser.script("return document.documentElement.clientWidth")).longValue();
    if (scrollWidth > clientWidth) {
      problems.add(
          where
              + " scrolls sideways: content is "
              + scrollWidth
              + " px wide in a "
              + clientWidth
              + " px window; widest: "
              + widest(browser));
    }

    // Any 404 logged while this page loaded is an asset the build did not make.
    for (String missing : site.server().notFound()) {
      problems.add(where + " requested " + missing + ", which answered 404");
    }
    Screenshots.save(browser, page, width, scheme);
    if (!problems.isEmpty()) {
      fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }
  }

  /** The element that sticks out furthest on the right, to say what to fix. */
  private static Object widest(HeadlessChromium browser) {
    return browser.script(
        "let best = null, right = 0;"
            + "for (const el of document.body.querySelectorAll('*')) {"
            + "  const r = el.getBoundingClientRect().right;"
            + "  if (r > right) { right = r; best = el; } }"
            + "return best ? best.tagName.toLowerCase() + (best.className ? '.' + best.className : '')"
            + " + ' (right edge ' + Math.round(right) + ' px)' : 'none';");
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}
