package org.factsite.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Every chart figure keeps its promise to readers who cannot see it: a headline, a description, a
 * source line, a picture with a text alternative and a fixed size, a data table with a caption and
 * header cells with scope, and a CSV download. A template change that drops any of these fails the
 * build.
 */
final class FigureContractCheck {
  private static final Evaluator CHART_FIGURES = QueryParser.parse("figure.chart");

  private FigureContractCheck() {}

  static void run(Map<String, PageFacts> pages, Map<String, String> sourceOf, Diagnostics d) {
    pages.forEach(
        (page, facts) -> {
          for (PageFacts.FigureProblem p : facts.figureProblems()) {
            d.error(
                SourcePos.of(SiteChecks.origin(sourceOf, page)),
                "chart figure '" + p.figureId() + "' on " + page + " lacks " + p.lacks(),
                "check templates/figure.ftlh and the chart's YAML");
          }
        });
  }

  /** What each chart figure on one page lacks, in document order. */
  static List<PageFacts.FigureProblem> problems(Document doc) {
    List<PageFacts.FigureProblem> out = new ArrayList<>();
    for (Element fig : doc.select(CHART_FIGURES)) {
      String id = fig.id().isEmpty() ? "(no id)" : fig.id();
      require(fig, ".chart-headline", "a headline", id, out);
      require(fig, ".chart-description", "a text description", id, out);
      require(fig, ".chart-source", "a source line", id, out);
      require(fig, "table caption", "a data table with a caption", id, out);
      require(fig, "table th[scope]", "table header cells with scope", id, out);
      require(fig, "a[href$=.csv]", "a CSV download link", id, out);
      Element img = fig.selectFirst("img");
      if (img == null
          || img.attr("alt").isBlank()
          || !img.hasAttr("width")
          || !img.hasAttr("height")) {
        out.add(new PageFacts.FigureProblem(id, "a picture with alt text, width and height"));
      }
      // Each alternative drawing a browser may pick instead needs its own size too, or the
      // page jumps when it loads on a phone.
      for (Element source : fig.select("picture source")) {
        if (!source.hasAttr("srcset") || !source.hasAttr("width") || !source.hasAttr("height")) {
          out.add(
              new PageFacts.FigureProblem(
                  id, "a size (width and height) on each <source> of its picture"));
        }
      }
      for (Element cell : fig.select("table caption, .chart-description, .chart-headline")) {
        if (cell.text().isBlank()) {
          out.add(
              new PageFacts.FigureProblem(id, "non-empty " + cell.className() + cell.tagName()));
        }
      }
    }
    return out;
  }

  private static void require(
      Element fig, String css, String what, String id, List<PageFacts.FigureProblem> out) {
    if (fig.selectFirst(css) == null) {
      out.add(new PageFacts.FigureProblem(id, what));
    }
  }
}
