package org.factsite.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factsite.model.Chart;
import org.factsite.model.ChartPoint;
import org.factsite.model.ChartType;
import org.junit.jupiter.api.Test;

class ChartDescriberTest {
  private static String describe(Chart c) {
    return ChartDescriber.describe(c.spec(), c.points(), c.unit(), c.period(), c.geography());
  }

  @Test
  void twoColumns() {
    assertEquals(
        "Column chart of offences of sexual communication with a child in England and Wales,"
            + " 2017–2020. Average quarter, April 2017 – March 2020: 1,077.1."
            + " April–June 2020 (first lockdown): 1,220."
            + " The highest is April–June 2020 (first lockdown) (1,220);"
            + " the lowest is Average quarter, April 2017 – March 2020 (1,077.1).",
        describe(TestCharts.twoColumns()));
  }

  @Test
  void threeBarsAlsoGiveTheRange() {
    String text = describe(TestCharts.threeBars());
    assertTrue(text.startsWith("Bar chart of "), text);
    assertTrue(text.contains(" Instagram: 37%."), text);
    assertTrue(
        text.endsWith(
            " The highest is Facebook-owned apps (Instagram, Facebook, WhatsApp) (55%);"
                + " the lowest is Snapchat (20%). Values range from 20% to 55%."),
        text);
  }

  @Test
  void tiesAndEqualValuesAreNamedTogether() {
    Chart ties =
        TestCharts.withPoints(
            TestCharts.threeBars(),
            TestCharts.point("A", "5", "5%"),
            TestCharts.point("B", "9", "9%"),
            TestCharts.point("C", "9.0", "9%"));
    assertTrue(describe(ties).contains("The highest are B and C (9%); the lowest is A (5%)."));
    Chart same =
        TestCharts.withPoints(
            TestCharts.threeBars(),
            TestCharts.point("A", "5", "5%"),
            TestCharts.point("B", "5", "5%"));
    assertTrue(describe(same).endsWith(" Both bars show the same value (5%)."), describe(same));
  }

  @Test
  void missingUnitPlaceAndPeriodAreLeftOutAndTheAxisNameStandsIn() {
    Chart c = TestCharts.withPoints(TestCharts.twoColumns(), TestCharts.point("Only", "3", "3"));
    assertEquals(
        "Column chart of Offences recorded per quarter. Only: 3.",
        ChartDescriber.describe(c.spec(), c.points(), null, " ", null));
  }

  @Test
  void everyNumberInTheTextComesFromTheData() {
    for (Chart c : List.of(TestCharts.twoColumns(), TestCharts.threeBars())) {
      String text = describe(c);
      StringBuilder allowed = new StringBuilder(c.period()).append(' ');
      for (ChartPoint p : c.points()) {
        allowed.append(p.label()).append(' ').append(p.formatted()).append(' ');
      }
      Matcher m = Pattern.compile("\\d[\\d,.]*\\d|\\d").matcher(text);
      while (m.find()) {
        assertTrue(allowed.toString().contains(m.group()), "invented number " + m.group());
      }
    }
  }

  @Test
  void isDeterministicAndOrderFollowsTheChart() {
    Chart c = TestCharts.threeBars();
    assertEquals(describe(c), describe(c));
    Chart bars = TestCharts.with(c, ChartType.BAR, "x", c.points());
    String text = describe(bars);
    assertTrue(text.indexOf("Facebook-owned") < text.indexOf("Instagram: ")
        && text.indexOf("Instagram: ") < text.indexOf("Snapchat"));
  }
}
