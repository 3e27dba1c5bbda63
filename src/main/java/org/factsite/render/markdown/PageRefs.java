package org.factsite.render.markdown;

import java.util.Map;
import org.factsite.model.Chart;
import org.factsite.model.Statistic;

/**
 * What a page's references can resolve against: the statistics and charts of the site, the relative
 * prefix from the page back to the site root, where the sources page is, and how a chart's figure
 * is written.
 *
 * @param sourcesPath site path of the sources page ({@code sources/}), or null when none exists
 * @param places where each internal link was written, for the link check
 */
public record PageRefs(
    String rootPrefix,
    Map<String, Statistic> statistics,
    Map<String, Chart> charts,
    String sourcesPath,
    FigureHtml figures,
    LinkPlaces places) {

  /** References without a record of link places (tests, previews). */
  public PageRefs(
      String rootPrefix,
      Map<String, Statistic> statistics,
      Map<String, Chart> charts,
      String sourcesPath,
      FigureHtml figures) {
    this(rootPrefix, statistics, charts, sourcesPath, figures, new LinkPlaces());
  }

  /** Writes the HTML of one chart figure for a page. */
  public interface FigureHtml {
    String html(Chart chart, int number, String rootPrefix);
  }

  /** The anchor of a statistic's entry on the sources page. */
  public static String statAnchor(String id) {
    return "stat-" + id.replace('_', '-');
  }
}
