package org.factsite.check;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.factsite.diag.Diagnostics;
import org.factsite.load.Inputs;
import org.factsite.model.Article;
import org.factsite.model.Site;
import org.factsite.render.markdown.LinkPlaces;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Runs every check over the built site in memory, before anything is written: links and anchors,
 * the chart figure contract, the content security policy, and page weight. Pages are parsed once (with jsoup) and shared.
 */
public final class SiteChecks {
  private SiteChecks() {}

  public static void run(Map<String, byte[]> files, Site site, Diagnostics d) {
    run(files, site, null, null, d);
  }

  /**
   * Runs every check; {@code places} (may be null) says where each Markdown link was written, so a
   * broken one is reported at its line and column; {@code inputs} (may be null) lets a page
   * problem that a template caused be reported in that template.
   */
  public static void run(Map<String, byte[]> files, Site site, LinkPlaces places,
      Inputs inputs, Diagnostics d) {
    Map<String, String> sourceOf = new HashMap<>();
    for (Article a : site.articles()) {
      sourceOf.put(a.output().value(), a.sourcePath());
    }
    Map<String, Document> pages = new ConcurrentHashMap<>();
    files.entrySet().parallelStream()
        .filter(e -> e.getKey().endsWith(".html"))
        .forEach(e -> pages.put(e.getKey(),
            Jsoup.parse(new String(e.getValue(), StandardCharsets.UTF_8))));
    String baseUrl = site.config().baseUrl();
    LinkCheck.run(pages, files.keySet(), sourceOf, places, baseUrl, d);
    CspCheck.run(pages, sourceOf, TemplatePlaces.of(inputs), baseUrl, d);
    FigureContractCheck.run(pages, sourceOf, d);
    PageBudgetCheck.run(pages, files, sourceOf, baseUrl, d);
  }

  /** The input a page was built from, for diagnostics; the output path when none. */
  static String origin(Map<String, String> sourceOf, String page) {
    return sourceOf.getOrDefault(page, page);
  }
}
