package org.factsite.build;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
import org.factsite.render.chart.ChartPictures;
import org.factsite.render.chart.ChartDescriber;
import org.factsite.render.chart.ChartRenderer;
import org.factsite.render.chart.RenderedChart;
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
 * failed build touches nothing. Parsers, renderers and the chart cache are built once and reused
 * across builds (the preview server rebuilds with the same builder).
 */
public final class SiteBuilder {
  static final String STATIC_DIR = "templates/static/";
  static final String ASSETS_DIR = "assets/";

  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final SiteAssembler assembler = new SiteAssembler(ChartDescriber::describe);
  private final ChartCache charts = new ChartCache(new ChartRenderer());

  public BuildResult build(Inputs inputs, BuildOptions options) {
    Diagnostics d = new Diagnostics();
    List<PhaseTiming> timings = new ArrayList<>();
    long t0 = System.nanoTime();
    Optional<Site> maybeSite = assembler.assemble(inputs, options.includeDrafts(), options.baseUrl(), d);
    timings.add(timing("load", t0, maybeSite.map(s -> s.articles().size() + " articles, "
        + s.statistics().size() + " figures, " + s.charts().size() + " charts").orElse("failed")));
    if (maybeSite.isEmpty() || d.hasErrors()) {
      return failed(d, timings);
    }
    Site site = maybeSite.get();
    TemplateRenderer templates = new TemplateRenderer(inputs);
    SortedMap<String, byte[]> files = Collections.synchronizedSortedMap(new TreeMap<>());

    t0 = System.nanoTime();
    Map<String, FigureRenderer.ChartFiles> chartFiles = renderCharts(site, files, d);
    timings.add(timing("charts", t0, site.charts().size() + " charts"));

    t0 = System.nanoTime();
    List<ParsedMarkdown> parsed = site.articles().parallelStream().map(markdown::parse).toList();
    timings.add(timing("parse", t0, parsed.size() + " articles"));

    t0 = System.nanoTime();
    LinkPlaces places = new LinkPlaces();
    renderPages(site, parsed, templates, chartFiles, places, files, d);
    timings.add(timing("pages", t0, parsed.size() + " pages"));

    t0 = System.nanoTime();
    copyStatic(inputs, files, d);
    files.put(".nojekyll", new byte[0]);
    files.put("sitemap.xml", utf8(Sitemap.xml(site)));
    timings.add(timing("assets", t0, inputs.under(STATIC_DIR, "").size() + " files"));
    if (d.hasErrors()) {
      return failed(d, timings);
    }

    t0 = System.nanoTime();
    SiteChecks.run(files, site, places, inputs, d);
    timings.add(timing("check", t0, files.size() + " files"));
    if (d.hasErrors()) {
      return failed(d, timings);
    }
    return new BuildResult(new TreeMap<>(files), d.all(), timings, parsed.size());
  }

  private Map<String, FigureRenderer.ChartFiles> renderCharts(Site site,
      Map<String, byte[]> files, Diagnostics d) {
    Map<String, FigureRenderer.ChartFiles> out = new ConcurrentHashMap<>();
    site.charts().values().parallelStream().forEach(chart -> {
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
        out.put(chart.id(), new FigureRenderer.ChartFiles(base + ".svg", r.width(), r.height(),
            base + "-narrow.svg", narrow.width(), narrow.height(), base + ".csv", csv.length,
            base + ".json"));
      } catch (RuntimeException e) {
        // Editors see what went wrong in words, not a Java class name.
        d.error(chart.spec().pos(), "could not draw chart '" + chart.id() + "': "
            + (e.getMessage() == null ? "an internal error in the chart renderer"
                : e.getMessage()), "check the chart's bars and values");
      }
    });
    return out;
  }

  private void renderPages(Site site, List<ParsedMarkdown> parsed, TemplateRenderer templates,
      Map<String, FigureRenderer.ChartFiles> chartFiles, LinkPlaces places,
      Map<String, byte[]> files, Diagnostics d) {
    PageViewFactory views = new PageViewFactory(site.config(), site.articles());
    FigureRenderer figures = new FigureRenderer(templates, chartFiles, d);
    String sourcesPath = site.articles().stream()
        .filter(a -> a.meta().layout().equals("sources"))
        .map(a -> a.output().sitePath()).findFirst().orElse(null);
    Map<String, Object> sourcesModel = sourcesModel(site, parsed);
    Map<String, Boolean> templateOk = new ConcurrentHashMap<>();
    parsed.parallelStream().forEach(p -> {
      Article a = p.article();
      PageRefs refs = new PageRefs(views.root(a), site.statistics(), site.charts(),
          sourcesPath, figures::html, places);
      MarkdownResolver.resolve(p, refs, d);
      String body = markdown.render(p);
      String layout = a.meta().layout();
      String template = layout + ".ftlh";
      if (!templateOk.computeIfAbsent(template, t -> templates.template(t, d).isPresent())) {
        return;
      }
      Map<String, Object> extra = layout.equals("sources") ? sourcesModel : Map.of();
      templates.render(template, views.model(a, body, extra), a.sourcePath(), d)
          .ifPresent(html -> files.put(a.output().value(), utf8(html)));
    });
  }

  private static Map<String, Object> sourcesModel(Site site, List<ParsedMarkdown> parsed) {
    Map<String, List<Article>> usedBy = new HashMap<>();
    List<ParsedMarkdown> ordered = new ArrayList<>(parsed);
    ordered.sort((x, y) -> PageViewFactory.LIST_ORDER.compare(x.article(), y.article()));
    for (ParsedMarkdown p : ordered) {
      for (String id : p.statisticIds()) {
        usedBy.computeIfAbsent(id, k -> new ArrayList<>()).add(p.article());
      }
      for (String chartId : p.chartIds()) {
        Chart c = site.charts().get(chartId);
        if (c != null) {
          c.points().forEach(pt -> {
            List<Article> l = usedBy.computeIfAbsent(pt.statId(), k -> new ArrayList<>());
            if (!l.contains(p.article())) {
              l.add(p.article());
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
        d.error(new SourcePos(path, 1, 1),
            "this file name cannot be published: " + e.getMessage());
        continue;
      }
      String other = byKey.putIfAbsent(out.collisionKey(), path);
      if (other != null) {
        d.error(new SourcePos(path, 1, 1), "this file would be published as " + target
            + ", which " + other + " also writes (names must differ in more than case)",
            "rename one of them");
        continue;
      }
      files.put(target, inputs.bytes(path));
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
