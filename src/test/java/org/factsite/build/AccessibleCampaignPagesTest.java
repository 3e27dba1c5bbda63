package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factsite.diag.Diagnostics;
import org.factsite.load.SourceTree;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's promises to readers, checked on every page the campaign build makes (no browser
 * needed): structure for screen readers, signposting to help, sharing tags, and charts whose data
 * download matches the table a reader sees.
 */
class AccessibleCampaignPagesTest {
  private static BuildResult result;
  private static final Map<String, Document> PAGES = new TreeMap<>();

  @BeforeAll
  static void build() throws Exception {
    Diagnostics d = new Diagnostics();
    result = new SiteBuilder().build(SourceTree.read(Path.of("."), d), BuildOptions.DEFAULT);
    assertTrue(result.ok(), () -> "campaign build failed: " + result.diagnostics());
    result
        .files()
        .forEach(
            (path, bytes) -> {
              if (path.endsWith(".html")) {
                PAGES.put(path, Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)));
              }
            });
    assertTrue(PAGES.size() >= 8, "pages: " + PAGES.keySet());
  }

  private static String text(String path) {
    return new String(result.files().get(path), StandardCharsets.UTF_8);
  }

  @Test
  void headingsStartAtOneH1AndNeverSkipALevel() {
    PAGES.forEach(
        (page, doc) -> {
          assertEquals(1, doc.select("h1").size(), page);
          int previous = 0;
          for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            assertTrue(
                level <= previous + 1,
                page + ": heading «" + h.text() + "» jumps from h" + previous + " to h" + level);
            previous = level;
          }
        });
  }

  @Test
  void everyPageHasLanguageLandmarksAndASkipLinkFirst() {
    PAGES.forEach(
        (page, doc) -> {
          assertEquals("en-GB", doc.selectFirst("html").attr("lang"), page);
          assertEquals(1, doc.select("header").size(), page + " header");
          assertEquals(1, doc.select("main#main").size(), page + " main");
          assertEquals(1, doc.select("footer").size(), page + " footer");
          assertFalse(doc.select("nav[aria-label]").isEmpty(), page + " labelled nav");
          Element first = doc.selectFirst("a[href]");
          assertEquals("#main", first.attr("href"), page + ": the first link must skip to main");
          assertEquals("Skip to main content", first.text());
          if (!page.equals("404.html") && !page.equals("accessibility/index.html")) {
            assertNotNull(
                doc.selectFirst("nav a[aria-current=page]"),
                page + " must mark itself as the current page in the navigation");
          }
        });
  }

  @Test
  void noPageNeedsJavaScriptOrLoadsAnythingFromElsewhere() {
    PAGES.forEach(
        (page, doc) -> {
          assertTrue(doc.select("script").isEmpty(), page + " has a script");
          assertTrue(
              doc.select("[onclick], [onload], [style], style").isEmpty(),
              page + " has inline script or style, which the CSP forbids");
          String csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
          assertTrue(csp.contains("default-src 'none'"), page + ": " + csp);
        });
  }

  @Test
  void everyImageHasASizeSoNothingShiftsWhileLoading() {
    PAGES.forEach(
        (page, doc) -> {
          for (Element img : doc.select("img, svg")) {
            assertTrue(img.hasAttr("width") && img.hasAttr("height"), page + ": " + img);
            assertTrue(img.hasAttr("alt") || img.tagName().equals("svg"), page + ": " + img);
          }
        });
  }

  @Test
  void everyPageSignpostsHelpAndPagesAboutAbuseCarryAContentNote() {
    PAGES.forEach(
        (page, doc) -> {
          Element box = doc.selectFirst("aside.help-box");
          assertNotNull(box, page + " has no Get help box");
          assertTrue(
              box.closest("main, footer, header") == null,
              page + ": the help box must be a landmark of its own");
          for (String need :
              List.of("Childline", "0800 1111", "NSPCC helpline", "0808 800 5000", "CEOP", "999")) {
            assertTrue(box.text().contains(need), page + " help box lacks " + need);
          }
        });
    // Driven by front matter: content_note: true on exactly these pages.
    for (String page :
        List.of(
            "index.html",
            "lockdown-figures/index.html",
            "online-harms-bill/index.html",
            "six-tests/index.html",
            "south-east/index.html")) {
      Element note = PAGES.get(page).selectFirst("main .content-note");
      assertNotNull(note, page + " needs a content note");
      assertTrue(note.text().startsWith("Content note:"), page);
      assertNotNull(note.selectFirst("a[href$=get-help/]"), page + ": the note links to help");
    }
    for (String page :
        List.of(
            "get-help/index.html", "sources/index.html", "accessibility/index.html", "404.html")) {
      assertTrue(PAGES.get(page).select(".content-note").isEmpty(), page);
    }
  }

  @Test
  void everyPageCanBeSharedWithTitleDescriptionCanonicalOpenGraphAndTwitterCard() {
    PAGES.forEach(
        (page, doc) -> {
          assertFalse(doc.title().isBlank(), page);
          for (String css :
              List.of(
                  "meta[name=description]",
                  "link[rel=canonical]",
                  "meta[property=og:title]",
                  "meta[property=og:description]",
                  "meta[property=og:url]",
                  "meta[property=og:type]",
                  "meta[name=twitter:card]",
                  "meta[name=twitter:title]")) {
            Element el = doc.selectFirst(css);
            assertNotNull(el, page + " lacks " + css);
            String value = el.hasAttr("content") ? el.attr("content") : el.attr("href");
            assertFalse(value.isBlank(), page + ": empty " + css);
          }
          assertTrue(
              doc.selectFirst("link[rel=canonical]")
                  .attr("href")
                  .startsWith("https://nspcc-campaigns.github.io/wild-west-web/"),
              page);
        });
    assertEquals(
        "https://nspcc-campaigns.github.io/wild-west-web/lockdown-figures/",
        PAGES.get("lockdown-figures/index.html").selectFirst("link[rel=canonical]").attr("href"));
  }

  @Test
  void sitemapListsEveryPublishedPageAndThe404PageHelpsReadersOn() {
    String sitemap = text("sitemap.xml");
    for (String page : PAGES.keySet()) {
      if (page.equals("404.html")) {
        assertFalse(sitemap.contains("404"), "the 404 page is not for search engines");
        continue;
      }
      String url =
          "https://nspcc-campaigns.github.io/wild-west-web/"
              + page.replaceFirst("index\\.html$", "");
      assertTrue(sitemap.contains("<loc>" + url + "</loc>"), "sitemap lacks " + url);
    }
    Document notFound = PAGES.get("404.html");
    assertEquals("Page not found", notFound.selectFirst("h1").text());
    Element main = notFound.selectFirst("main");
    assertNotNull(main.selectFirst("a[href$=get-help/]"), "404 page links to help");
    assertNotNull(main.selectFirst("a[href$=sources/]"), "404 page links to the figures");
    assertTrue(main.select("a").stream().anyMatch(a -> a.text().contains("home page")));
  }

  @Test
  void everyChartTableMatchesItsCsvCellForCellAndItsJsonSaysWhatTheNumbersAre() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int figures = 0;
    for (Map.Entry<String, Document> e : PAGES.entrySet()) {
      for (Element fig : e.getValue().select("figure.chart")) {
        figures++;
        String id = fig.id().substring("figure-".length());
        List<List<String>> csv = parseCsv(text("charts/" + id + ".csv"));
        JsonNode meta = json.readTree(text("charts/" + id + ".json"));
        for (String field : List.of("title", "unit", "period", "sources", "notes")) {
          assertTrue(meta.hasNonNull(field), id + ".json lacks " + field);
        }
        List<Element> rows = fig.select("tbody tr");
        assertEquals(csv.size() - 1, rows.size(), id + ": rows");
        assertEquals(
            fig.selectFirst("thead th:eq(1)").text(),
            csv.get(0).get(1),
            id + ": the value column is named alike");
        for (int i = 0; i < rows.size(); i++) {
          List<String> line = csv.get(i + 1);
          JsonNode point = meta.get("data").get(i);
          assertEquals(line.get(0), rows.get(i).selectFirst("th[scope=row]").text(), id);
          // The CSV keeps the raw number for spreadsheets; the table shows it formatted.
          assertEquals(
              0,
              new java.math.BigDecimal(line.get(1)).compareTo(point.get("value").decimalValue()),
              id + " row " + i);
          assertEquals(
              point.get("formatted").asText(),
              rows.get(i).selectFirst("td").text(),
              id + " row " + i);
        }
        Element download = fig.selectFirst("a[href$=" + id + ".csv]");
        int n = Integer.parseInt(fig.selectFirst(".chart-number").text().replace("Figure ", ""));
        assertTrue(
            download
                .text()
                .matches("Download the data for figure " + n + " \\(CSV, [0-9.,]+ (bytes|KB)\\)"),
            download.text());
        String svg = text("charts/" + id + ".svg");
        assertTrue(
            svg.contains("role=\"img\"") && svg.contains("<title") && svg.contains("<desc"),
            id + ".svg");
      }
    }
    assertTrue(figures >= 3, "expected the campaign's charts");
  }

  /** RFC 4180 CSV: quoted fields may hold commas and doubled quotes. */
  private static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.strip().split("\r?\n")) {
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          cells.add(cell.toString());
          cell.setLength(0);
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void theBuildRefusesAPageOverItsWeightBudgetAndNamesTheHeaviestAssets() throws Exception {
    Diagnostics d = new Diagnostics();
    var inputs = SourceTree.read(Path.of("."), d);
    Map<String, String> extra = new TreeMap<>();
    // A stylesheet padded past 250 KB weighs down every page that links it.
    extra.put(
        "templates/static/style.css",
        Files.readString(Path.of("templates/static/style.css"))
            + "/*"
            + "x".repeat(260 * 1024)
            + "*/\n");
    Map<String, byte[]> files = new TreeMap<>(inputs.all());
    extra.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
    BuildResult heavy =
        new SiteBuilder().build(new org.factsite.load.Inputs(files), BuildOptions.DEFAULT);
    assertFalse(heavy.ok());
    String messages = heavy.diagnostics().toString();
    assertTrue(
        messages.contains("index.html weighs") && messages.contains("over the 250 KB"), messages);
    assertTrue(messages.contains("assets/style.css ("), messages);
  }
}
