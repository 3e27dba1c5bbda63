package org.factsite.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.model.Article;
import org.factsite.model.Chart;
import org.factsite.model.ChartPoint;
import org.factsite.model.Site;
import org.factsite.render.markdown.BodyStore;
import org.factsite.render.markdown.Directive;
import org.factsite.render.markdown.LinkPlaces;
import org.factsite.render.markdown.MarkdownRenderer;
import org.factsite.render.markdown.MarkdownResolver;
import org.factsite.render.markdown.PageRefs;
import org.factsite.render.markdown.ParsedMarkdown;
import org.factsite.render.markdown.RenderedBody;
import org.factsite.render.template.FigureRenderer;
import org.factsite.render.template.PageStore;
import org.factsite.render.template.PageViewFactory;
import org.factsite.render.template.SourcesViewFactory;
import org.factsite.render.template.TemplateRenderer;
import org.factsite.render.template.WrittenPage;

/**
 * Makes every page of one build, each start to finish in one task: parse its Markdown, fill in its
 * figures, render it through its template, read what the checks need from it, and hand it on for
 * writing. One pass instead of a phase per step keeps each page's data hot in the cache, drops it
 * as soon as the page is done, and lets the disk work on early pages while later ones render.
 *
 * <p>Pages whose layout is {@code sources} list which pages use each figure, so they are made last,
 * once every other page's references are known. Pages whose inputs did not change since the last
 * build are taken from {@link BuildCache}.
 */
final class PagePass {
  /** Model variables every page gets that are the same for all pages, interned between builds. */
  private static final List<String> SHARED = List.of("pages", "latest", "statistics", "sources");

  private static final String SOURCES_LAYOUT = "sources";

  private final MarkdownRenderer markdown;
  private final BuildCache cache;
  private final Site site;
  private final PageViewFactory views;
  private final TemplateRenderer templates;
  private final Map<String, FigureRenderer.ChartFiles> chartFiles;
  private final LinkPlaces places;
  private final OutputFiles files;
  private final BodyStore bodies;
  private final PageStore keptPages;
  private final Diagnostics d;
  private final String sourcesPath;
  private final Map<String, Boolean> templateOk = new ConcurrentHashMap<>();
  private final CheckTemplate checkTemplate;
  private final AtomicInteger rendered = new AtomicInteger();

  /**
   * An article's Markdown resolved and rendered to HTML (with the start tags the renderer wrote,
   * when it was rendered in this build), and what resolving it reported.
   */
  private record Body(RenderedBody rendered, Diagnostics diagnostics, LinkPlaces places) {
    String html() {
      return rendered.html();
    }

    /** A body made by an earlier build (with the tags it recorded, if kept): nothing reported. */
    static Body earlier(RenderedBody rendered, LinkPlaces places) {
      return new Body(rendered, new Diagnostics(), places);
    }
  }

  PagePass(
      MarkdownRenderer markdown,
      BuildCache cache,
      Site site,
      PageViewFactory views,
      TemplateRenderer templates,
      Map<String, FigureRenderer.ChartFiles> chartFiles,
      LinkPlaces places,
      OutputFiles files,
      KeptStores kept,
      Diagnostics d) {
    this.markdown = markdown;
    this.cache = cache;
    this.site = site;
    this.views = views;
    this.templates = templates;
    this.chartFiles = chartFiles;
    this.places = places;
    this.files = files;
    this.bodies = kept.bodies();
    this.keptPages = kept.pages();
    this.d = d;
    this.checkTemplate = new CheckTemplate(templates, d);
    String sources = null;
    for (Article a : site.articles()) {
      if (a.meta().layout().equals(SOURCES_LAYOUT)) {
        sources = a.output().sitePath();
        break;
      }
    }
    this.sourcesPath = sources;
  }

  /** Makes every page; returns how many were rendered rather than reused. */
  int renderAll() {
    Map<String, Object> shared = new HashMap<>();
    shared.put("pages", cache.intern("pages", views.pages()));
    shared.put("latest", cache.intern("latest", views.latest()));
    List<Article> pages = new ArrayList<>();
    List<Article> last = new ArrayList<>();
    for (Article a : site.articles()) {
      if (a.meta().layout().equals(SOURCES_LAYOUT)) {
        last.add(a);
      } else {
        pages.add(a);
      }
    }
    Map<String, Body> early = new ConcurrentHashMap<>();
    if (keptPages == null || keptPages.keepsNone()) {
      // Every page will be rendered, and the first build of a process sets FreeMarker up and
      // parses the templates on one thread, while the other workers would wait for them: they
      // make the first pages' bodies meanwhile, which need no template.
      EachInParallel.meanwhile(
          new Runnable() {
            @Override
            public void run() {
              templatesReady();
            }
          },
          pages,
          new Consumer<Article>() {
            @Override
            public void accept(Article a) {
              if (cache.facts(a) == null) {
                early.put(a.sourcePath(), keptOrMade(a));
              }
            }
          });
    }
    EachInParallel.run(
        pages,
        new Consumer<Article>() {
          @Override
          public void accept(Article a) {
            page(a, shared, early.remove(a.sourcePath()));
          }
        });
    if (!last.isEmpty()) {
      // A sources page can show figures too, and then it is among the pages that use them:
      // its own references must be known before the list of users is made.
      Map<String, Body> sourcesBodies = new HashMap<>();
      for (Article a : last) {
        if (cache.facts(a) == null) {
          sourcesBodies.put(a.sourcePath(), body(parse(a)));
        }
      }
      Map<String, Object> sourcesModel = sourcesModel();
      for (Map.Entry<String, Object> e : sourcesModel.entrySet()) {
        e.setValue(cache.intern(e.getKey(), e.getValue()));
      }
      shared.putAll(sourcesModel);
      for (Article a : last) {
        page(a, shared, sourcesBodies.get(a.sourcePath()));
      }
    }
    if (bodies != null) {
      Set<String> sourcePaths = new HashSet<>();
      for (Article a : site.articles()) {
        sourcePaths.add(a.sourcePath());
      }
      bodies.save(sourcePaths);
    }
    if (keptPages != null) {
      Set<String> outputs = new HashSet<>();
      for (Article a : site.articles()) {
        outputs.add(a.output().value());
      }
      keptPages.save(outputs);
    }
    return rendered.get();
  }

  /** For the pages line of {@code --verbose}: how many bodies and pages the stores gave. */
  String keptSummary() {
    return SiteBuilder.keptSummary(
            bodies == null ? 0 : bodies.hits(), "articles' Markdown as in the last build")
        + SiteBuilder.keptSummary(
            keptPages == null ? 0 : keptPages.hits(), "pages as in the last build");
  }

  /**
   * Makes one page. {@code body} is its Markdown already rendered when its references had to be
   * known first or while the templates were set up; null to parse it here when it is not cached.
   */
  private void page(Article a, Map<String, Object> shared, Body body) {
    // With kept pages, a page found kept needs no template: its template is checked only when it
    // is rendered (a kept page was rendered cleanly from templates byte-identical to these).
    if (keptPages == null && !templateOk(a.meta().layout())) {
      return;
    }
    BuildCache.Facts facts = cache.facts(a);
    if (facts == null) {
      body = keptOrMade(a);
      facts = cache.facts(a);
    }
    List<Object> deps = bodyDeps(facts);
    BuildCache.Page page = cache.page(a, deps, shared);
    WrittenPage written = null;
    if (page == null) {
      rendered.incrementAndGet();
      if (body == null) {
        body = heldOrMade(a);
      }
      Made made = render(a, body, deps, shared);
      page = made.page();
      written = made.written();
    }
    for (Diagnostic x : page.diagnostics()) {
      d.add(x);
    }
    places.addAll(page.places());
    if (page.html() != null) {
      String out = a.output().value();
      // Read for the checks here, while the page is fresh; the check phase finds it read.
      cache
          .checked()
          .facts(
              out,
              page.html(),
              body == null ? null : body.rendered(),
              written,
              site.config().baseUrl());
      files.put(out, page.html());
    }
  }

  /**
   * An article's body as the last build made it, when the store kept it for the same text and root
   * prefix (see {@link BodyStore} for why nothing else can change it); otherwise parsed and
   * rendered now, and kept when it is clean.
   */
  private Body keptOrMade(Article a) {
    Body earlier = held(a);
    if (earlier == null && bodies != null) {
      BodyStore.Kept k = bodies.find(a, views.root(a), markdown).orElse(null);
      if (k != null) {
        // Held as well when the builder holds bodies: the preview server reads the store in its
        // first build only, and its later rebuilds find the body in memory.
        cache.putRendered(a, views.root(a), true, k.html(), k.places());
        earlier = Body.earlier(k.rendered(), k.places());
      }
    }
    if (earlier == null) {
      return made(parse(a));
    }
    // Only bodies without references are held or kept.
    cache.putFacts(new BuildCache.Facts(a, List.of(), List.of(), List.of()));
    return earlier;
  }

  /** The body held in memory from an earlier build of this builder, else made now. */
  private Body heldOrMade(Article a) {
    Body held = held(a);
    return held != null ? held : made(markdown.parse(a));
  }

  private Body held(Article a) {
    BuildCache.Rendered r = cache.rendered(a, views.root(a));
    return r == null ? null : Body.earlier(new RenderedBody(r.html(), null), r.places());
  }

  /**
   * Renders parsed Markdown, and keeps the body (in the store, and in memory when the builder holds
   * bodies) when nothing but its text and root prefix went into it: no references, no problems.
   */
  private Body made(ParsedMarkdown p) {
    Body made = body(p);
    boolean clean =
        p.refusal() == null && p.directives().isEmpty() && made.diagnostics().all().isEmpty();
    if (bodies != null) {
      bodies.keep(p.article(), clean, made.rendered(), made.places());
    }
    cache.putRendered(p.article(), views.root(p.article()), clean, made.html(), made.places());
    return made;
  }

  /** Parses an article's Markdown and records its references. */
  private ParsedMarkdown parse(Article a) {
    ParsedMarkdown p = markdown.parse(a);
    Set<String> allIds = new TreeSet<>();
    for (Directive x : p.directives()) {
      allIds.add(x.id());
    }
    cache.putFacts(new BuildCache.Facts(a, p.statisticIds(), p.chartIds(), List.copyOf(allIds)));
    return p;
  }

  /** Fills in an article's references and renders its Markdown; the tree is dropped after. */
  private Body body(ParsedMarkdown p) {
    Diagnostics local = new Diagnostics();
    FigureRenderer figures = new FigureRenderer(templates, chartFiles, local);
    LinkPlaces bodyPlaces = new LinkPlaces();
    PageRefs refs =
        new PageRefs(
            views.root(p.article()),
            site.statistics(),
            site.charts(),
            sourcesPath,
            figures,
            bodyPlaces);
    MarkdownResolver.resolve(p, refs, local);
    return new Body(markdown.renderRecorded(p), local, bodyPlaces);
  }

  /** A page made now, and its text as its template wrote it (null when kept or not rendered). */
  private record Made(BuildCache.Page page, WrittenPage written) {}

  private Made render(Article a, Body body, List<Object> deps, Map<String, Object> shared) {
    Diagnostics local = body.diagnostics();
    String layout = a.meta().layout();
    Map<String, Object> extra = new HashMap<>();
    if (layout.equals(SOURCES_LAYOUT)) {
      extra.put("statistics", shared.get("statistics"));
      extra.put("sources", shared.get("sources"));
    }
    Map<String, Object> base = views.model(a, body.html(), extra);
    base.put("pages", shared.get("pages"));
    base.put("latest", shared.get("latest"));
    String out = a.output().value();
    byte[] html = keptPage(out, layout, base);
    Map<String, Object> used = new HashMap<>();
    WrittenPage written = null;
    if (html != null) {
      // Which shared lists the template read is not known: as if it read them all.
      used.put("pages", base.get("pages"));
      used.put("latest", base.get("latest"));
    } else {
      if (keptPages != null && !templateOk(layout)) {
        return new Made(new BuildCache.Page(a, deps, used, null, local.all(), body.places()), null);
      }
      TrackedModel model = new TrackedModel(base);
      written =
          templates
              .renderPage(layout + ".ftlh", model, a.sourcePath(), local, body.html())
              .orElse(null);
      html = written == null ? null : SiteBuilder.utf8(written.text());
      if (keptPages != null && !layout.equals(SOURCES_LAYOUT)) {
        keptPages.keep(out, local.all().isEmpty(), html);
      }
      for (String key : model.read()) {
        if (SHARED.contains(key)) {
          used.put(key, model.get(key));
        }
      }
    }
    BuildCache.Page page = new BuildCache.Page(a, deps, used, html, local.all(), body.places());
    if (!local.hasErrors() && html != null) {
      cache.putPage(page);
    }
    return new Made(page, written);
  }

  /** Checks every layout's template the site uses, which sets the templates up on first use. */
  private void templatesReady() {
    for (Article a : site.articles()) {
      templateOk(a.meta().layout());
    }
  }

  /** Whether the layout's template parses and is safe; reported once per build when not. */
  private boolean templateOk(String layout) {
    return templateOk.computeIfAbsent(layout + ".ftlh", checkTemplate);
  }

  /** Run inside computeIfAbsent, so that several threads asking at once report a bad one once. */
  private static final class CheckTemplate implements Function<String, Boolean> {
    private final TemplateRenderer templates;
    private final Diagnostics d;

    CheckTemplate(TemplateRenderer templates, Diagnostics d) {
      this.templates = templates;
      this.d = d;
    }

    @Override
    public Boolean apply(String template) {
      return templates.template(template, d).isPresent();
    }
  }

  /**
   * The page as the last build rendered it from the same model and templates, or null. Pages with
   * layout-specific values (the sources page) are always rendered.
   */
  private byte[] keptPage(String out, String layout, Map<String, Object> model) {
    if (keptPages == null || layout.equals(SOURCES_LAYOUT)) {
      return null;
    }
    try {
      return keptPages.find(out, layout, model.get("page"), model.get("site"));
    } catch (IllegalArgumentException e) {
      return null; // a model value the key cannot write: rendered, never kept
    }
  }

  /** Everything outside the article that its body shows: each referenced figure and chart. */
  private List<Object> bodyDeps(BuildCache.Facts facts) {
    List<Object> deps = new ArrayList<>();
    deps.add(Objects.requireNonNullElse(sourcesPath, ""));
    for (String id : facts.allIds()) {
      deps.add(id);
      deps.add(Optional.ofNullable(site.statistics().get(id)));
      deps.add(Optional.ofNullable(site.charts().get(id)));
      deps.add(Optional.ofNullable(chartFiles.get(id)));
    }
    return deps;
  }

  private Map<String, Object> sourcesModel() {
    Map<String, List<Article>> usedBy = new HashMap<>();
    // Only articles that show a figure can use one: sorting just those gives the same order
    // and spares a rebuild sorting every article of a large site.
    List<Article> ordered = new ArrayList<>();
    for (Article a : site.articles()) {
      BuildCache.Facts f = cache.facts(a);
      if (f != null && (!f.statisticIds().isEmpty() || !f.chartIds().isEmpty())) {
        ordered.add(a);
      }
    }
    ordered.sort(PageViewFactory.LIST_ORDER);
    for (Article a : ordered) {
      BuildCache.Facts f = cache.facts(a);
      for (String id : f.statisticIds()) {
        users(usedBy, id).add(a);
      }
      for (String chartId : f.chartIds()) {
        Chart c = site.charts().get(chartId);
        if (c != null) {
          for (ChartPoint pt : c.points()) {
            List<Article> l = users(usedBy, pt.statId());
            if (!l.contains(a)) {
              l.add(a);
            }
          }
        }
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statistics", SourcesViewFactory.statistics(site, usedBy));
    m.put("sources", SourcesViewFactory.sources(site));
    return m;
  }

  private static List<Article> users(Map<String, List<Article>> usedBy, String statId) {
    List<Article> l = usedBy.get(statId);
    if (l == null) {
      l = new ArrayList<>();
      usedBy.put(statId, l);
    }
    return l;
  }
}
