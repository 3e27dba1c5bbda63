package org.factsite.render.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.factsite.model.Article;
import org.factsite.model.Site;
import org.factsite.model.Source;
import org.factsite.model.Statistic;
import org.factsite.render.markdown.PageRefs;

/**
 * The sources page's table: every figure the site holds, with its value, unit, period, place,
 * caveat, sources, working (for derived figures) and the pages that show it.
 */
public final class SourcesViewFactory {
  private SourcesViewFactory() {}

  /** {@code usedBy} maps a statistic id to the articles that show it, in list order. */
  public static List<Views.StatisticView> statistics(Site site, Map<String, List<Article>> usedBy) {
    List<Views.StatisticView> out = new ArrayList<>();
    for (Statistic s : site.statistics().values()) {
      List<Views.SourceView> sources = new ArrayList<>();
      for (String id : s.sources()) {
        Source src = site.sources().get(id);
        if (src != null) {
          sources.add(FigureRenderer.source(src));
        }
      }
      List<Views.ListItemView> pages = new ArrayList<>();
      for (Article a : usedBy.getOrDefault(s.id(), List.of())) {
        pages.add(PageViewFactory.item(a));
      }
      out.add(
          new Views.StatisticView(
              s.id(),
              PageRefs.statAnchor(s.id()),
              s.label(),
              s.formatted(),
              s.unit(),
              s.period(),
              s.geography(),
              s.caveat(),
              s.derived() ? s.derivation().working() : null,
              sources,
              Collections.unmodifiableList(pages)));
    }
    return out;
  }

  public static List<Views.SourceView> sources(Site site) {
    List<Views.SourceView> out = new ArrayList<>(site.sources().size());
    for (Source s : site.sources().values()) {
      out.add(FigureRenderer.source(s));
    }
    return Collections.unmodifiableList(out);
  }
}
