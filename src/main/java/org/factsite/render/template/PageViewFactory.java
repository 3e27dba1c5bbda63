package org.factsite.render.template;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factsite.model.Article;
import org.factsite.model.NavLink;
import org.factsite.model.OutputPath;
import org.factsite.model.SiteConfig;
import org.factsite.render.markdown.LinkPolicy;

/**
 * Builds the view records for one page. Site-wide lists are built once and shared; per page only
 * the navigation (which marks the current page) and the page itself are new, so the cost per page
 * does not grow with the size of the site.
 */
public final class PageViewFactory {
  /** For years not of four digits only: made when first needed, which is rarely. */
  private static final class Display {
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  }

  private static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
  };

  /**
   * Newest first (undated last), then by order (unordered last), then by title, then by source
   * path: the order of every list on the site. Written out rather than chained from {@code
   * Comparator.comparing}, whose eight lambdas each cost a build a link on its first use.
   */
  public static final Comparator<Article> LIST_ORDER = new ListOrder();

  private static final class ListOrder implements Comparator<Article> {
    @Override
    public int compare(Article x, Article y) {
      int c = missingLast(x.meta().date(), y.meta().date(), true);
      if (c == 0) {
        c = missingLast(x.meta().order(), y.meta().order(), false);
      }
      if (c == 0) {
        c = x.meta().title().compareTo(y.meta().title());
      }
      return c != 0 ? c : x.sourcePath().compareTo(y.sourcePath());
    }

    /** {@code x} against {@code y}, largest first when {@code descending}; a missing one last. */
    private static <T extends Comparable<T>> int missingLast(T x, T y, boolean descending) {
      if (x == null || y == null) {
        return x == y ? 0 : x == null ? 1 : -1;
      }
      return descending ? y.compareTo(x) : x.compareTo(y);
    }
  }

  /** The layout of the page served for addresses that do not exist. */
  public static final String NOT_FOUND = "not-found";

  /**
   * What the site-wide lists are made of: an article's place in the order and what its list item
   * shows. Two builds with equal keys have equal lists.
   */
  private record ListKey(
      LocalDate date,
      Integer order,
      String title,
      String sourcePath,
      String summary,
      OutputPath output) {}

  private final SiteConfig config;
  private final List<ListKey> keys;
  private final List<Views.ListItemView> pages;
  private final List<Views.ListItemView> latest;

  public PageViewFactory(SiteConfig config, List<Article> articles) {
    this(config, articles, null);
  }

  /**
   * As {@link #PageViewFactory(SiteConfig, List)}, reusing {@code previous}'s lists (the same
   * instances) when no listed article's title, summary, date, order or address changed: the preview
   * server rebuilds after every save, and an edit to an article's text should not sort 10,000
   * articles again.
   */
  public PageViewFactory(SiteConfig config, List<Article> articles, PageViewFactory previous) {
    this.config = config;
    List<Article> listed = new ArrayList<>();
    List<ListKey> keys = new ArrayList<>();
    for (Article a : articles) {
      String layout = a.meta().layout();
      if (layout.equals("page")) {
        listed.add(a);
        keys.add(
            new ListKey(
                a.meta().date(),
                a.meta().order(),
                a.meta().title(),
                a.sourcePath(),
                a.meta().summary(),
                a.output()));
      }
    }
    this.keys = keys;
    if (previous != null && previous.keys.equals(keys)) {
      this.pages = previous.pages;
      this.latest = previous.latest;
      return;
    }
    listed.sort(LIST_ORDER);
    List<Views.ListItemView> items = new ArrayList<>(listed.size());
    for (Article a : listed) {
      items.add(item(a));
    }
    this.pages = Collections.unmodifiableList(items);
    this.latest = pages.subList(0, Math.min(10, pages.size()));
  }

  /**
   * A date as readers see it, "5 March 2020": {@code d MMMM yyyy} in British English, written out
   * for years of four digits, which spares a small site's build the first use of the formatter's
   * month names (about 14 ms of a ten-article build in round 17's profile); other years go to the
   * formatter.
   */
  static String display(LocalDate date) {
    int year = date.getYear();
    if (year < 1000 || year > 9999) {
      return Display.FORMAT.format(date);
    }
    return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + year;
  }

  public static Views.ListItemView item(Article a) {
    return new Views.ListItemView(
        a.meta().title(),
        a.meta().summary(),
        a.output().sitePath(),
        a.meta().date() == null ? null : display(a.meta().date()),
        a.meta().date() == null ? null : a.meta().date().toString());
  }

  /** Every listed page ({@code layout: page}), newest first then by order. */
  public List<Views.ListItemView> pages() {
    return pages;
  }

  /** The ten newest listed pages. */
  public List<Views.ListItemView> latest() {
    return latest;
  }

  public Views.SiteView site(String root, String currentPath) {
    List<Views.LinkView> nav = new ArrayList<>(config.nav().size());
    for (NavLink n : config.nav()) {
      boolean site = n.path().startsWith("/");
      String href = site ? LinkPolicy.relativise(n.path(), root) : n.path();
      boolean current = site && n.path().substring(1).equals(currentPath);
      nav.add(new Views.LinkView(n.title(), href, current));
    }
    return new Views.SiteView(
        config.title(), config.description(), config.language(), config.baseUrl(), nav);
  }

  /**
   * The prefix that leads from a page back to the site root: relative ("../") for every page, so
   * the site works under any sub-path, except the not-found page. GitHub Pages serves that one for
   * every missing address, at any depth ({@code /repo/lockdown-figures/typo}), where no relative
   * prefix would be right; its links start from the site's {@code base_url} instead.
   */
  public String root(Article a) {
    return a.meta().layout().equals(NOT_FOUND) ? config.baseUrl() : a.output().rootPrefix();
  }

  public Views.PageView page(Article a, String bodyHtml) {
    String root = root(a);
    String path = a.output().sitePath();
    return new Views.PageView(
        a.meta().title(),
        a.meta().summary(),
        a.meta().layout(),
        bodyHtml,
        root,
        path,
        config.baseUrl() + path,
        a.meta().date() == null ? null : display(a.meta().date()),
        a.meta().date() == null ? null : a.meta().date().toString(),
        a.meta().tags(),
        a.meta().contentNote(),
        a.meta().draft(),
        a.output().value().equals("index.html"));
  }

  /** The template model for a page; {@code extra} adds layout-specific values. */
  public Map<String, Object> model(Article a, String bodyHtml, Map<String, Object> extra) {
    Views.PageView page = page(a, bodyHtml);
    Map<String, Object> m = new java.util.HashMap<>(extra);
    m.put("page", page);
    m.put("site", site(page.root(), page.path()));
    m.put("pages", pages);
    m.put("latest", latest);
    return m;
  }
}
