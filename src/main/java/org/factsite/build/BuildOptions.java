package org.factsite.build;

/**
 * What a build includes and where it will be published.
 *
 * @param includeDrafts also build articles marked {@code draft: true}
 * @param baseUrl when not null, replaces site.yaml's {@code base_url} (canonical links, sitemap):
 *     the deploy workflow passes the address GitHub Pages reports
 * @param kept where results are kept between runs ({@link KeptStores#NONE}: only for the life of
 *     the builder)
 */
public record BuildOptions(boolean includeDrafts, String baseUrl, KeptStores kept) {
  public static final BuildOptions DEFAULT = new BuildOptions(false, null);

  public BuildOptions {
    kept = kept == null ? KeptStores.NONE : kept;
  }

  public BuildOptions(boolean includeDrafts) {
    this(includeDrafts, null);
  }

  public BuildOptions(boolean includeDrafts, String baseUrl) {
    this(includeDrafts, baseUrl, KeptStores.NONE);
  }
}
