package org.factsite.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * What the checks need from one built page, read with jsoup in one walk of its tree ({@link
 * PageScan}): the ids it offers as anchors, every address it links to or loads, the assets it
 * loads, what its chart figures lack and how it breaks the content security policy. The parsed page
 * is dropped once these are read. A page's facts depend only on its own bytes, so {@link
 * PageFactsCache} keeps them while the page is unchanged and a rebuild parses only the pages it
 * rendered.
 */
public record PageFacts(
    Set<String> ids,
    List<String> refs,
    List<List<String>> assets,
    List<FigureProblem> figureProblems,
    Map<String, Optional<String>> targets,
    List<CspCheck.Problem> cspProblems) {

  /** No facts: a body with nothing in it, put into a frame read for any page. */
  static final PageFacts NONE =
      new PageFacts(Set.of(), List.of(), List.of(), List.of(), Map.of(), List.of());

  /** A chart figure on the page that lacks something readers need. */
  public record FigureProblem(String figureId, String lacks) {}

  public PageFacts {
    ids = Set.copyOf(ids);
    refs = List.copyOf(refs);
    List<List<String>> groups = new ArrayList<>(assets.size());
    for (List<String> group : assets) {
      groups.add(List.copyOf(group)); // a loop: a stream here cost every page a pipeline
    }
    assets = List.copyOf(groups);
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
    return of(page, new String(html, StandardCharsets.UTF_8), baseUrl);
  }

  /** Reads a page already decoded to {@code text}. */
  static PageFacts of(String page, String text, String baseUrl) {
    return from(PageScan.of(Jsoup.parse(text), page, baseUrl), page, baseUrl, null);
  }

  /**
   * The facts a walk gathered, with each relative address resolved; {@code known} (null for none)
   * holds facts whose link targets are already resolved for this page.
   */
  static PageFacts from(PageScan scan, String page, String baseUrl, PageFacts known) {
    List<String> refs = refs(scan);
    List<CspCheck.Problem> csp = new ArrayList<>();
    CspCheck.policyProblems(scan.policyMeta, csp);
    csp.addAll(scan.elementProblems);
    return new PageFacts(
        scan.ids,
        refs,
        scan.assets,
        FigureContractCheck.problems(scan.chartFigures),
        targets(refs, scan.assets, page, baseUrl, known),
        csp);
  }

  /**
   * The facts of an article body's walk, to be put into a page: its ids, links and downloads with
   * their targets, and no policy or figure facts (a body has no policy of its own; the page's is
   * read from the rest of it, and a body with a problem or a figure is not read apart).
   */
  static PageFacts ofBody(PageScan scan, String page, String baseUrl) {
    List<String> refs = refs(scan);
    return new PageFacts(
        scan.ids,
        refs,
        scan.assets,
        List.of(),
        targets(refs, scan.assets, page, baseUrl, null),
        List.of());
  }

  /** The walk's links, then its {@code <source srcset>} addresses. */
  private static List<String> refs(PageScan scan) {
    List<String> refs = new ArrayList<>(scan.refs.size() + scan.srcsetRefs.size());
    refs.addAll(scan.refs);
    refs.addAll(scan.srcsetRefs);
    return refs;
  }

  /** Where each link and download leads from {@code page}, with those {@code known} already. */
  private static Map<String, Optional<String>> targets(
      List<String> refs, List<List<String>> assets, String page, String baseUrl, PageFacts known) {
    Map<String, Optional<String>> targets =
        known == null ? new HashMap<>() : new HashMap<>(known.targets());
    for (String ref : refs) {
      String pathPart = LinkCheck.pathPart(LinkCheck.localise(page, ref, baseUrl));
      if (!pathPart.isEmpty()) {
        addTarget(targets, page, pathPart);
      }
    }
    for (List<String> group : assets) {
      for (String ref : group) {
        addTarget(targets, page, LinkCheck.pathPart(ref));
      }
    }
    return targets;
  }

  private static void addTarget(
      Map<String, Optional<String>> targets, String page, String pathPart) {
    if (!targets.containsKey(pathPart)) {
      targets.put(pathPart, Optional.ofNullable(LinkCheck.resolve(page, pathPart)));
    }
  }
}
