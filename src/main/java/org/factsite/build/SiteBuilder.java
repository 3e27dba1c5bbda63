package org.factsite.build;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.factsite.assemble.ChartResolver;
import org.factsite.assemble.SiteAssembler;
import org.factsite.check.SiteChecks;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.load.Inputs;
import org.factsite.model.Chart;
import org.factsite.model.ChartPoint;
import org.factsite.model.ChartSpec;
import org.factsite.model.OutputPath;
import org.factsite.model.Site;
import org.factsite.render.chart.ChartCache;
import org.factsite.render.chart.ChartDataFiles;
import org.factsite.render.chart.ChartDescriber;
import org.factsite.render.chart.ChartPictures;
import org.factsite.render.chart.ChartRenderer;
import org.factsite.render.chart.RenderedChart;
import org.factsite.render.markdown.LinkPlaces;
import org.factsite.render.markdown.MarkdownRenderer;
import org.factsite.render.template.FigureRenderer;
import org.factsite.render.template.PageStore;
import org.factsite.render.template.PageViewFactory;
import org.factsite.render.template.TemplateRenderer;

/**
 * The thin orchestrator: one method per phase, in order (assemble, charts, pages, extras, check).
 * Returns every output file in memory and hands each to an {@link OutputSink} as it is made; the
 * caller decides what a failed build's files become (the build command writes them into a staging
 * folder that only a successful build swaps in, so a failed build touches nothing). Parsers,
 * renderers and caches are built once and reused across builds: the preview server rebuilds with
 * the same builder, and {@link BuildCache} lets it redo only the pages an edit affects while
 * producing exactly what a clean build would.
 */
public final class SiteBuilder {
  static final String STATIC_DIR = "templates/static/";
  static final String ASSETS_DIR = "assets/";

  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final BuildCache cache = new BuildCache();
  private final SiteAssembler assembler = new SiteAssembler(new DescribeChart(), cache);
  private final ChartCache charts = new ChartCache(new ChartRenderer());
  private final Sitemap sitemap = new Sitemap();

  /** The previous build's page lists, reused while no listed article's list fields change. */
  private PageViewFactory lastViews;

  /**
   * For a builder that will build the same site again and again (the preview server): from now on
   * it holds articles' clean rendered bodies in memory, and the checks read each page's body apart
   * from the rest, so a change to what every page lists (a title) renders and reads only the pages'
   * frames. Costs memory about the size of the site's article bodies.
   */
  public SiteBuilder holdingBodies() {
    cache.holdBodies();
    return this;
  }

  public BuildResult build(Inputs inputs, BuildOptions options) {
    return build(inputs, options, OutputSink.NONE);
  }

  /**
   * Builds the site, handing each file to {@code sink} as soon as it is made (and checked, for
   * pages), so that writing overlaps building. The sink sees files of a build that may still fail:
   * it must keep them out of the reader's sight until the result says the build succeeded.
   */
  public BuildResult build(Inputs inputs, BuildOptions options, OutputSink sink) {
    Diagnostics d = new Diagnostics();
    List<PhaseTiming> timings = new ArrayList<>();
    long t0 = System.nanoTime();
    assembler.keepIn(options.kept().articles());
    Optional<Site> maybeSite =
        assembler.assemble(inputs, options.includeDrafts(), options.baseUrl(), d);
    cache.retain(inputs.all().keySet());
    String loaded = "failed";
    if (maybeSite.isPresent()) {
      Site s = maybeSite.get();
      loaded =
          s.articles().size()
              + " articles, "
              + s.statistics().size()
              + " figures, "
              + s.charts().size()
              + " charts"
              + keptSummary(assembler.keptHits(), "articles as in the last build");
    }
    timings.add(timing("load", t0, loaded));
    if (maybeSite.isEmpty() || d.hasErrors()) {
      checkTemplates(inputs, d);
      return failed(d, timings);
    }
    Site site = maybeSite.get();
    TemplateRenderer templates = cache.templates(inputs);
    cache.settings(site.config());
    sink.expect(site.articles().size() + site.charts().size());
    OutputFiles files = new OutputFiles(sink);
    charts.keepIn(options.kept().charts());
    cache.checked().keepIn(options.kept().pageFacts());

    t0 = System.nanoTime();
    Map<String, FigureRenderer.ChartFiles> chartFiles = renderCharts(site, files, d);
    timings.add(timing("charts", t0, site.charts().size() + " charts"));

    t0 = System.nanoTime();
    PageViewFactory views = new PageViewFactory(site.config(), site.articles(), lastViews);
    lastViews = views;
    LinkPlaces places = new LinkPlaces();
    PageStore keptPages = options.kept().pages();
    if (keptPages != null) {
      keptPages.begin(inputs, views.pages(), views.latest());
    }
    PagePass pass =
        new PagePass(
            markdown, cache, site, views, templates, chartFiles, places, files, options.kept(), d);
    int rendered = pass.renderAll();
    timings.add(
        timing("pages", t0, count(rendered, site.articles().size(), "page") + pass.keptSummary()));

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
    SiteChecks.run(files.view(), site, places, inputs, d, cache.checked());
    timings.add(
        timing(
            "check",
            t0,
            files.size()
                + " files"
                + keptSummary(
                    cache.checked().keptHits(), "pages as in the last build, not read again")
                + keptSummary(
                    cache.checked().keptBodies(),
                    "changed pages read without their article body, as in the last build")));
    if (d.hasErrors()) {
      return failed(d, timings);
    }
    charts.retainOnDisk(site.charts().values());
    return new BuildResult(files.sorted(), d.all(), timings, site.articles().size(), rendered);
  }

  private Map<String, FigureRenderer.ChartFiles> renderCharts(
      Site site, OutputFiles files, Diagnostics d) {
    Map<String, FigureRenderer.ChartFiles> out = new ConcurrentHashMap<>();
    // Shared out one at a time like pages: charts cost unequal amounts to draw.
    EachInParallel.run(List.copyOf(site.charts().values()), new DrawChart(charts, files, out, d));
    return out;
  }

  /** Draws one chart into its files and records them in {@code out}; a failure is reported. */
  private static final class DrawChart implements Consumer<Chart> {
    private final ChartCache charts;
    private final OutputFiles files;
    private final Map<String, FigureRenderer.ChartFiles> out;
    private final Diagnostics d;

    DrawChart(
        ChartCache charts,
        OutputFiles files,
        Map<String, FigureRenderer.ChartFiles> out,
        Diagnostics d) {
      this.charts = charts;
      this.files = files;
      this.out = out;
      this.d = d;
    }

    @Override
    public void accept(Chart chart) {
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
    }
  }

  private static final class DescribeChart implements ChartResolver.Describer {
    @Override
    public String describe(
        ChartSpec spec, List<ChartPoint> points, String unit, String period, String geography) {
      return ChartDescriber.describe(spec, points, unit, period, geography);
    }
  }

  private static void copyStatic(Inputs inputs, OutputFiles files, Diagnostics d) {
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

  /** " (N what)" for a phase's line when N results were found kept, else nothing. */
  static String keptSummary(int kept, String what) {
    return kept == 0 ? "" : " (" + kept + " " + what + ")";
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
