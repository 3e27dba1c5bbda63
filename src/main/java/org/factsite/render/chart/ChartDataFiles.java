package org.factsite.render.chart;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.factsite.model.Chart;
import org.factsite.model.ChartPoint;
import org.factsite.model.Source;

/**
 * The downloadable data behind a chart: a CSV of the plotted numbers and a JSON file with the
 * numbers and everything needed to cite them.
 *
 * <p><b>CSV.</b> RFC 4180 with {@code \n} line endings, UTF-8 (no byte-order mark): a header row,
 * then one row per bar in chart order. The first column, {@code label}, is the bar's label; the
 * second, headed by the chart's value-axis name (or its unit, or {@code value}), is the exact
 * number as plain decimal digits without trailing zeros ({@code 1077.1}, {@code 1220}, {@code 37})
 * — never the formatted text. The page's HTML table shows the same rows in the same order with the
 * formatted values ({@code 1,077.1}, {@code 1,220}, {@code 37%}), so a reader can match the two
 * cell for cell while the CSV stays machine-readable. Fields holding a comma, a double quote, CR or
 * LF are quoted, with quotes doubled.
 *
 * <p><b>JSON.</b> Keys in a fixed order (id, title, subtitle, type, valueAxis, unit, format,
 * period, geography, description, notes, sources, data); absent values are {@code null} rather than
 * missing, so every file has the same shape; numbers are plain decimals; two-space indent, {@code
 * \n} line endings, a final newline. The same chart always gives the same bytes, which also makes
 * this text the chart's canonical form for {@link ChartCache}.
 */
public final class ChartDataFiles {
  /**
   * Jackson's streaming writer: the values are maps, lists, text and numbers, which it writes as
   * its object mapper did, without the mapper's start (date formats, time zones, about 25 ms of
   * every build with a chart).
   */
  private static final JsonFactory JSON = new JsonFactory();

  /** Two-space indents and {@code "key": value}, a pretty printer made afresh for each file. */
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter()
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private ChartDataFiles() {}

  /** The CSV text; encode it as UTF-8. */
  public static String csv(Chart chart) {
    StringBuilder out = new StringBuilder(128);
    out.append("label,").append(csvField(valueHeader(chart))).append('\n');
    for (ChartPoint p : chart.points()) {
      out.append(csvField(p.label() == null ? "" : p.label()))
          .append(',')
          .append(plain(p.value()))
          .append('\n');
    }
    return out.toString();
  }

  /** The JSON text; encode it as UTF-8. */
  public static String json(Chart chart) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("id", chart.id());
    root.put("title", chart.spec().headline());
    root.put("subtitle", chart.spec().subtitle());
    root.put("type", lower(chart.spec().type()));
    root.put("valueAxis", chart.spec().valueAxis());
    root.put("unit", chart.unit());
    root.put("format", lower(chart.format()));
    root.put("period", chart.period());
    root.put("geography", chart.geography());
    root.put("description", chart.description());
    root.put("notes", chart.spec().notes());
    List<Map<String, Object>> sources = new ArrayList<>();
    for (Source s : chart.sources()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("title", s.title());
      m.put("publisher", s.publisher());
      m.put("published", s.published());
      m.put("url", s.url());
      sources.add(m);
    }
    root.put("sources", sources);
    List<Map<String, Object>> data = new ArrayList<>();
    for (ChartPoint p : chart.points()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("label", p.label());
      m.put("value", p.value() == null ? null : p.value().stripTrailingZeros());
      m.put("formatted", p.formatted());
      m.put("statistic", p.statId());
      data.add(m);
    }
    root.put("data", data);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      g.setPrettyPrinter(PRINTER.createInstance());
      write(g, root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write chart " + chart.id() + " as JSON", e);
    }
    return out + "\n";
  }

  /** Writes a value of the tree {@link #json} builds: a map, a list, text, a number or null. */
  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String text) {
      g.writeString(text);
    } else if (value instanceof BigDecimal number) {
      g.writeNumber(number);
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName((String) e.getKey());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        write(g, item);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** The header of the value column. */
  static String valueHeader(Chart chart) {
    String axis = chart.spec().valueAxis();
    if (axis != null && !axis.isBlank()) {
      return axis.strip();
    }
    if (chart.unit() != null && !chart.unit().isBlank()) {
      return chart.unit().strip();
    }
    return "value";
  }

  /** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes. */
  static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** {@code 1077.10} → {@code 1077.1}, {@code 1.2E+3} → {@code 1200}, {@code 0.00} → {@code 0}. */
  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  private static String lower(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT);
  }
}
