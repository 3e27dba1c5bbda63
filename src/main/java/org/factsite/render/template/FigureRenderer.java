package org.factsite.render.template;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factsite.diag.Diagnostics;
import org.factsite.model.Chart;
import org.factsite.model.Source;
import org.factsite.render.markdown.PageRefs;

/**
 * Writes a chart's whole accessible figure through {@code templates/figure.ftlh}: headline,
 * subtitle, the SVG with its size, the description, the source, the data table and the download
 * links. One figure per chart per page; the chart files themselves are written once per site.
 */
public final class FigureRenderer implements PageRefs.FigureHtml {
  public static final String TEMPLATE = "figure.ftlh";

  private final TemplateRenderer templates;
  private final Map<String, ChartFiles> files;
  private final Diagnostics diagnostics;

  /**
   * Where a chart's files are and how big its pictures and CSV are: the wide picture and the narrow
   * one that phones are given instead.
   */
  public record ChartFiles(
      String svgPath,
      int width,
      int height,
      String narrowSvgPath,
      int narrowWidth,
      int narrowHeight,
      String csvPath,
      int csvBytes,
      String jsonPath) {}

  public FigureRenderer(
      TemplateRenderer templates, Map<String, ChartFiles> files, Diagnostics diagnostics) {
    this.templates = templates;
    this.files = files;
    this.diagnostics = diagnostics;
  }

  @Override
  public String html(Chart chart, int number, String root) {
    ChartFiles f = files.get(chart.id());
    if (f == null) {
      return "";
    }
    Views.ChartView view =
        new Views.ChartView(
            chart.id(),
            number,
            chart.spec().headline(),
            chart.spec().subtitle(),
            chart.description(),
            chart.spec().notes(),
            root + f.svgPath(),
            f.width(),
            f.height(),
            root + f.narrowSvgPath(),
            f.narrowWidth(),
            f.narrowHeight(),
            root + f.csvPath(),
            root + f.jsonPath(),
            size(f.csvBytes()),
            chart.spec().valueAxis(),
            chart.points().stream().map(p -> new Views.RowView(p.label(), p.formatted())).toList(),
            sources(chart.sources()));
    Map<String, Object> model = new HashMap<>();
    model.put("chart", view);
    model.put("root", root);
    return templates.render(TEMPLATE, model, "chart " + chart.id(), diagnostics).orElse("");
  }

  static List<Views.SourceView> sources(List<Source> sources) {
    return sources.stream().map(FigureRenderer::source).toList();
  }

  static Views.SourceView source(Source s) {
    return new Views.SourceView(
        s.id(), s.title(), s.publisher(), s.published(), s.document(), s.url(), s.underlying());
  }

  /** A file size for people: "312 bytes", "1.4 KB". */
  static String size(int bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    return new BigDecimal(bytes)
            .divide(BigDecimal.valueOf(1024), 1, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + " KB";
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
