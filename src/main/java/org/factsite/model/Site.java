package org.factsite.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything loaded from a site folder: settings, articles, sources, statistics (given and derived)
 * and resolved charts. Immutable; maps keep a deterministic (sorted) order.
 */
public record Site(
    SiteConfig config,
    List<Article> articles,
    Map<String, Source> sources,
    Map<String, Statistic> statistics,
    Map<String, Chart> charts) {
  public Site {
    articles = List.copyOf(articles);
    sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    statistics = Collections.unmodifiableMap(new TreeMap<>(statistics));
    charts = Collections.unmodifiableMap(new TreeMap<>(charts));
  }
}
