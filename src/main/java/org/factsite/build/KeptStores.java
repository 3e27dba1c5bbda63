package org.factsite.build;

import java.nio.file.Path;
import org.factsite.check.PageFactsStore;
import org.factsite.load.ArticleStore;
import org.factsite.render.chart.ChartStore;
import org.factsite.render.markdown.BodyStore;
import org.factsite.render.template.PageStore;

/**
 * Where a build finds what earlier builds of the same site kept, and keeps what it makes: chart
 * drawings, loaded articles, rendered Markdown, rendered pages and what the checks read from each
 * page. A null store keeps nothing of its kind.
 */
public record KeptStores(
    ChartStore charts,
    ArticleStore articles,
    BodyStore bodies,
    PageStore pages,
    PageFactsStore pageFacts) {
  /** Nothing kept between builds. */
  public static final KeptStores NONE = new KeptStores(null, null, null, null, null);

  /**
   * The stores of the site named {@code siteKey} under {@code root} (the user's cache folder for
   * factsite), for the code named {@code identity}.
   */
  public static KeptStores in(Path root, String siteKey, String identity) {
    return new KeptStores(
        new ChartStore(root.resolve("charts").resolve(siteKey), identity),
        new ArticleStore(root.resolve("articles").resolve(siteKey + ".bin"), identity),
        new BodyStore(root.resolve("bodies").resolve(siteKey + ".bin"), identity),
        new PageStore(root.resolve("pages").resolve(siteKey + ".bin"), identity),
        new PageFactsStore(root.resolve("facts").resolve(siteKey + ".bin"), identity));
  }
}
