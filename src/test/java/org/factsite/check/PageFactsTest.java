package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * Facts that sit in awkward places on a page still reach the checks: an anchor target that is only
 * an id inside a {@code <picture>} or a named anchor, a {@code <source srcset>} that points
 * nowhere, a script from another site, a picture's alternatives counted as one download.
 */
class PageFactsTest {
  private static final String HEAD =
      "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\""
          + " content=\"default-src 'none'; img-src 'self'\"></head><body>";

  private static PageFacts facts(String page, String body) {
    return PageFacts.of(page, (HEAD + body).getBytes(StandardCharsets.UTF_8), null);
  }

  /** The link-check messages for these pages, with these other files published. */
  private static List<String> linkErrors(Map<String, String> bodies, Set<String> otherFiles) {
    Map<String, PageFacts> pages = new HashMap<>();
    bodies.forEach((page, body) -> pages.put(page, facts(page, body)));
    Set<String> files = new java.util.HashSet<>(otherFiles);
    files.addAll(bodies.keySet());
    Diagnostics d = new Diagnostics();
    LinkCheck.run(pages, pages.keySet(), files, Map.of(), null, null, d);
    return d.all().stream().map(Diagnostic::message).sorted().toList();
  }

  @Test
  void anIdOnlyInsideAPictureIsAnAnchorTarget() {
    String linker = "<a href=\"../b/#wide\">the wide drawing</a>";
    String target =
        "<picture><source srcset=\"x.svg\"><img id=\"wide\" src=\"x.svg\" alt=\"x\"></picture>";
    assertEquals(
        List.of(),
        linkErrors(Map.of("a/index.html", linker, "b/index.html", target), Set.of("b/x.svg")));
    assertEquals(
        List.of("broken anchor '../b/#wide': b/index.html has no id 'wide'"),
        linkErrors(
            Map.of("a/index.html", linker, "b/index.html", target.replace(" id=\"wide\"", "")),
            Set.of("b/x.svg")));
  }

  @Test
  void aNamedAnchorIsAnAnchorTarget() {
    assertTrue(facts("a/index.html", "<p><a name=\"top\"></a></p>").ids().contains("top"));
    assertEquals(
        List.of(),
        linkErrors(
            Map.of("a/index.html", "<a name=\"top\"></a><a href=\"#top\">up</a>"), Set.of()));
  }

  @Test
  void aSourceSrcsetThatPointsNowhereIsABrokenLink() {
    String picture =
        "<picture><source srcset=\"phone.svg 1x, phone@2.svg 2x\" media=\"(max-width: 30em)\">"
            + "<img src=\"wide.svg\" alt=\"w\"></picture>";
    assertEquals(
        List.of("broken link 'phone@2.svg': nothing is published at a/phone@2.svg"),
        linkErrors(Map.of("a/index.html", picture), Set.of("a/wide.svg", "a/phone.svg")));
    // The picture is one download: the browser fetches one of its three drawings.
    assertEquals(
        List.of(List.of("wide.svg", "phone.svg", "phone@2.svg")),
        facts("a/index.html", picture).assets());
  }

  @Test
  void aScriptFromAnotherSiteBreaksThePolicy() {
    PageFacts f = facts("a/index.html", "<script src=\"https://cdn.example.com/x.js\"></script>");
    assertEquals(
        List.of("<script src> loads 'https://cdn.example.com/x.js' from another site"),
        f.cspProblems().stream().map(CspCheck.Problem::message).toList());
    assertEquals(List.of(List.of("https://cdn.example.com/x.js")), f.assets());
  }

  @Test
  void aChartFigureWithoutItsTableIsReported() {
    PageFacts f =
        facts(
            "a/index.html",
            "<figure class=\"chart\" id=\"f\"><p class=\"chart-headline\">H</p>"
                + "<p class=\"chart-description\">D</p><p class=\"chart-source\">S</p>"
                + "<img src=\"c.svg\" alt=\"c\" width=\"1\" height=\"1\">"
                + "<a href=\"c.csv\">CSV</a></figure>");
    assertEquals(
        Set.of("a data table with a caption", "table header cells with scope"),
        f.figureProblems().stream()
            .map(PageFacts.FigureProblem::lacks)
            .collect(Collectors.toSet()));
  }
}
