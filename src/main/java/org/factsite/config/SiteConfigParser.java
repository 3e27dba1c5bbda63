package org.factsite.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.load.Fields;
import org.factsite.load.YamlNode;
import org.factsite.load.YamlReader;
import org.factsite.model.NavLink;
import org.factsite.model.SiteConfig;

/** Turns {@code site.yaml} into a {@link SiteConfig}; unknown keys are errors. */
public final class SiteConfigParser {
  public static final String PATH = "site.yaml";
  private static final Set<String> KEYS =
      Set.of("title", "description", "base_url", "language", "nav", "page_budget_kb");
  private static final Set<String> NAV_KEYS = Set.of("title", "path");

  private final YamlReader yaml;

  public SiteConfigParser(YamlReader yaml) {
    this.yaml = yaml;
  }

  /** Parses the text of site.yaml; returns empty after reporting when it is unusable. */
  public Optional<SiteConfig> parse(String text, Diagnostics diagnostics) {
    Optional<YamlNode> root = yaml.read(PATH, text, 0, text, diagnostics);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Fields f = Fields.of(root.get(), PATH, KEYS, text, diagnostics);
    if (f == null) {
      return Optional.empty();
    }
    String title = f.text("title", true);
    String description = f.text("description", false);
    String baseUrl = f.text("base_url", false);
    String language = f.text("language", false);
    if (baseUrl != null && !baseUrl.matches("https?://[^\\s\"'<>]+")) {
      diagnostics.error(
          f.posOf("base_url"),
          "base_url should be a full http(s) address, like " + "https://org.github.io/repo/",
          null,
          text);
      baseUrl = null;
    }
    if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
      diagnostics.error(
          f.posOf("language"), "language should be a language tag like en-GB", null, text);
      language = null;
    }
    Integer budget = f.integer("page_budget_kb");
    if (budget != null && budget <= 0) {
      diagnostics.error(
          f.posOf("page_budget_kb"),
          "page_budget_kb should be a whole number of kilobytes above" + " 0, like 250",
          null,
          text);
      budget = null;
    }
    List<NavLink> nav = new ArrayList<>();
    for (YamlNode item : f.list("nav", false)) {
      Fields n = Fields.of(item, "a nav entry", NAV_KEYS, text, diagnostics);
      if (n == null) {
        continue;
      }
      String t = n.text("title", true);
      String p = n.text("path", true);
      if (p != null && !p.startsWith("/") && !p.matches("https?://.*")) {
        diagnostics.error(
            n.posOf("path"), "a nav path should start with / (like /get-help/)", null, text);
        continue;
      }
      if (t != null && p != null) {
        nav.add(new NavLink(t, p));
      }
    }
    if (title == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SiteConfig(
            title,
            description == null ? "" : description,
            baseUrl == null ? "http://localhost/" : baseUrl,
            language == null ? "en" : language,
            nav,
            budget == null ? SiteConfig.DEFAULT_PAGE_BUDGET_KB : budget));
  }

  /** Reports a missing site.yaml. */
  public static void reportMissing(Diagnostics diagnostics) {
    diagnostics.error(
        SourcePos.of(PATH),
        "site.yaml is missing",
        "run the command in the site folder, or create site.yaml with at least 'title: …'");
  }
}
