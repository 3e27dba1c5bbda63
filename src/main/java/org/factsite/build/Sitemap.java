package org.factsite.build;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.factsite.model.Article;
import org.factsite.model.OutputPath;
import org.factsite.model.Site;
import org.factsite.render.markdown.MarkdownResolver;

/**
 * Writes {@code sitemap.xml}: every published page at its full address, in path order. One instance
 * lives as long as its {@link SiteBuilder} and hands back the previous file while the pages and the
 * address are unchanged, so a rebuild after an edit to one article's text does not sort and escape
 * 10,000 addresses again.
 */
final class Sitemap {
  private List<OutputPath> lastPages;
  private String lastBaseUrl;
  private byte[] last;

  /** The sitemap of {@code site}, as UTF-8. */
  synchronized byte[] bytes(Site site) {
    List<OutputPath> pages = new ArrayList<>();
    for (Article a : site.articles()) {
      if (!a.meta().layout().equals("not-found") && !a.meta().draft()) {
        pages.add(a.output());
      }
    }
    String baseUrl = site.config().baseUrl();
    if (last == null || !pages.equals(lastPages) || !baseUrl.equals(lastBaseUrl)) {
      last = xml(pages, baseUrl).getBytes(StandardCharsets.UTF_8);
      lastPages = pages;
      lastBaseUrl = baseUrl;
    }
    return last;
  }

  private static String xml(List<OutputPath> pages, String baseUrl) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    List<OutputPath> sorted = new ArrayList<>(pages);
    sorted.sort(null);
    for (OutputPath o : sorted) {
      b.append("  <url><loc>")
          .append(MarkdownResolver.escape(baseUrl + o.sitePath()))
          .append("</loc></url>\n");
    }
    b.append("</urlset>\n");
    return b.toString();
  }
}
