package org.factsite.model;

import java.util.List;

/**
 * The settings in {@code site.yaml}. {@code pageBudgetKb} is the most a page may weigh with the
 * stylesheet, images and charts it loads.
 */
public record SiteConfig(
    String title,
    String description,
    String baseUrl,
    String language,
    List<NavLink> nav,
    int pageBudgetKb) {
  /** The default page budget: light enough for readers on slow phones. */
  public static final int DEFAULT_PAGE_BUDGET_KB = 250;

  public SiteConfig {
    nav = List.copyOf(nav);
    if (!baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }
    if (pageBudgetKb <= 0) {
      throw new IllegalArgumentException("page budget must be positive");
    }
  }

  /** Settings with the default page budget. */
  public SiteConfig(
      String title, String description, String baseUrl, String language, List<NavLink> nav) {
    this(title, description, baseUrl, language, nav, DEFAULT_PAGE_BUDGET_KB);
  }
}
