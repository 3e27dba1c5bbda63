package org.factsite.testing;

import java.util.List;
import org.factsite.model.Article;
import org.factsite.model.FrontMatter;
import org.factsite.model.OutputPath;

/** Inline-site sections that many tests share. */
public final class Fixtures {
  private Fixtures() {}

  /** The start of a figures file with one source, {@code report}, for statistics to follow. */
  public static final String REPORT_SOURCE =
      """
      -- data/figures.yaml --
      sources:
        - id: report
          title: The Report
          publisher: A Publisher
      statistics:
      """;

  /** One source ({@code report}) and one count, {@code offences_quarter}: 1,220 offences. */
  public static final String ONE_FIGURE =
      REPORT_SOURCE
          + """
        - id: offences_quarter
          value: 1220
          format: count
          unit: offences
          period: April–June 2020
          geography: England and Wales
          sources: [report]
      """;

  /**
   * One source, two percentages ({@code share_before} 29%, {@code share_after} 37%), a column chart
   * {@code share} plotting both, and a page {@code content/a.md} that shows the chart.
   */
  public static final String SHARE_CHART_PAGE =
      REPORT_SOURCE
          + """
        - id: share_before
          value: 29
          format: percent
          unit: of offences
          period: 2017–2020
          geography: England and Wales
          sources: [report]
        - id: share_after
          value: 37
          format: percent
          unit: of offences
          period: April–June 2020
          geography: England and Wales
          sources: [report]
      -- data/charts/share.yaml --
      headline: The share rose
      subtitle: Share of offences, England and Wales
      type: column
      value_axis: Share (%)
      bars:
        - label: Before
          stat: share_before
        - label: During
          stat: share_after
      -- content/a.md --
      ---
      title: A
      ---
      {{chart share}}
      """;

  /**
   * An article at {@code sourcePath} titled "A" with this Markdown body, published at {@code page}:
   * for tests of the Markdown renderer and what it hands on.
   */
  public static Article article(String sourcePath, String markdown, String page) {
    return new Article(
        sourcePath,
        new FrontMatter("A", "", "a", null, null, false, "page", List.of(), false),
        markdown,
        4,
        new OutputPath(page));
  }
}
