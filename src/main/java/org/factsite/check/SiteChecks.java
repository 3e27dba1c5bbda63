package org.factsite.check;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.factsite.diag.Diagnostics;
import org.factsite.load.Inputs;
import org.factsite.model.Article;
import org.factsite.model.Site;
import org.factsite.render.markdown.LinkPlaces;

/**
 * Runs every check over the built site in memory, before the site is published: links and anchors,
 * the chart figure contract, the content security policy, and page weight. Each page is parsed once
 * (with jsoup) into its {@link PageFacts}, usually by the task that rendered it, and the parsed
 * page is dropped.
 */
public final class SiteChecks {
  private SiteChecks() {}

  public static void run(Map<String, byte[]> files, Site site, Diagnostics d) {
    run(files, site, null, null, d);
  }

  /**
   * Runs every check; {@code places} (may be null) says where each Markdown link was written, so a
   * broken one is reported at its line and column; {@code inputs} (may be null) lets a page problem
   * that a template caused be reported in that template.
   */
  public static void run(
      Map<String, byte[]> files, Site site, LinkPlaces places, Inputs inputs, Diagnostics d) {
    run(files, site, places, inputs, d, new PageFactsCache());
  }

  /**
   * Runs every check, reading pages through {@code cache}, which a long-lived builder keeps across
   * rebuilds so that only pages whose bytes changed are parsed again.
   */
  public static void run(
      Map<String, byte[]> files,
      Site site,
      LinkPlaces places,
      Inputs inputs,
      Diagnostics d,
      PageFactsCache cache) {
    Map<String, String> sourceOf = new HashMap<>();
    for (Article a : site.articles()) {
      sourceOf.put(a.output().value(), a.sourcePath());
    }
    String baseUrl = site.config().baseUrl();
    Map<String, PageFacts> pages = new ConcurrentHashMap<>();
    files.entrySet().parallelStream()
        .forEach(
            new Consumer<Map.Entry<String, byte[]>>() {
              @Override
              public void accept(Map.Entry<String, byte[]> e) {
                if (e.getKey().endsWith(".html")) {
                  pages.put(e.getKey(), cache.facts(e.getKey(), e.getValue(), baseUrl));
                }
              }
            });
    cache.retain(pages.keySet());
    cache.keep(pages.keySet(), baseUrl);
    // A plain hash map: the callers' sorted, synchronised map costs a lock and a dozen string
    // comparisons per look-up, and the checks look up every link of every page.
    Map<String, byte[]> byPath = new HashMap<>(files);
    Set<String> changed = cache.changedPages();
    int before = d.errorCount();
    LinkCheck.run(
        pages,
        cache.linksToCheck(byPath.keySet(), pages.keySet()),
        byPath.keySet(),
        sourceOf,
        places,
        baseUrl,
        d);
    boolean linksClean = d.errorCount() == before;
    // A page's policy depends only on its own bytes, so after a clean check only the changed
    // pages are reported again. The problems were read with the page's other facts: parsing
    // every page a second time (and holding every parsed page) doubled the check's cost.
    before = d.errorCount();
    Map<String, PageFacts> policyPages = new HashMap<>();
    for (String p : cache.cspToCheck(pages.keySet(), changed)) {
      if (pages.containsKey(p)) {
        policyPages.put(p, pages.get(p));
      }
    }
    CspCheck.run(policyPages, sourceOf, TemplatePlaces.of(inputs), d);
    cache.checked(byPath.keySet(), linksClean, d.errorCount() == before);
    FigureContractCheck.run(pages, sourceOf, d);
    PageBudgetCheck.run(pages, byPath, site.config().pageBudgetKb(), sourceOf, d);
  }

  /** The input a page was built from, for diagnostics; the output path when none. */
  static String origin(Map<String, String> sourceOf, String page) {
    return sourceOf.getOrDefault(page, page);
  }
}
