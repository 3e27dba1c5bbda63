package org.factsite.build;

import java.nio.file.Path;
import org.factsite.check.PageFactsStore;
import org.factsite.keep.KeptFile;
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
        new ChartStore(charts(root, siteKey), identity),
        new ArticleStore(file(root, "articles", siteKey), identity),
        new BodyStore(file(root, "bodies", siteKey), identity),
        new PageStore(file(root, "pages", siteKey), identity),
        new PageFactsStore(file(root, "facts", siteKey), identity));
  }

  /**
   * What a preview of the site can use of what its builds kept, only read: chart drawings, loaded
   * articles and rendered Markdown, which do not depend on where the site is published. Rendered
   * pages and what the checks read from them do (every page holds the site's address, and the facts
   * are read at it), and the preview publishes at its own.
   */
  public static KeptStores readOnlyIn(Path root, String siteKey, String identity) {
    return new KeptStores(
        ChartStore.readOnly(charts(root, siteKey), identity),
        new ArticleStore(KeptFile.readOnly(file(root, "articles", siteKey), identity)),
        new BodyStore(KeptFile.readOnly(file(root, "bodies", siteKey), identity)),
        null,
        null);
  }

  private static Path charts(Path root, String siteKey) {
    return root.resolve("charts").resolve(siteKey);
  }

  private static Path file(Path root, String kind, String siteKey) {
    return root.resolve(kind).resolve(siteKey + ".bin");
  }
}
