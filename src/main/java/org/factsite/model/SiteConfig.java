package org.factsite.model;

import java.util.List;

/** The settings in {@code site.yaml}. */
public record SiteConfig(
    String title, String description, String baseUrl, String language, List<NavLink> nav) {
  public SiteConfig {
    nav = List.copyOf(nav);
    if (!baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }
  }
}
