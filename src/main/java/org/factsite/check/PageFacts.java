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
 * What the checks need from one built page, read once with jsoup: the ids it offers as anchors,
 * every address it links to or loads, the assets it loads, what its chart figures lack and how it
 * breaks the content security policy. The parsed page is dropped once these are read. A page's
 * facts depend only on its own bytes, so {@link PageFactsCache} keeps them while the page is
 * unchanged and a rebuild parses only the pages it rendered.
 */
public record PageFacts(
    Set<String> ids,
    List<String> refs,
    List<List<String>> assets,
    List<FigureProblem> figureProblems,
    Map<String, Optional<String>> targets,
    List<CspCheck.Problem> cspProblems) {

  /** A chart figure on the page that lacks something readers need. */
  public record FigureProblem(String figureId, String lacks) {}

  // Selectors parsed once: jsoup parses a query string on every select(String) call, which was
  // a tenth of the check's time over 10,000 pages.
  private static final Evaluator WITH_ID = QueryParser.parse("[id]");
  private static final Evaluator NAMED_ANCHORS = QueryParser.parse("a[name]");
  private static final Evaluator REFS =
      QueryParser.parse("a[href], link[href], img[src], script[src]");
  private static final Evaluator SRCSETS = QueryParser.parse("source[srcset]");
  private static final Evaluator LOADED =
      QueryParser.parse("link[rel=stylesheet][href], img[src], script[src]");

  public PageFacts {
    ids = Set.copyOf(ids);
    refs = List.copyOf(refs);
    assets = assets.stream().map(List::copyOf).toList();
    figureProblems = List.copyOf(figureProblems);
    targets = Map.copyOf(targets);
    cspProblems = List.copyOf(cspProblems);
  }

  /**
   * The site path a relative address on this page leads to (empty when it climbs above the root),
   * worked out once per page: resolving thousands of URIs on every rebuild is what made checking
   * slow.
   */
  String target(String page, String pathPart) {
    Optional<String> t = targets.get(pathPart);
    return t != null ? t.orElse(null) : LinkCheck.resolve(page, pathPart);
  }

  /**
   * Reads a page. {@code baseUrl} is the site's own address: absolute links under it are internal,
   * and are resolved like relative ones.
   */
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
        ids,
        refs,
        assets,
        FigureContractCheck.problems(doc),
        targets,
        CspCheck.problems(doc, baseUrl));
  }
}
