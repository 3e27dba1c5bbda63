package org.factsite.build;

import org.factsite.model.Article;
import org.factsite.model.Site;
import org.factsite.render.markdown.MarkdownResolver;

/** Writes {@code sitemap.xml}: every published page at its full address, in path order. */
final class Sitemap {
  private Sitemap() {}

  static String xml(Site site) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    site.articles().stream()
        .filter(a -> !a.meta().layout().equals("not-found") && !a.meta().draft())
        .map(Article::output)
        .sorted()
        .forEach(o -> b.append("  <url><loc>")
            .append(MarkdownResolver.escape(site.config().baseUrl() + o.sitePath()))
            .append("</loc></url>\n"));
    b.append("</urlset>\n");
    return b.toString();
  }
}
