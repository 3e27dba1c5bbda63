package org.factsite.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void twoColumnsReadAsSentencesLeadingWithTheFinding() {
    assertEquals(
        "More offences were recorded in the first lockdown quarter."
            + " The chart shows offences recorded per quarter in England and Wales,"
            + " 2017–2020."
            + " The bars show 1,077.1 for Average quarter, April 2017 – March 2020;"
            + " and 1,220 for April–June 2020 (first lockdown).",
        describe(TestCharts.twoColumns()));
  }

  @Test
  void threeBarsAlsoGiveTheRange() {
    assertEquals(
        "Apps owned by Facebook featured most often."
            + " The chart shows offences recorded per quarter in England and Wales,"
            + " 2017–2020."
            + " The bars show 55% for Facebook-owned apps (Instagram, Facebook, WhatsApp);"
            + " 37% for Instagram; and 20% for Snapchat."
            + " Values range from 20% for Snapchat to 55% for Facebook-owned apps"
            + " (Instagram, Facebook, WhatsApp).",
        describe(TestCharts.threeBars()));
  }

  @Test
  void labelsWithoutCommasAreListedWithCommas() {
    Chart c =
        TestCharts.withPoints(
            TestCharts.threeBars(),
            TestCharts.point("Instagram", "37", "37%"),
            TestCharts.point("Snapchat", "20", "20%"),
            TestCharts.point("WhatsApp", "10", "10%"));
    assertTrue(
        describe(c)
            .contains(
                "The bars show 37% for Instagram, 20% for Snapchat and 10% for WhatsApp."
                    + " Values range from 10% for WhatsApp to 37% for Instagram."),
        describe(c));
  }

  @Test
  void differentPeriodsAndPlacesAcrossBarsDoNotPileUpInTheSentence() {
    Chart c = TestCharts.twoColumns();
    String text =
        ChartDescriber.describe(
            c.spec(),
            c.points(),
            c.unit(),
            "April 2017 – March 2020; April–June 2020",
            "England and Wales; England and Wales (38 police forces)");
    assertTrue(
        text.contains(
            " The chart shows offences recorded per quarter in England and Wales."
                + " The bars show"),
        text);
    assertFalse(text.contains(";  "), text);
    assertFalse(text.contains("police forces"), text);
  }

  @Test
  void tiesAndEqualValuesAreNamedTogether() {
    Chart ties =
        TestCharts.withPoints(
            TestCharts.threeBars(),
            TestCharts.point("A", "5", "5%"),
            TestCharts.point("B", "9", "9%"),
            TestCharts.point("C", "9.0", "9%"));
    assertTrue(
        describe(ties).endsWith(" Values range from 5% for A to 9% for B and C."), describe(ties));
    Chart same =
        TestCharts.withPoints(
            TestCharts.threeBars(),
            TestCharts.point("A", "5", "5%"),
            TestCharts.point("B", "5", "5%"));
    assertTrue(
        describe(same).endsWith(" Both bars show the same value, 5%: A and B."), describe(same));
  }

  @Test
  void oneBarAndNoBars() {
    Chart one = TestCharts.withPoints(TestCharts.twoColumns(), TestCharts.point("Only", "3", "3"));
    assertEquals(
        "More offences were recorded in the first lockdown quarter. The chart shows"
            + " offences recorded per quarter. Its one bar shows 3 for Only.",
        ChartDescriber.describe(one.spec(), one.points(), null, " ", null));
    Chart none = TestCharts.withPoints(TestCharts.twoColumns());
    assertTrue(
        ChartDescriber.describe(none.spec(), none.points(), null, null, null)
            .endsWith("shows offences recorded per quarter, but it has no bars."));
  }

  @Test
  void aHeadlineThatAlreadyEndsASentenceKeepsItsOwnStop() {
    Chart c =
        TestCharts.with(
            TestCharts.twoColumns(),
            ChartType.COLUMN,
            "Did offences rise? ",
            TestCharts.twoColumns().points());
    assertTrue(describe(c).startsWith("Did offences rise? The chart"), describe(c));
  }

  @Test
  void theUnitStandsInWhenThereIsNoAxisName() {
    Chart base = TestCharts.twoColumns();
    ChartSpec s = base.spec();
    ChartSpec noAxis =
        new ChartSpec(
            s.id(),
            s.headline(),
            s.subtitle(),
            s.type(),
            null,
            s.description(),
            s.notes(),
            s.bars(),
            s.pos());
    assertTrue(
        ChartDescriber.describe(noAxis, base.points(), "offences", null, null)
            .contains(" The chart shows offences. "));
    assertTrue(
        ChartDescriber.describe(
                noAxis, base.points(), "of offences where the app was recorded", null, null)
            .contains(" The chart shows percentage of offences where the app was recorded. "));
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
  }

  @Test
  void everyNumberInTheTextComesFromTheData() {
    for (Chart c : List.of(TestCharts.twoColumns(), TestCharts.threeBars())) {
      String text = describe(c);
      StringBuilder allowed =
          new StringBuilder(c.period()).append(' ').append(c.spec().headline()).append(' ');
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
    String text = describe(c);
    assertTrue(
        text.indexOf("for Facebook-owned") < text.indexOf("for Instagram;")
            && text.indexOf("for Instagram;") < text.indexOf("for Snapchat"),
        text);
  }
}
