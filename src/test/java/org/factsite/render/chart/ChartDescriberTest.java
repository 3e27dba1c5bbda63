package org.factsite.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factsite.model.Chart;
import org.factsite.model.ChartPoint;
import org.factsite.model.ChartSpec;
import org.factsite.model.ChartType;
import org.junit.jupiter.api.Test;

class ChartDescriberTest {
  private static String describe(Chart c) {
    return ChartDescriber.describe(c.spec(), c.points(), c.unit(), c.period(), c.geography());
  }

  @Test
  void twoColumns() {
    assertEquals(
        "Column chart of offences recorded per quarter in England and Wales,"
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
  void missingPlaceAndPeriodAreLeftOut() {
    Chart c = TestCharts.withPoints(TestCharts.twoColumns(), TestCharts.point("Only", "3", "3"));
    assertEquals(
        "Column chart of offences recorded per quarter. Only: 3.",
        ChartDescriber.describe(c.spec(), c.points(), null, " ", null));
  }

  @Test
  void theUnitStandsInWhenThereIsNoAxisName() {
    Chart base = TestCharts.twoColumns();
    ChartSpec s = base.spec();
    ChartSpec noAxis =
        new ChartSpec(
            s.id(), s.headline(), s.subtitle(), s.type(), null, null, null, s.bars(), s.pos());
    assertTrue(
        ChartDescriber.describe(noAxis, base.points(), "offences", null, null)
            .startsWith("Column chart of offences. "));
    assertTrue(
        ChartDescriber.describe(noAxis, base.points(), "of offences where the app was recorded", null, null)
            .startsWith("Column chart of percentage of offences where the app was recorded. "));
  }

  @Test
  void measuresReadAsPartOfTheSentence() {
    assertEquals("percentage of offences", ChartDescriber.measure("% of offences"));
    assertEquals("percentage of offences", ChartDescriber.measure("of offences"));
    assertEquals("offences recorded", ChartDescriber.measure("Offences recorded"));
    assertEquals("NSPCC cases", ChartDescriber.measure("NSPCC cases"));
  }

  @Test
  void fieldsJoinedAcrossBarsAreReducedToWhatTheyShare() {
    assertEquals(
        "England and Wales",
        ChartDescriber.common("England and Wales; England and Wales (38 police forces)"));
    assertEquals("Wales", ChartDescriber.common("Wales; Wales"));
    assertNull(ChartDescriber.common("April 2017 – March 2020; April–June 2020"));
    Chart c = TestCharts.twoColumns();
    String text =
        ChartDescriber.describe(
            c.spec(),
            c.points(),
            c.unit(),
            "April 2017 – March 2020; April–June 2020",
            "England and Wales; England and Wales (38 police forces)");
    assertTrue(
        text.startsWith(
            "Column chart of offences recorded per quarter in England and Wales. Average"),
        text);
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
