package org.factsite.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The page reading as it was before it became one walk of the tree: a selector query per fact. Kept
 * as the reference {@link PageFactsEquivalenceTest} compares the one-walk reading against, so a
 * fact the faster reading loses or reorders fails a test.
 */
final class SelectorPageFacts {
  private SelectorPageFacts() {}

  private static final Evaluator WITH_ID = QueryParser.parse("[id]");
  private static final Evaluator NAMED_ANCHORS = QueryParser.parse("a[name]");
  private static final Evaluator REFS =
      QueryParser.parse("a[href], link[href], img[src], script[src]");
  private static final Evaluator SRCSETS = QueryParser.parse("source[srcset]");
  private static final Evaluator LOADED =
      // rel trimmed and compared ignoring case (older jsoup did this for [rel=stylesheet]; 1.24
      // does not)
      QueryParser.parse("link[rel~=(?i)^\\s*stylesheet\\s*$][href], img[src], script[src]");
  private static final Evaluator META_QUERY =
      QueryParser.parse("meta[http-equiv~=(?i)^content-security-policy$]");
  private static final Evaluator CHART_FIGURES = QueryParser.parse("figure.chart");

  static PageFacts of(String page, byte[] html, String baseUrl) {
    Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    Set<String> ids = new HashSet<>();
    for (Element el : doc.select(WITH_ID)) {
      ids.add(el.id());
    }
    for (Element el : doc.select(NAMED_ANCHORS)) {
      ids.add(el.attr("name"));
    }
    List<String> refs = new ArrayList<>();
    for (Element el : doc.select(REFS)) {
      refs.add(el.attr(el.hasAttr("href") ? "href" : "src"));
    }
    for (Element el : doc.select(SRCSETS)) {
      refs.addAll(LinkCheck.srcsetUrls(el.attr("srcset")));
    }
    // Each download a page makes, with its alternatives: a browser fetches one candidate of a
    // <picture> (the phone drawing or the wide one), so the budget counts the largest.
    List<List<String>> assets = new ArrayList<>();
    for (Element el : doc.select(LOADED)) {
      List<String> group = new ArrayList<>();
      group.add(
          LinkCheck.localise(page, el.hasAttr("href") ? el.attr("href") : el.attr("src"), baseUrl));
      Element parent = el.parent();
      if (el.normalName().equals("img")
          && parent != null
          && parent.normalName().equals("picture")) {
        for (Element source : parent.select(SRCSETS)) {
          for (String url : LinkCheck.srcsetUrls(source.attr("srcset"))) {
            group.add(LinkCheck.localise(page, url, baseUrl));
          }
        }
      }
      assets.add(group);
    }
    Map<String, Optional<String>> targets = new HashMap<>();
    for (String ref : refs) {
      String pathPart = LinkCheck.pathPart(LinkCheck.localise(page, ref, baseUrl));
      if (!pathPart.isEmpty() && !targets.containsKey(pathPart)) {
        targets.put(pathPart, Optional.ofNullable(LinkCheck.resolve(page, pathPart)));
      }
    }
    for (List<String> group : assets) {
      for (String ref : group) {
        targets.computeIfAbsent(
            LinkCheck.pathPart(ref), k -> Optional.ofNullable(LinkCheck.resolve(page, k)));
      }
    }
    return new PageFacts(
        ids, refs, assets, figureProblems(doc), targets, cspProblems(doc, baseUrl));
  }

  /**
   * The policy problems by the old order: the policy meta tag first, then every element of the page
   * in document order. The rules for one element are the production ones (they moved, they did not
   * change); what this compares is which elements the one walk visits, and in what order.
   */
  static List<CspCheck.Problem> cspProblems(Document doc, String baseUrl) {
    List<CspCheck.Problem> p = new ArrayList<>();
    Element meta = doc.selectFirst(META_QUERY);
    CspCheck.policyProblems(meta == null ? null : ElementView.of(meta), p);
    for (Element el : doc.getAllElements()) {
      CspCheck.elementProblems(ElementView.of(el), baseUrl, p);
    }
    return p;
  }

  /** What each chart figure on one page lacks, in document order. */
  static List<PageFacts.FigureProblem> figureProblems(Document doc) {
    List<PageFacts.FigureProblem> out = new ArrayList<>();
    for (Element fig : doc.select(CHART_FIGURES)) {
      String id = fig.id().isEmpty() ? "(no id)" : fig.id();
      require(fig, ".chart-headline", "a headline", id, out);
      require(fig, ".chart-description", "a text description", id, out);
      require(fig, ".chart-source", "a source line", id, out);
      require(fig, "table caption", "a data table with a caption", id, out);
      require(fig, "table th[scope]", "table header cells with scope", id, out);
      require(fig, "a[href$=.csv]", "a CSV download link", id, out);
      Element img = fig.selectFirst("img");
      if (img == null
          || img.attr("alt").isBlank()
          || !img.hasAttr("width")
          || !img.hasAttr("height")) {
        out.add(new PageFacts.FigureProblem(id, "a picture with alt text, width and height"));
      }
      // Each alternative drawing a browser may pick instead needs its own size too, or the
      // page jumps when it loads on a phone.
      for (Element source : fig.select("picture source")) {
        if (!source.hasAttr("srcset") || !source.hasAttr("width") || !source.hasAttr("height")) {
          out.add(
              new PageFacts.FigureProblem(
                  id, "a size (width and height) on each <source> of its picture"));
        }
      }
      for (Element cell : fig.select("table caption, .chart-description, .chart-headline")) {
        if (cell.text().isBlank()) {
          out.add(
              new PageFacts.FigureProblem(id, "non-empty " + cell.className() + cell.tagName()));
        }
      }
    }
    return out;
  }

  private static void require(
      Element fig, String css, String what, String id, List<PageFacts.FigureProblem> out) {
    if (fig.selectFirst(css) == null) {
      out.add(new PageFacts.FigureProblem(id, what));
    }
  }
}
