package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.factsite.diag.Diagnostics;
import org.factsite.load.Inputs;
import org.factsite.load.SourceTree;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Builds the real Wild West Web campaign site from the repository and checks what readers get. */
class CampaignSiteTest {
  private static BuildResult result;
  private static final String BASE_URL = "https://nspcc-campaigns.github.io/wild-west-web/";

  /** Every figure in campaign-facts.md, as the site must write it. */
  private static final Map<String, String> FIGURES =
      Map.ofEntries(
          Map.entry("lockdown_offences", "1,220"),
          Map.entry("lockdown_offences_uk_rounded", "more than 1,200"),
          Map.entry("pre_lockdown_offences", "12,925"),
          Map.entry("regional_cases", "114"),
          Map.entry("instagram_share_lockdown", "37%"),
          Map.entry("instagram_share_sussex", "36%"),
          Map.entry("instagram_share_before", "29%"),
          Map.entry("facebook_owned_share", "51%"),
          Map.entry("snapchat_share", "20%"),
          Map.entry("police_forces_foi", "38"),
          Map.entry("offence_start", "April 2017"),
          Map.entry("max_fine", "€20 million"));

  static final List<String> PAGES =
      List.of(
          "index.html",
          "lockdown-figures/index.html",
          "south-east/index.html",
          "six-tests/index.html",
          "online-harms-bill/index.html",
          "get-help/index.html",
          "sources/index.html",
          "accessibility/index.html",
          "404.html");

  @BeforeAll
  static void build() throws Exception {
    Diagnostics d = new Diagnostics();
    Inputs inputs = SourceTree.read(Path.of("."), d);
    assertFalse(d.hasErrors(), d.all().toString());
    result = new SiteBuilder().build(inputs, BuildOptions.DEFAULT);
    assertTrue(result.ok(), () -> "campaign build failed: " + result.diagnostics());
  }

  private static Document page(String path) {
    byte[] b = result.files().get(path);
    assertNotNull(b, "missing page " + path);
    return Jsoup.parse(new String(b, StandardCharsets.UTF_8));
  }

  @Test
  void everyCampaignPageIsBuilt() {
    for (String p : PAGES) {
      Document doc = page(p);
      assertEquals(1, doc.select("h1").size(), p + " must have exactly one h1");
      assertEquals("en-GB", doc.selectFirst("html").attr("lang"));
    }
  }

  @Test
  void everyFigureAppearsOnTheSourcesPageWithItsSourceAndIsUsedSomewhere() {
    Document sources = page("sources/index.html");
    FIGURES.forEach(
        (id, value) -> {
          Element entry = sources.getElementById("stat-" + id.replace('_', '-'));
          assertNotNull(entry, "sources page has no entry for " + id);
          assertEquals(value, entry.selectFirst(".figure-value").text(), id);
          assertFalse(entry.select("a[href^=#source-]").isEmpty(), id + " names no source");
          assertFalse(
              entry.text().contains("Not shown on any page yet"), id + " is not shown on any page");
        });
  }

  @Test
  void derivedFiguresShowTheirWorking() {
    Document sources = page("sources/index.html");
    Element avg = sources.getElementById("stat-pre-lockdown-quarterly-average");
    assertNotNull(avg);
    assertTrue(avg.text().contains("12,925 ÷ 12 quarters = 1,077.1"), avg.text());
    Element change = sources.getElementById("stat-instagram-share-change");
    assertTrue(change.text().contains("37% − 29% = 8 percentage points"), change.text());
  }

  @Test
  void everyStatLinkInProseLeadsToItsSourcesEntry() {
    int links = 0;
    for (String p : PAGES) {
      for (Element a : page(p).select("a.stat, a.working")) {
        links++;
        assertTrue(a.attr("href").contains("sources/#stat-"), p + ": " + a);
      }
    }
    assertTrue(links > 20, "expected figures in prose, found " + links);
  }

  @Test
  void everyChartHasSvgTableCsvAndDescription() {
    List<String> charts = List.of("instagram-share", "platforms-lockdown", "offences-per-quarter");
    for (String id : charts) {
      String svg = new String(result.files().get("charts/" + id + ".svg"), StandardCharsets.UTF_8);
      assertTrue(svg.contains("role=\"img\"") && svg.contains("<desc"), id);
      String csv = new String(result.files().get("charts/" + id + ".csv"), StandardCharsets.UTF_8);
      assertTrue(result.files().containsKey("charts/" + id + ".json"), id);
      boolean shown = false;
      for (String p : PAGES) {
        Element fig = page(p).getElementById("figure-" + id);
        if (fig == null) {
          continue;
        }
        shown = true;
        Element img = fig.selectFirst("img");
        assertTrue(img.hasAttr("width") && img.hasAttr("height") && !img.attr("alt").isBlank());
        assertFalse(fig.select(".chart-description").text().isBlank());
        List<Element> rows = fig.select("tbody tr");
        assertEquals(
            csv.strip().split("\n").length - 1,
            rows.size(),
            id + ": table and CSV must have the same rows");
        String[] lines = csv.strip().split("\n");
        for (int i = 0; i < rows.size(); i++) {
          String csvValue = lines[i + 1].substring(lines[i + 1].lastIndexOf(',') + 1);
          String cell = rows.get(i).selectFirst("td").text().replaceAll("[^0-9.]", "");
          assertEquals(
              0,
              new java.math.BigDecimal(csvValue).compareTo(new java.math.BigDecimal(cell)),
              id + " row " + (i + 1) + ": the CSV says " + csvValue + ", the table " + cell);
        }
        assertFalse(fig.select("a[href$=" + id + ".csv]").isEmpty());
      }
      assertTrue(shown, id + " is not shown on any page");
    }
  }

  @Test
  void everyPageLinksToGetHelp() {
    for (String p : PAGES) {
      Document doc = page(p);
      assertFalse(doc.select("a[href$=get-help/]").isEmpty(), p + " has no link to get help");
      assertTrue(doc.text().contains("0800 1111"), p + " lacks Childline's number");
    }
  }

  @Test
  void noPageUsesARootRelativeOrThirdPartyAsset() {
    for (String p : PAGES) {
      for (Element el : page(p).select("[src], [srcset], link[href]")) {
        String ref =
            el.hasAttr("src")
                ? el.attr("src")
                : el.hasAttr("srcset") ? el.attr("srcset") : el.attr("href");
        if (el.tagName().equals("link") && el.attr("rel").equals("canonical")) {
          continue;
        }
        // The not-found page is served at any missing address, so it loads from the site's
        // own base URL; it must still be this site, never a third party.
        if (p.equals("404.html") && ref.startsWith(BASE_URL)) {
          continue;
        }
        assertFalse(ref.startsWith("/") || ref.startsWith("http"), p + ": " + el);
      }
    }
  }

  @Test
  void theNotFoundPageLinksFromTheSiteAddressSoItWorksAtAnyDepth() {
    Document notFound = page("404.html");
    assertEquals(
        BASE_URL + "assets/style.css", notFound.selectFirst("link[rel=stylesheet]").attr("href"));
    List<Element> links = notFound.select("a[href]");
    assertTrue(links.size() > 10, "nav, help and body links expected: " + links);
    for (Element a : links) {
      String href = a.attr("href");
      assertTrue(
          href.startsWith("#")
              || href.startsWith(BASE_URL)
              || href.startsWith("tel:")
              || href.startsWith("https://") && !href.contains("github.io"),
          a.toString());
    }
    // The body's Markdown links too, not only the template's.
    assertNotNull(notFound.selectFirst("main a[href=" + BASE_URL + "sources/]"));
  }

  @Test
  void everyChartHasANarrowPictureForPhones() {
    for (String id : List.of("instagram-share", "platforms-lockdown", "offences-per-quarter")) {
      byte[] narrow = result.files().get("charts/" + id + "-narrow.svg");
      assertNotNull(narrow, id + " has no narrow drawing");
      String svg = new String(narrow, StandardCharsets.UTF_8);
      assertTrue(
          svg.contains("width='260'")
              && svg.contains("role=\"img\"")
              && svg.contains("<title")
              && svg.contains("<desc"),
          id);
      Element source =
          page("lockdown-figures/index.html").selectFirst("#figure-" + id + " picture source");
      if (source != null) {
        assertEquals("../charts/" + id + "-narrow.svg", source.attr("srcset"));
        assertEquals("260", source.attr("width"));
        assertTrue(source.attr("media").contains("max-width"), source.toString());
      }
    }
  }

  @Test
  void contentNotesSitOnPagesAboutAbuse() {
    assertNotNull(page("lockdown-figures/index.html").selectFirst(".content-note"));
    assertEquals(null, page("get-help/index.html").selectFirst(".content-note"));
  }
}
