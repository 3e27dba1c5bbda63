package org.factsite.build;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.factsite.assemble.SiteAssembler;
import org.factsite.check.SiteChecks;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.load.Inputs;
import org.factsite.model.Article;
import org.factsite.model.Chart;
import org.factsite.model.OutputPath;
import org.factsite.model.Site;
import org.factsite.render.chart.ChartCache;
import org.factsite.render.chart.ChartDataFiles;
import org.factsite.render.chart.ChartDescriber;
import org.factsite.render.chart.ChartPictures;
import org.factsite.render.chart.ChartRenderer;
import org.factsite.render.chart.RenderedChart;
import org.factsite.render.markdown.Directive;
import org.factsite.render.markdown.LinkPlaces;
import org.factsite.render.markdown.MarkdownRenderer;
import org.factsite.render.markdown.MarkdownResolver;
import org.factsite.render.markdown.PageRefs;
import org.factsite.render.markdown.ParsedMarkdown;
import org.factsite.render.template.FigureRenderer;
import org.factsite.render.template.PageViewFactory;
import org.factsite.render.template.SourcesViewFactory;
import org.factsite.render.template.TemplateRenderer;

/**
 * The thin orchestrator: one method per phase, in order (assemble, charts, parse, pages, extras,
 * check). Returns every output file in memory; writing to disk is the caller's business, so a
 * failed build touches nothing. Parsers, renderers and caches are built once and reused across
 * builds: the preview server rebuilds with the same builder, and {@link BuildCache} lets it redo
 * only the pages an edit affects while producing exactly what a clean build would.
 */
public final class SiteBuilder {
  static final String STATIC_DIR = "templates/static/";
  static final String ASSETS_DIR = "assets/";

  /** Model variables every page gets that are the same for all pages, interned between builds. */
  private static final List<String> SHARED = List.of("pages", "latest", "statistics", "sources");

  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final BuildCache cache = new BuildCache();
  private final SiteAssembler assembler = new SiteAssembler(ChartDescriber::describe, cache);
  private final ChartCache charts = new ChartCache(new ChartRenderer());
  private final Sitemap sitemap = new Sitemap();

  /** The previous build's page lists, reused while no listed article's list fields change. */
  private PageViewFactory lastViews;

  public BuildResult build(Inputs inputs, BuildOptions options) {
    Diagnostics d = new Diagnostics();
    List<PhaseTiming> timings = new ArrayList<>();
    long t0 = System.nanoTime();
    Optional<Site> maybeSite =
        assembler.assemble(inputs, options.includeDrafts(), options.baseUrl(), d);
    cache.retain(inputs.all().keySet());
    timings.add(
        timing(
            "load",
            t0,
            maybeSite
                .map(
                    s ->
                        s.articles().size()
                            + " articles, "
                            + s.statistics().size()
                            + " figures, "
                            + s.charts().size()
                            + " charts")
                .orElse("failed")));
    if (maybeSite.isEmpty() || d.hasErrors()) {
      checkTemplates(inputs, d);
      return failed(d, timings);
    }
    Site site = maybeSite.get();
    TemplateRenderer templates = cache.templates(inputs);
    cache.settings(site.config());
    SortedMap<String, byte[]> files = Collections.synchronizedSortedMap(new TreeMap<>());

    t0 = System.nanoTime();
    Map<String, FigureRenderer.ChartFiles> chartFiles = renderCharts(site, files, d);
    timings.add(timing("charts", t0, site.charts().size() + " charts"));

    t0 = System.nanoTime();
    PageViewFactory views = new PageViewFactory(site.config(), site.articles(), lastViews);
    lastViews = views;
    String sourcesPath =
        site.articles().stream()
            .filter(a -> a.meta().layout().equals("sources"))
            .map(a -> a.output().sitePath())
            .findFirst()
            .orElse(null);
    Map<String, Body> fresh = parse(site, views, templates, chartFiles, sourcesPath);
    timings.add(timing("parse", t0, count(fresh.size(), site.articles().size(), "article")));

    t0 = System.nanoTime();
    LinkPlaces places = new LinkPlaces();
    int rendered =
        renderPages(site, fresh, views, sourcesPath, templates, chartFiles, places, files, d);
    timings.add(timing("pages", t0, count(rendered, site.articles().size(), "page")));

    t0 = System.nanoTime();
    copyStatic(inputs, files, d);
    files.put(".nojekyll", new byte[0]);
    files.put("sitemap.xml", sitemap.bytes(site));
    int assets = inputs.under(STATIC_DIR, "").size();
    timings.add(timing("assets", t0, assets + (assets == 1 ? " file" : " files")));
    if (d.hasErrors()) {
      return failed(d, timings);
    }

    t0 = System.nanoTime();
    SiteChecks.run(files, site, places, inputs, d, cache.checked());
    timings.add(timing("check", t0, files.size() + " files"));
    if (d.hasErrors()) {
      return failed(d, timings);
    }
    return new BuildResult(
        new TreeMap<>(files), d.all(), timings, site.articles().size(), rendered);
  }

  private Map<String, FigureRenderer.ChartFiles> renderCharts(
      Site site, Map<String, byte[]> files, Diagnostics d) {
    Map<String, FigureRenderer.ChartFiles> out = new ConcurrentHashMap<>();
    site.charts().values().parallelStream()
        .forEach(
            chart -> {
              try {
                ChartPictures pictures = charts.pictures(chart);
                RenderedChart r = pictures.wide();
                RenderedChart narrow = pictures.narrow();
                byte[] csv = utf8(ChartDataFiles.csv(chart));
                String base = "charts/" + chart.id();
                files.put(base + ".svg", utf8(r.svg()));
                files.put(base + "-narrow.svg", utf8(narrow.svg()));
                files.put(base + ".csv", csv);
                files.put(base + ".json", utf8(ChartDataFiles.json(chart)));
                out.put(
                    chart.id(),
                    new FigureRenderer.ChartFiles(
                        base + ".svg",
                        r.width(),
                        r.height(),
                        base + "-narrow.svg",
                        narrow.width(),
                        narrow.height(),
                        base + ".csv",
                        csv.length,
                        base + ".json"));
              } catch (RuntimeException e) {
                // Editors see what went wrong in words, not a Java class name.
                d.error(
                    chart.spec().pos(),
                    "could not draw chart '"
                        + chart.id()
                        + "': "
                        + (e.getMessage() == null
                            ? "an internal error in the chart renderer"
                            : e.getMessage()),
                    "check the chart's bars and values");
              }
            });
    return out;
  }

  /**
   * An article's Markdown resolved and rendered to HTML, with what resolving it reported. Kept
   * between the parse and pages phases instead of the Markdown tree, which is several times larger:
   * holding 10,000 trees took most of the heap (docs/performance.md).
   */
  private record Body(String html, Diagnostics diagnostics, LinkPlaces places) {}

  /**
   * Parses the articles whose references are not known yet (new or changed ones), records their
   * references, and renders their Markdown at once so that each tree is dropped straight away.
   */
  private Map<String, Body> parse(
      Site site,
      PageViewFactory views,
      TemplateRenderer templates,
      Map<String, FigureRenderer.ChartFiles> chartFiles,
      String sourcesPath) {
    Map<String, Body> fresh = new ConcurrentHashMap<>();
    site.articles().parallelStream()
        .filter(a -> cache.facts(a) == null)
        .forEach(
            a -> {
              ParsedMarkdown p = markdown.parse(a);
              cache.putFacts(
                  new BuildCache.Facts(
                      a,
                      p.statisticIds(),
                      p.chartIds(),
                      p.directives().stream().map(Directive::id).distinct().sorted().toList()));
              fresh.put(a.sourcePath(), body(p, site, views, templates, chartFiles, sourcesPath));
            });
    return fresh;
  }

  /** Fills in an article's references and renders its Markdown. */
  private Body body(
      ParsedMarkdown p,
      Site site,
      PageViewFactory views,
      TemplateRenderer templates,
      Map<String, FigureRenderer.ChartFiles> chartFiles,
      String sourcesPath) {
    Diagnostics local = new Diagnostics();
    FigureRenderer figures = new FigureRenderer(templates, chartFiles, local);
    LinkPlaces places = new LinkPlaces();
    PageRefs refs =
        new PageRefs(
            views.root(p.article()),
            site.statistics(),
            site.charts(),
            sourcesPath,
            figures::html,
            places);
    MarkdownResolver.resolve(p, refs, local);
    return new Body(markdown.render(p), local, places);
  }

  /** Renders every page whose inputs changed; returns how many were rendered. */
  private int renderPages(
      Site site,
      Map<String, Body> fresh,
      PageViewFactory views,
      String sourcesPath,
      TemplateRenderer templates,
      Map<String, FigureRenderer.ChartFiles> chartFiles,
      LinkPlaces places,
      Map<String, byte[]> files,
      Diagnostics d) {
    Map<String, Object> shared = new HashMap<>();
    shared.put("pages", cache.intern("pages", views.pages()));
    shared.put("latest", cache.intern("latest", views.latest()));
    Map<String, Object> sourcesModel = sourcesModel(site);
    sourcesModel.replaceAll((k, v) -> cache.intern(k, v));
    shared.putAll(sourcesModel);
    Map<String, Boolean> templateOk = new ConcurrentHashMap<>();
    AtomicInteger rendered = new AtomicInteger();
    site.articles().parallelStream()
        .forEach(
            a -> {
              String layout = a.meta().layout();
              String template = layout + ".ftlh";
              if (!templateOk.computeIfAbsent(
                  template, t -> templates.template(t, d).isPresent())) {
                return;
              }
              List<Object> deps = bodyDeps(cache.facts(a), site, chartFiles, sourcesPath);
              BuildCache.Page cached = cache.page(a, deps, shared);
              if (cached == null) {
                rendered.incrementAndGet();
                Body body = fresh.remove(a.sourcePath());
                if (body == null) {
                  body = body(markdown.parse(a), site, views, templates, chartFiles, sourcesPath);
                }
                cached = render(a, body, deps, views, templates, shared);
              }
              cached.diagnostics().forEach(d::add);
              places.addAll(cached.places());
              if (cached.html() != null) {
                files.put(a.output().value(), cached.html());
              }
            });
    return rendered.get();
  }

  private BuildCache.Page render(
      Article a,
      Body rendered,
      List<Object> deps,
      PageViewFactory views,
      TemplateRenderer templates,
      Map<String, Object> shared) {
    Diagnostics local = rendered.diagnostics();
    LinkPlaces places = rendered.places();
    String body = rendered.html();
    String layout = a.meta().layout();
    Map<String, Object> extra = new HashMap<>();
    if (layout.equals("sources")) {
      extra.put("statistics", shared.get("statistics"));
      extra.put("sources", shared.get("sources"));
    }
    Map<String, Object> base = views.model(a, body, extra);
    base.put("pages", shared.get("pages"));
    base.put("latest", shared.get("latest"));
    TrackedModel model = new TrackedModel(base);
    byte[] html =
        templates
            .render(layout + ".ftlh", model, a.sourcePath(), local)
            .map(SiteBuilder::utf8)
            .orElse(null);
    Map<String, Object> used = new HashMap<>();
    for (String key : model.read()) {
      if (SHARED.contains(key)) {
        used.put(key, model.get(key));
      }
    }
    BuildCache.Page page = new BuildCache.Page(a, deps, used, html, local.all(), places);
    if (!local.hasErrors()) {
      cache.putPage(page);
    }
    return page;
  }

  /** Everything outside the article that its body shows: each referenced figure and chart. */
  private static List<Object> bodyDeps(
      BuildCache.Facts facts,
      Site site,
      Map<String, FigureRenderer.ChartFiles> chartFiles,
      String sourcesPath) {
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

  private Map<String, Object> sourcesModel(Site site) {
    Map<String, List<Article>> usedBy = new HashMap<>();
    // Only articles that show a figure can use one: sorting just those gives the same order
    // and spares a rebuild sorting every article of a large site.
    List<Article> ordered = new ArrayList<>();
    for (Article a : site.articles()) {
      BuildCache.Facts f = cache.facts(a);
      if (!f.statisticIds().isEmpty() || !f.chartIds().isEmpty()) {
        ordered.add(a);
      }
    }
    ordered.sort(PageViewFactory.LIST_ORDER);
    for (Article a : ordered) {
      BuildCache.Facts f = cache.facts(a);
      for (String id : f.statisticIds()) {
        usedBy.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
      }
      for (String chartId : f.chartIds()) {
        Chart c = site.charts().get(chartId);
        if (c != null) {
          c.points()
              .forEach(
                  pt -> {
                    List<Article> l = usedBy.computeIfAbsent(pt.statId(), k -> new ArrayList<>());
                    if (!l.contains(a)) {
                      l.add(a);
                    }
                  });
        }
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statistics", SourcesViewFactory.statistics(site, usedBy));
    m.put("sources", SourcesViewFactory.sources(site));
    return m;
  }

  private static void copyStatic(Inputs inputs, Map<String, byte[]> files, Diagnostics d) {
    // GitHub Pages is served from case-sensitive storage but edited on laptops that are not:
    // two names that differ only in case would overwrite each other there.
    Map<String, String> byKey = new HashMap<>();
    for (String path : inputs.under(STATIC_DIR, "")) {
      String target = ASSETS_DIR + path.substring(STATIC_DIR.length());
      OutputPath out;
      try {
        out = new OutputPath(target);
      } catch (IllegalArgumentException e) {
        d.error(new SourcePos(path, 1, 1), "this file name cannot be published: " + e.getMessage());
        continue;
      }
      String other = byKey.putIfAbsent(out.collisionKey(), path);
      if (other != null) {
        d.error(
            new SourcePos(path, 1, 1),
            "this file would be published as "
                + target
                + ", which "
                + other
                + " also writes (names must differ in more than case)",
            "rename one of them");
        continue;
      }
      files.put(target, inputs.bytes(path));
    }
  }

  /** "12 pages", or "1 of 12 pages (the rest unchanged)" when a rebuild reused the others. */
  private static String count(int done, int total, String noun) {
    String nouns = total == 1 ? noun : noun + "s";
    return done == total
        ? total + " " + nouns
        : done + " of " + total + " " + nouns + " (the rest unchanged)";
  }

  /**
   * When the content cannot be loaded, nothing is rendered; the templates are still read, so one
   * run reports their syntax and safety errors alongside the content's.
   */
  private void checkTemplates(Inputs inputs, Diagnostics d) {
    TemplateRenderer templates = cache.templates(inputs);
    for (String path : inputs.under("templates/", ".ftlh")) {
      templates.template(path.substring("templates/".length()), d);
    }
  }

  private static BuildResult failed(Diagnostics d, List<PhaseTiming> timings) {
    return new BuildResult(new TreeMap<>(), d.all(), timings, 0);
  }

  private static PhaseTiming timing(String phase, long startNanos, String summary) {
    return new PhaseTiming(phase, (System.nanoTime() - startNanos) / 1_000_000, summary);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
