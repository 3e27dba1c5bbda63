package org.factsite.assemble;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.Suggestions;
import org.factsite.model.Chart;
import org.factsite.model.ChartBar;
import org.factsite.model.ChartPoint;
import org.factsite.model.ChartSpec;
import org.factsite.model.Source;
import org.factsite.model.Statistic;

/**
 * Joins a chart specification to its statistics: every bar must name a known statistic, all bars
 * must share one format, and the description is drafted from the data when none was written.
 */
public final class ChartResolver {
  /** Drafts a description from the data; supplied by the chart renderer package. */
  public interface Describer {
    String describe(
        ChartSpec spec, List<ChartPoint> points, String unit, String period, String geography);
  }

  private ChartResolver() {}

  static Optional<Chart> resolve(
      ChartSpec spec,
      Map<String, Statistic> stats,
      Map<String, Source> sources,
      Map<String, String> texts,
      Describer describer,
      Diagnostics d) {
    String text = texts.get(spec.pos().path());
    List<ChartPoint> points = new ArrayList<>();
    List<Statistic> used = new ArrayList<>();
    for (ChartBar bar : spec.bars()) {
      Statistic s = stats.get(bar.stat());
      if (s == null) {
        d.error(
            bar.pos(),
            "unknown statistic '" + bar.stat() + "'",
            Suggestions.didYouMean(bar.stat(), stats.keySet()),
            text);
        continue;
      }
      if (!used.isEmpty() && used.get(0).format() != s.format()) {
        d.error(
            bar.pos(),
            "'"
                + s.id()
                + "' is measured differently from '"
                + used.get(0).id()
                + "'; all bars of a chart must share one unit",
            null,
            text);
        continue;
      }
      if (s.value().signum() < 0) {
        d.error(
            bar.pos(), "'" + s.id() + "' is negative; bar charts here start at zero", null, text);
        continue;
      }
      used.add(s);
      // Plot and publish the figure as the site states it: a derived value at its stated
      // decimals (1,077.1), so the CSV matches the table; given figures are never rounded.
      BigDecimal shown = s.value().setScale(s.decimals(), RoundingMode.HALF_UP);
      points.add(new ChartPoint(bar.label(), shown, s.formatted(), s.id()));
    }
    if (points.size() != spec.bars().size()) {
      return Optional.empty();
    }
    Map<String, Source> chartSources = new LinkedHashMap<>();
    for (Statistic s : used) {
      for (String id : s.sources()) {
        Source src = sources.get(id);
        if (src != null) {
          chartSources.putIfAbsent(id, src);
        }
      }
    }
    // The shared value, or the distinct values joined with "; " when bars differ.
    Set<String> units = new LinkedHashSet<>();
    Set<String> periods = new LinkedHashSet<>();
    Set<String> geographies = new LinkedHashSet<>();
    for (Statistic s : used) {
      units.add(s.unit());
      periods.add(s.period());
      geographies.add(s.geography());
    }
    String unit = String.join("; ", units);
    String period = String.join("; ", periods);
    String geography = String.join("; ", geographies);
    String description =
        spec.description() != null
            ? spec.description()
            : describer.describe(spec, points, unit, period, geography);
    return Optional.of(
        new Chart(
            spec,
            points,
            used.get(0).format(),
            unit,
            period,
            geography,
            description,
            new ArrayList<>(chartSources.values())));
  }
}
