package org.factsite.check;

import java.util.Map;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every chart figure keeps its promise to readers who cannot see it: a headline, a description,
 * a source line, a picture with a text alternative and a fixed size, a data table with a caption
 * and header cells with scope, and a CSV download. A template change that drops any of these
 * fails the build.
 */
final class FigureContractCheck {
  private FigureContractCheck() {}

  static void run(Map<String, Document> pages, Map<String, String> sourceOf, Diagnostics d) {
    pages.forEach((page, doc) -> {
      for (Element fig : doc.select("figure.chart")) {
        String id = fig.id().isEmpty() ? "(no id)" : fig.id();
        require(fig, ".chart-headline", "a headline", page, id, sourceOf, d);
        require(fig, ".chart-description", "a text description", page, id, sourceOf, d);
        require(fig, ".chart-source", "a source line", page, id, sourceOf, d);
        require(fig, "table caption", "a data table with a caption", page, id, sourceOf, d);
        require(fig, "table th[scope]", "table header cells with scope", page, id, sourceOf, d);
        require(fig, "a[href$=.csv]", "a CSV download link", page, id, sourceOf, d);
        Element img = fig.selectFirst("img");
        if (img == null || img.attr("alt").isBlank() || !img.hasAttr("width")
            || !img.hasAttr("height")) {
          fail(page, id, "a picture with alt text, width and height", sourceOf, d);
        }
        // Each alternative drawing a browser may pick instead needs its own size too, or the
        // page jumps when it loads on a phone.
        for (Element source : fig.select("picture source")) {
          if (!source.hasAttr("srcset") || !source.hasAttr("width")
              || !source.hasAttr("height")) {
            fail(page, id, "a size (width and height) on each <source> of its picture", sourceOf,
                d);
          }
        }
        for (Element cell : fig.select("table caption, .chart-description, .chart-headline")) {
          if (cell.text().isBlank()) {
            fail(page, id, "non-empty " + cell.className() + cell.tagName(), sourceOf, d);
          }
        }
      }
    });
  }

  private static void require(Element fig, String css, String what, String page, String id,
      Map<String, String> sourceOf, Diagnostics d) {
    if (fig.selectFirst(css) == null) {
      fail(page, id, what, sourceOf, d);
    }
  }

  private static void fail(String page, String id, String what, Map<String, String> sourceOf,
      Diagnostics d) {
    d.error(SourcePos.of(SiteChecks.origin(sourceOf, page)),
        "chart figure '" + id + "' on " + page + " lacks " + what,
        "check templates/figure.ftlh and the chart's YAML");
  }
}
