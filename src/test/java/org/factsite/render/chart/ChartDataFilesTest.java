package org.factsite.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.factsite.model.Chart;
import org.junit.jupiter.api.Test;

class ChartDataFilesTest {
  @Test
  void csvHasAHeaderAndOneRowPerBarWithExactPlainNumbers() {
    Chart chart =
        TestCharts.withPoints(
            TestCharts.twoColumns(),
            TestCharts.point("Average quarter, April 2017 – March 2020", "1077.10", "1,077.1"),
            TestCharts.point("April–June 2020", "1.22E+3", "1,220"),
            TestCharts.point("Nothing", "0.000", "0"));
    assertEquals(
        "label,Offences recorded per quarter\n"
            + "\"Average quarter, April 2017 – March 2020\",1077.1\n"
            + "April–June 2020,1220\n"
            + "Nothing,0\n",
        ChartDataFiles.csv(chart));
  }

  @Test
  void csvQuotesCommasQuotesAndLineBreaks() {
    assertEquals("plain", ChartDataFiles.csvField("plain"));
    assertEquals("\"a, b\"", ChartDataFiles.csvField("a, b"));
    assertEquals("\"say \"\"hi\"\"\"", ChartDataFiles.csvField("say \"hi\""));
    assertEquals("\"two\nlines\"", ChartDataFiles.csvField("two\nlines"));
    assertEquals("\"cr\rhere\"", ChartDataFiles.csvField("cr\rhere"));
    Chart chart =
        TestCharts.withPoints(
            TestCharts.twoColumns(), TestCharts.point("The \"big\" one, again", "5", "5"));
    assertEquals("\"The \"\"big\"\" one, again\",5", ChartDataFiles.csv(chart).split("\n")[1]);
  }

  @Test
  void csvRowsParseBackToTheSameLabelsAndValuesInChartOrder() {
    Chart chart = TestCharts.threeBars();
    List<List<String>> rows = parseCsv(ChartDataFiles.csv(chart));
    assertEquals(List.of("label", "Offences recorded per quarter"), rows.get(0));
    assertEquals(chart.points().size() + 1, rows.size());
    for (int i = 0; i < chart.points().size(); i++) {
      assertEquals(chart.points().get(i).label(), rows.get(i + 1).get(0));
      assertEquals(
          0, chart.points().get(i).value().compareTo(new BigDecimal(rows.get(i + 1).get(1))));
    }
  }

  @Test
  void jsonHasStableKeysInAFixedOrderAndExactNumbers() throws Exception {
    Chart chart = TestCharts.twoColumns();
    String json = ChartDataFiles.json(chart);
    assertTrue(json.endsWith("}\n"));
    assertFalse(json.contains("\r"));
    assertTrue(json.contains("\"id\": \"offences-per-quarter\""), json);
    JsonNode root = new ObjectMapper().readTree(json);
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    assertEquals(
        List.of(
            "id",
            "title",
            "subtitle",
            "type",
            "valueAxis",
            "unit",
            "format",
            "period",
            "geography",
            "description",
            "notes",
            "sources",
            "data"),
        keys);
    assertEquals(chart.spec().headline(), root.get("title").asText());
    assertEquals("column", root.get("type").asText());
    assertEquals("NSPCC", root.get("sources").get(0).get("publisher").asText());
    assertEquals("November 2020", root.get("sources").get(0).get("published").asText());
    JsonNode first = root.get("data").get(0);
    assertEquals("1,077.1", first.get("formatted").asText());
    assertEquals(new BigDecimal("1077.1"), first.get("value").decimalValue());
    assertTrue(json.contains("\"value\": 1077.1,"), json);
    assertTrue(json.contains("\"value\": 1220,"), json);
    assertTrue(root.get("data").get(1).has("statistic"));
    assertEquals(json, ChartDataFiles.json(TestCharts.twoColumns()), "deterministic");
  }

  @Test
  void jsonKeepsAbsentValuesAsNull() throws Exception {
    Chart base = TestCharts.twoColumns();
    Chart chart =
        new Chart(base.spec(), base.points(), base.format(), null, null, null, null, List.of());
    JsonNode root = new ObjectMapper().readTree(ChartDataFiles.json(chart));
    assertTrue(root.get("unit").isNull());
    assertTrue(root.get("description").isNull());
    assertEquals(0, root.get("sources").size());
  }

  /** A minimal RFC 4180 reader, to check the writer against. */
  private static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    return rows;
  }
}
