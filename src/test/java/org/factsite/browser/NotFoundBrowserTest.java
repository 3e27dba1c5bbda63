package org.factsite.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reader who mistypes an address deep inside the site ({@code /repo/lockdown-figures/typo}) gets
 * the site's 404 page as GitHub Pages serves it there: styled, and with every link, the stylesheet
 * and the icon leading somewhere, although no relative link could be right at that depth.
 */
@Tag("browser")
@ExtendWith(ServedSiteResolver.class)
class NotFoundBrowserTest {
  private static final String STYLE =
      "const s = getComputedStyle(document.body);"
          + "return s.fontFamily + ' | ' + s.color + ' | ' + s.margin;";

  /** Every address the page loads or links to, resolved by the browser. */
  private static final String ADDRESSES =
      "return Array.from(document.querySelectorAll("
          + "'a[href], link[href], img[src], source[srcset]'), e => e.href || e.src || e.srcset);";

  @Test
  void aDeepMissingAddressGetsAStyledPageWhoseLinksAllWork(ServedSite site) throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    String base = site.server().baseUrl();
    for (String missing : List.of("lockdown-figures/typo", "a/b/c/d/", "sources/x.html")) {
      String url = base + missing;
      assertEquals(
          404,
          http.send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode(),
          url);

      site.browser().viewport(320, 900);
      site.browser().colourScheme("light");
      site.open("");
      String styled = (String) site.browser().script(STYLE);
      site.browser().driver().get("about:blank");
      String unstyled = (String) site.browser().script(STYLE);
      assertNotEquals(styled, unstyled, "the stylesheet must change the page's look");

      site.server().forgetNotFound();
      site.browser().driver().get(url);
      assertEquals(
          styled,
          site.browser().script(STYLE),
          "the 404 page at " + url + " is not styled like the rest of the site");
      assertEquals(
          "absolute",
          site.browser()
              .script("return getComputedStyle(document.querySelector('.skip-link')).position"),
          url);
      Screenshots.save(site.browser(), "404-at-" + missing, 320, "light");
      // Only the mistyped address itself answered 404: the stylesheet and icon were found.
      assertEquals(List.of(URI.create(url).getPath()), site.server().notFound(), url);

      @SuppressWarnings("unchecked")
      List<String> addresses = (List<String>) site.browser().script(ADDRESSES);
      List<String> broken = new ArrayList<>();
      int internal = 0;
      for (String address : addresses) {
        String target = address.replaceFirst("#.*$", "");
        if (target.equals(url)) {
          // An anchor on this page, like the skip link's #main: the element must be here.
          String id = address.substring(address.indexOf('#') + 1);
          assertEquals(
              Boolean.TRUE,
              site.browser().script("return document.getElementById(arguments[0]) !== null", id),
              address);
          continue;
        }
        if (!target.startsWith(base)) {
          continue; // tel:, and the help services' own sites
        }
        internal++;
        int status =
            http.send(
                    HttpRequest.newBuilder(URI.create(target)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 200) {
          broken.add(address + " answered " + status);
        }
      }
      assertTrue(internal > 10, "expected the nav, help and body links, got " + addresses);
      assertTrue(broken.isEmpty(), "on the 404 page at " + url + ": " + broken);
    }
  }
}
