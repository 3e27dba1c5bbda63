package org.factsite.build;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.factsite.assemble.ArticleMemo;
import org.factsite.check.PageFactsCache;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.load.Inputs;
import org.factsite.model.Article;
import org.factsite.model.SiteConfig;
import org.factsite.render.markdown.LinkPlaces;
import org.factsite.render.template.TemplateRenderer;

/**
 * What one {@link SiteBuilder} remembers between builds of the same site, so that a rebuild redoes
 * only what an edit affects. Every entry is keyed by the content it was made from, never by time:
 *
 * <ul>
 *   <li>a loaded article, by the file's bytes (the same array when the file did not change);
 *   <li>an article's references ({@code {{stat}}}, {@code {{chart}}}), by the article;
 *   <li>a rendered page, by the article, the values of the figures and charts it references, and
 *       the site-wide lists its templates actually read (by identity: {@link #intern} hands out the
 *       previous instance when a list is unchanged);
 *   <li>what the checks read from a page, by the page's bytes;
 *   <li>the template renderer, by the bytes of every template. A template or {@code site.yaml}
 *       change forgets every page.
 * </ul>
 *
 * A cached result is therefore the result a clean build would produce. Thread-safe.
 */
final class BuildCache implements ArticleMemo {
  private record Loaded(byte[] bytes, Optional<Article> article, List<Diagnostic> diagnostics) {}

  /** An article's references, as parsed from its body. */
  record Facts(
      Article article, List<String> statisticIds, List<String> chartIds, List<String> allIds) {}

  /** A rendered page and everything it was rendered from. */
  record Page(
      Article article,
      List<Object> bodyDeps,
      Map<String, Object> shared,
      byte[] html,
      List<Diagnostic> diagnostics,
      LinkPlaces places) {}

  /**
   * An article's rendered body without references or problems, as rendered from this Markdown with
   * this root prefix: all it depends on (see {@code render/markdown/BodyStore}).
   */
  record Rendered(String markdown, String root, String html, LinkPlaces places) {}

  private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();
  private volatile boolean holdBodies;
  private final Map<String, Loaded> loads = new ConcurrentHashMap<>();
  private final Map<String, Facts> facts = new ConcurrentHashMap<>();
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Map<String, Object> interned = new HashMap<>();
  private final PageFactsCache checked = new PageFactsCache();
  private Map<String, byte[]> templateFiles = Map.of();
  private TemplateRenderer renderer;
  private SiteConfig config;

  @Override
  public Optional<Article> article(
      String path, byte[] bytes, Diagnostics d, Function<Diagnostics, Optional<Article>> load) {
    Loaded l = loads.get(path);
    if (l == null || !(l.bytes() == bytes || Arrays.equals(l.bytes(), bytes))) {
      Diagnostics local = new Diagnostics();
      l = new Loaded(bytes, load.apply(local), local.all());
      loads.put(path, l);
    }
    for (Diagnostic x : l.diagnostics()) {
      d.add(x);
    }
    return l.article();
  }

  /**
   * The template renderer for these inputs: the previous one while every template is unchanged (it
   * keeps its parsed templates), a new one otherwise, which also forgets every page.
   */
  synchronized TemplateRenderer templates(Inputs inputs) {
    Map<String, byte[]> now = new HashMap<>();
    for (String p : inputs.under("templates/", "")) {
      if (!p.startsWith(SiteBuilder.STATIC_DIR)) {
        now.put(p, inputs.bytes(p));
      }
    }
    if (renderer == null || !sameBytes(templateFiles, now)) {
      templateFiles = now;
      renderer = new TemplateRenderer(inputs);
      pages.clear();
    }
    return renderer;
  }

  /** Starts a build with these settings; changed settings forget every page. */
  synchronized void settings(SiteConfig c) {
    // A first build has nothing to compare with (and spares the record's equals its set-up).
    if (config == null || !c.equals(config)) {
      config = c;
      pages.clear();
    }
  }

  /** {@code value}, or the instance remembered under {@code key} when that one is equal. */
  @SuppressWarnings("unchecked")
  synchronized <T> T intern(String key, T value) {
    Object before = interned.get(key);
    if (Objects.equals(before, value)) {
      return (T) before;
    }
    interned.put(key, value);
    return value;
  }

  Facts facts(Article a) {
    Facts f = facts.get(a.sourcePath());
    return f != null && (f.article() == a || f.article().equals(a)) ? f : null;
  }

  void putFacts(Facts f) {
    facts.put(f.article().sourcePath(), f);
  }

  /** The page rendered from exactly these inputs, or null. */
  Page page(Article a, List<Object> bodyDeps, Map<String, Object> sharedNow) {
    Page p = pages.get(a.sourcePath());
    if (p == null || !p.article().equals(a) || !p.bodyDeps().equals(bodyDeps)) {
      return null;
    }
    for (Map.Entry<String, Object> e : p.shared().entrySet()) {
      if (sharedNow.get(e.getKey()) != e.getValue()) {
        return null;
      }
    }
    return p;
  }

  void putPage(Page p) {
    pages.put(p.article().sourcePath(), p);
  }

  /**
   * Holds articles' clean rendered bodies in memory from now on, and has the checks read each
   * page's body apart from the rest: for a builder that builds the same site again and again (the
   * preview server), where a new title in every page's list of the latest would otherwise parse and
   * render every article's Markdown again and read every page whole. About the size of the site's
   * HTML bodies (50 MB for 10,000 articles of 5 KB).
   */
  void holdBodies() {
    holdBodies = true;
    checked.readBodiesApart();
  }

  /** The article's body as rendered before from the same Markdown and root prefix, or null. */
  Rendered rendered(Article a, String root) {
    Rendered r = holdBodies ? rendered.get(a.sourcePath()) : null;
    return r != null && r.markdown().equals(a.body()) && r.root().equals(root) ? r : null;
  }

  /** Holds a clean rendered body, when bodies are held; forgets the article's otherwise. */
  void putRendered(Article a, String root, boolean clean, String html, LinkPlaces places) {
    if (!holdBodies) {
      return;
    }
    if (clean) {
      rendered.put(a.sourcePath(), new Rendered(a.body(), root, html, places));
    } else {
      rendered.remove(a.sourcePath());
    }
  }

  /** Each page's facts for the checks, kept while the page's bytes are unchanged. */
  PageFactsCache checked() {
    return checked;
  }

  /** Forgets files and pages that no longer exist, so memory follows the site's size. */
  void retain(Set<String> inputPaths) {
    // retainAll asks the argument about every key: a hash set answers in constant time, the
    // inputs' sorted key set with a dozen string comparisons (a third of a 10,000-page rebuild).
    Set<String> keep = inputPaths instanceof HashSet<String> h ? h : new HashSet<>(inputPaths);
    loads.keySet().retainAll(keep);
    facts.keySet().retainAll(keep);
    pages.keySet().retainAll(keep);
    rendered.keySet().retainAll(keep);
  }

  private static boolean sameBytes(Map<String, byte[]> a, Map<String, byte[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, byte[]> e : a.entrySet()) {
      byte[] other = b.get(e.getKey());
      if (e.getValue() != other && !Arrays.equals(e.getValue(), other)) {
        return false;
      }
    }
    return true;
  }
}
