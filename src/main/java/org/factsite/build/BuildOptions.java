package org.factsite.build;

import org.factsite.check.PageFactsStore;
import org.factsite.render.chart.ChartStore;
import org.factsite.render.markdown.BodyStore;

/**
 * What a build includes and where it will be published.
 *
 * @param includeDrafts also build articles marked {@code draft: true}
 * @param baseUrl when not null, replaces site.yaml's {@code base_url} (canonical links, sitemap):
 *     the deploy workflow passes the address GitHub Pages reports
 * @param chartStore when not null, where drawn charts are kept between runs; null keeps them only
 *     for the life of the builder
 * @param factsStore when not null, where what the checks read from each page is kept between runs
 * @param bodyStore when not null, where articles' rendered Markdown is kept between runs
 */
public record BuildOptions(
    boolean includeDrafts,
    String baseUrl,
    ChartStore chartStore,
    PageFactsStore factsStore,
    BodyStore bodyStore) {
  public static final BuildOptions DEFAULT = new BuildOptions(false, null);

  public BuildOptions(boolean includeDrafts) {
    this(includeDrafts, null);
  }

  public BuildOptions(boolean includeDrafts, String baseUrl) {
    this(includeDrafts, baseUrl, null, null, null);
  }
}
