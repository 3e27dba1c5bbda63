package org.factsite.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
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
  /**
   * Parsed once, not on every figure of every page, and only by a build with a chart figure: a
   * class of their own, so that a site without charts never loads jsoup's selector parser.
   */
  private static final class Queries {
    static final Evaluator HEADLINE = QueryParser.parse(".chart-headline");
    static final Evaluator DESCRIPTION = QueryParser.parse(".chart-description");
    static final Evaluator SOURCE = QueryParser.parse(".chart-source");
    static final Evaluator CAPTION = QueryParser.parse("table caption");
    static final Evaluator SCOPED_HEADER = QueryParser.parse("table th[scope]");
    static final Evaluator CSV_LINK = QueryParser.parse("a[href$=.csv]");
    static final Evaluator IMG = QueryParser.parse("img");
    static final Evaluator PICTURE_SOURCES = QueryParser.parse("picture source");
    static final Evaluator TEXTS =
        QueryParser.parse("table caption, .chart-description, .chart-headline");
  }

  private FigureContractCheck() {}

  static void run(Map<String, PageFacts> pages, Map<String, String> sourceOf, Diagnostics d) {
    for (Map.Entry<String, PageFacts> e : pages.entrySet()) {
      String page = e.getKey();
      for (PageFacts.FigureProblem p : e.getValue().figureProblems()) {
        d.error(
            SourcePos.of(SiteChecks.origin(sourceOf, page)),
            "chart figure '" + p.figureId() + "' on " + page + " lacks " + p.lacks(),
            "check templates/figure.ftlh and the chart's YAML");
      }
    }
  }

  /** Whether {@code el} is a chart figure, whose contract {@link #problems} checks. */
  static boolean isChartFigure(Element el) {
    return el.nameIs("figure") && el.hasClass("chart");
  }

  /**
   * What each of a page's chart figures lacks, in document order. The figures were picked out in
   * the walk that read the page's other facts; only their own subtrees are searched here.
   */
  static List<PageFacts.FigureProblem> problems(List<Element> figures) {
    List<PageFacts.FigureProblem> out = new ArrayList<>();
    for (Element fig : figures) {
      String id = fig.id().isEmpty() ? "(no id)" : fig.id();
      require(fig, Queries.HEADLINE, "a headline", id, out);
      require(fig, Queries.DESCRIPTION, "a text description", id, out);
      require(fig, Queries.SOURCE, "a source line", id, out);
      require(fig, Queries.CAPTION, "a data table with a caption", id, out);
      require(fig, Queries.SCOPED_HEADER, "table header cells with scope", id, out);
      require(fig, Queries.CSV_LINK, "a CSV download link", id, out);
      Element img = fig.selectFirst(Queries.IMG);
      if (img == null
          || img.attr("alt").isBlank()
          || !img.hasAttr("width")
          || !img.hasAttr("height")) {
        out.add(new PageFacts.FigureProblem(id, "a picture with alt text, width and height"));
      }
      // Each alternative drawing a browser may pick instead needs its own size too, or the
      // page jumps when it loads on a phone.
      for (Element source : fig.select(Queries.PICTURE_SOURCES)) {
        if (!source.hasAttr("srcset") || !source.hasAttr("width") || !source.hasAttr("height")) {
          out.add(
              new PageFacts.FigureProblem(
                  id, "a size (width and height) on each <source> of its picture"));
        }
      }
      for (Element cell : fig.select(Queries.TEXTS)) {
        if (cell.text().isBlank()) {
          out.add(
              new PageFacts.FigureProblem(id, "non-empty " + cell.className() + cell.tagName()));
        }
      }
    }
    return out;
  }

  private static void require(
      Element fig, Evaluator query, String what, String id, List<PageFacts.FigureProblem> out) {
    if (fig.selectFirst(query) == null) {
      out.add(new PageFacts.FigureProblem(id, what));
    }
  }
}
