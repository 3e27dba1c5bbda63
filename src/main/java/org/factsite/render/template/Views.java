package org.factsite.render.template;

import java.util.List;

/**
 * The records templates see. Templates never see loaders, services or the model itself: only these
 * plain values, already formatted, with links already relative to the page.
 */
public final class Views {
  private Views() {}

  /** Site-wide values. {@code nav} hrefs are relative to the page being rendered. */
  public record SiteView(
      String title, String description, String language, String baseUrl, List<LinkView> nav) {}

  /** A link with its text; {@code current} marks the page being rendered. */
  public record LinkView(String title, String href, boolean current) {}

  /**
   * The page being rendered. {@code root} is the relative prefix back to the site root ("./" or
   * "../"); {@code body} is HTML our Markdown renderer produced.
   */
  public record PageView(
      String title,
      String summary,
      String layout,
      String body,
      String root,
      String path,
      String canonicalUrl,
      String date,
      String dateIso,
      List<String> tags,
      boolean contentNote,
      boolean draft,
      boolean home) {}

  /** A page in a list: {@code path} is its site path ("posts/a/"), to be put after root. */
  public record ListItemView(
      String title, String summary, String path, String date, String dateIso) {}

  /** One row of the sources page: a figure with everything that lets a reader check it. */
  public record StatisticView(
      String id,
      String anchor,
      String label,
      String value,
      String unit,
      String period,
      String geography,
      String caveat,
      String working,
      List<SourceView> sources,
      List<ListItemView> usedBy) {}

  /** A source document. */
  public record SourceView(
      String id,
      String title,
      String publisher,
      String published,
      String document,
      String url,
      String underlying) {}

  /** One row of a chart's data table. */
  public record RowView(String label, String value) {}

  /**
   * A chart figure: everything the figure template writes. Hrefs are relative to the page; the
   * narrow picture is the one phones are given instead of the wide one.
   */
  public record ChartView(
      String id,
      int number,
      String headline,
      String subtitle,
      String description,
      String notes,
      String svgHref,
      int width,
      int height,
      String narrowSvgHref,
      int narrowWidth,
      int narrowHeight,
      String csvHref,
      String jsonHref,
      String csvSize,
      String valueHeader,
      List<RowView> rows,
      List<SourceView> sources) {}
}
