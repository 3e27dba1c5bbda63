package org.factsite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What a keyboard user meets: the first Tab lands on a visible "Skip to main content" link that
 * moves focus into the main content, and every link and control shows where focus is. Also what a
 * reader meets who follows a broken link: the site's own 404 page, styled, with a 404 status.
 */
@Tag("browser")
@ExtendWith(ServedSiteResolver.class)
class KeyboardBrowserTest {
  /** Computed focus styles of the focused element, as outline-style/width and box-shadow. */
  private static final String FOCUS_STYLE =
      "const s = getComputedStyle(document.activeElement);"
          + "return {tag: document.activeElement.tagName.toLowerCase(),"
          + " text: (document.activeElement.textContent || '').trim().slice(0, 40),"
          + " outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,"
          + " shadow: s.boxShadow};";

  @Test
  void firstTabFocusesTheSkipLinkWhichMovesFocusToMain(ServedSite site) {
    for (int width : AxeBrowserTest.WIDTHS) {
      site.browser().viewport(width, 900);
      site.browser().colourScheme("light");
      for (String page : site.pages()) {
        site.open(page);
        new Actions(site.browser().driver()).sendKeys(Keys.TAB).perform();
        WebElement focused = site.browser().driver().switchTo().activeElement();
        String where = "/repo/" + page + " at " + width + " px";
        assertEquals("Skip to main content", focused.getText(), where + ": first Tab");
        assertTrue(
            focused.isDisplayed() && focused.getRect().getY() >= 0,
            where + ": the skip link must be on screen when focused");
        new Actions(site.browser().driver()).sendKeys(Keys.ENTER).perform();
        WebElement after = site.browser().driver().switchTo().activeElement();
        assertEquals("main", after.getTagName(), where + ": Enter on the skip link");
      }
    }
  }

  @Test
  void focusIsVisibleOnEveryLinkInLightAndDark(ServedSite site) {
    site.browser().viewport(1280, 900);
    for (String scheme : List.of("light", "dark")) {
      site.browser().colourScheme(scheme);
      for (String page : site.pages()) {
        site.open(page);
        long focusable =
            ((Number)
                    site.browser()
                        .script(
                            "return document.querySelectorAll('a[href], button, input, select, textarea').length"))
                .longValue();
        List<String> invisible = new ArrayList<>();
        for (int i = 0; i < focusable; i++) {
          new Actions(site.browser().driver()).sendKeys(Keys.TAB).perform();
          @SuppressWarnings("unchecked")
          Map<String, Object> s = (Map<String, Object>) site.browser().script(FOCUS_STYLE);
          boolean outline =
              !"none".equals(s.get("outline"))
                  && ((Number) s.get("outlineWidth")).doubleValue() >= 2;
          boolean shadow = !"none".equals(s.get("shadow"));
          if (!outline && !shadow) {
            invisible.add(s.get("tag") + " «" + s.get("text") + "»");
          }
        }
        assertTrue(focusable > 5, page + ": expected links to tab through");
        assertTrue(
            invisible.isEmpty(),
            "/repo/" + page + " (" + scheme + "): no visible focus on " + invisible);
      }
    }
  }

  @Test
  void aMissingPageAnswers404WithTheSitesOwnHelpfulPage(ServedSite site) throws Exception {
    String missing = site.server().baseUrl() + "no-such-page";
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(missing)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("Page not found"), r.body());

    site.browser().viewport(320, 900);
    site.browser().driver().get(missing);
    String colour =
        (String)
            site.browser()
                .script("return getComputedStyle(document.querySelector('.skip-link')).position");
    assertEquals("absolute", colour, "the 404 page's stylesheet did not load at " + missing);
    assertFalse(
        site.browser()
            .driver()
            .findElements(org.openqa.selenium.By.cssSelector("main a[href$='get-help/']"))
            .isEmpty(),
        "the 404 page should point to help");
  }
}
