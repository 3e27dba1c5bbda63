package org.factsite.render.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.factsite.diag.Diagnostics;
import org.factsite.load.Inputs;
import org.junit.jupiter.api.Test;

/**
 * A page rendered for the checks says where its template wrote the article body, so the checks can
 * read the page without it; where the template did not write that very string whole, it says so.
 */
class WrittenPageTest {
  private static final String BODY = "<p>The body, with <a href=\"../x/\">a link</a>.</p>\n";

  private static WrittenPage render(String template) {
    return render(template, BODY);
  }

  private static WrittenPage render(String template, String body) {
    TemplateRenderer t =
        new TemplateRenderer(Inputs.ofText(Map.of("templates/page.ftlh", template)));
    Diagnostics d = new Diagnostics();
    // A copy: a string equal to the body but not the body must not be taken for it.
    String title = new String(body.toCharArray());
    Map<String, Object> model = Map.of("page", Map.of("body", body, "title", title));
    WrittenPage w =
        t.renderPage("page.ftlh", model, "a page", d, body)
            .orElseThrow(() -> new AssertionError(d.all().toString()));
    assertTrue(d.all().isEmpty(), () -> d.all().toString());
    assertEquals(t.render("page.ftlh", model, "a page", d).orElseThrow(), w.text());
    return w;
  }

  @Test
  void theBodysPlaceIsWhereTheTemplateWroteIt() {
    String before = "<!DOCTYPE html><title>${page.title}</title><main>";
    WrittenPage w = render(before + "${page.body?no_esc}</main>");
    assertTrue(w.bodyAt() > 0);
    assertEquals(BODY, w.text().substring(w.bodyAt(), w.bodyAt() + BODY.length()));
  }

  @Test
  void theBodyWrittenTwiceIsPlacedWhereItWasFirstWritten() {
    WrittenPage w = render("<main>${page.body?no_esc}</main><aside>${page.body?no_esc}</aside>");
    assertEquals("<main>".length(), w.bodyAt());
  }

  @Test
  void aCopyOfTheBodysTextIsNotTakenForTheBody() {
    // The title holds the same text as the body: it is written first, but it is not the body.
    String words = "Plain words";
    WrittenPage w = render("${page.title}<main>${page.body?no_esc}</main>", words);
    assertEquals(words + "<main>" + words + "</main>", w.text());
    assertEquals(words.length() + "<main>".length(), w.bodyAt());
  }

  @Test
  void aBodyNotWrittenWholeHasNoPlace() {
    assertEquals(-1, render("<main><#assign b>${page.body?no_esc}</#assign>${b}</main>").bodyAt());
    assertEquals(-1, render("<main><#compress>${page.body?no_esc}</#compress></main>").bodyAt());
    assertEquals(-1, render("<main>${page.title}</main>").bodyAt());
  }
}
