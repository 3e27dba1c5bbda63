package org.factsite.render.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.factsite.model.Chart;
import org.factsite.model.ChartPoint;
import org.factsite.model.ChartSpec;
import org.factsite.model.ChartType;
import org.factsite.model.Source;
import org.factsite.model.ValueFormat;

/** Charts shaped like the real ones in {@code data/charts/}. */
final class TestCharts {
  private TestCharts() {}

  static ChartPoint point(String label, String value, String formatted) {
    return new ChartPoint(label, new BigDecimal(value), formatted, "stat_" + label.length());
  }

  static Chart chart(
      String id, ChartType type, String headline, ValueFormat format, ChartPoint... points) {
    ChartSpec spec =
        new ChartSpec(
            id,
            headline,
            "Offences recorded by police, England and Wales",
            type,
            "Offences recorded per quarter",
            null,
            "Do not add the bars together.",
            List.of(),
            null);
    return new Chart(
        spec,
        List.of(points),
        format,
        "offences of sexual communication with a child",
        "2017–2020",
        "England and Wales",
        "The lockdown quarter is higher than the average quarter.",
        List.of(
            new Source(
                "summary-2020",
                "Online grooming, summary",
                "NSPCC",
                "November 2020",
                null,
                "https://example.org/summary",
                null,
                null)));
  }

  /** Two columns, like {@code offences-per-quarter}. */
  static Chart twoColumns() {
    return chart(
        "offences-per-quarter",
        ChartType.COLUMN,
        "More offences were recorded in the first lockdown quarter",
        ValueFormat.NUMBER,
        point("Average quarter, April 2017 – March 2020", "1077.1", "1,077.1"),
        point("April–June 2020 (first lockdown)", "1220", "1,220"));
  }

  /** Three horizontal bars with a long label, like {@code platforms-lockdown}. */
  static Chart threeBars() {
    return chart(
        "platforms-lockdown",
        ChartType.BAR,
        "Apps owned by Facebook featured most often",
        ValueFormat.PERCENT,
        point("Facebook-owned apps (Instagram, Facebook, WhatsApp)", "55", "55%"),
        point("Instagram", "37", "37%"),
        point("Snapchat", "20", "20%"));
  }

  /** The same chart with another type, headline or points. */
  static Chart with(Chart c, ChartType type, String headline, List<ChartPoint> points) {
    ChartSpec s = c.spec();
    ChartSpec spec =
        new ChartSpec(
            s.id(),
            headline,
            s.subtitle(),
            type,
            s.valueAxis(),
            s.description(),
            s.notes(),
            s.bars(),
            s.pos());
    return new Chart(
        spec,
        points,
        c.format(),
        c.unit(),
        c.period(),
        c.geography(),
        c.description(),
        c.sources());
  }

  static Chart withPoints(Chart c, ChartPoint... points) {
    return with(c, c.spec().type(), c.spec().headline(), new ArrayList<>(List.of(points)));
  }
}
