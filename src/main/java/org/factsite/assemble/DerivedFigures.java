package org.factsite.assemble;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.diag.Suggestions;
import org.factsite.load.DerivedSpec;
import org.factsite.model.Derivation;
import org.factsite.model.Statistic;
import org.factsite.model.ValueFormat;
import org.factsite.model.ValueFormatter;

/**
 * Computes derived figures from given ones, with the working written out, so no derived number is
 * ever typed by hand. A derived figure may use another derived figure defined before it or after
 * it; cycles are reported.
 */
final class DerivedFigures {
  private static final MathContext MC = MathContext.DECIMAL64;

  private DerivedFigures() {}

  /** Adds every derived figure to {@code stats} (which already holds the given ones). */
  static void compute(List<DerivedSpec> specs, Map<String, Statistic> stats, Diagnostics d) {
    List<DerivedSpec> pending = new ArrayList<>(specs);
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (var it = pending.iterator(); it.hasNext(); ) {
        DerivedSpec s = it.next();
        if (inputsReady(s, stats)) {
          it.remove();
          progress = true;
          Optional<Statistic> st = compute(s, stats, d);
          if (st.isPresent()) {
            stats.put(st.get().id(), st.get());
          }
        }
      }
    }
    for (DerivedSpec s : pending) {
      String missing =
          !stats.containsKey(s.of()) && !isPending(s.of(), pending)
              ? s.of()
              : (s.other() != null
                      && !stats.containsKey(s.other())
                      && !isPending(s.other(), pending))
                  ? s.other()
                  : null;
      if (missing != null) {
        SourcePos at = missing.equals(s.of()) ? s.ofPos() : s.otherPos();
        d.error(
            at,
            "unknown statistic '" + missing + "'",
            Suggestions.didYouMean(missing, stats.keySet()),
            s.fileText());
      } else {
        d.error(s.pos(), "derived figure '" + s.id() + "' depends on itself", null, s.fileText());
      }
    }
  }

  private static boolean isPending(String id, List<DerivedSpec> pending) {
    for (DerivedSpec p : pending) {
      if (p.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inputsReady(DerivedSpec s, Map<String, Statistic> stats) {
    return stats.containsKey(s.of()) && (s.other() == null || stats.containsKey(s.other()));
  }

  private static Optional<Statistic> compute(
      DerivedSpec s, Map<String, Statistic> stats, Diagnostics d) {
    if (stats.containsKey(s.id())) {
      d.error(
          s.pos(),
          "the id '" + s.id() + "' is already used by another statistic",
          null,
          s.fileText());
      return Optional.empty();
    }
    Statistic a = stats.get(s.of());
    Statistic b = s.other() == null ? null : stats.get(s.other());
    BigDecimal value;
    ValueFormat format;
    String unit;
    String period = a.period();
    String working;
    switch (s.operation()) {
      case "per-quarter" -> {
        Optional<Integer> quarters = quarters(a);
        if (quarters.isEmpty()) {
          d.error(
              s.ofPos(),
              "'"
                  + a.id()
                  + "' needs period_start and period_end spanning whole"
                  + " quarters for a per-quarter figure",
              null,
              s.fileText());
          return Optional.empty();
        }
        value = a.value().divide(BigDecimal.valueOf(quarters.get()), MC);
        format = a.format() == ValueFormat.MONTH ? ValueFormat.NUMBER : a.format();
        unit = a.unit() + " per quarter (average)";
        working =
            a.formatted()
                + " ÷ "
                + quarters.get()
                + " quarters = "
                + ValueFormatter.format(value, format, s.decimals(), null);
      }
      case "ratio" -> {
        if (b.value().signum() == 0) {
          d.error(
              s.otherPos(), "cannot divide by '" + b.id() + "', which is zero", null, s.fileText());
          return Optional.empty();
        }
        value = a.value().divide(b.value(), MC);
        format = ValueFormat.NUMBER;
        unit = "times";
        working =
            a.formatted()
                + " ÷ "
                + b.formatted()
                + " = "
                + ValueFormatter.format(value, format, s.decimals(), null);
        period = a.period() + " compared with " + b.period();
      }
      default -> {
        if (a.format() != b.format()) {
          d.error(
              s.otherPos(),
              "cannot subtract '"
                  + b.id()
                  + "' from '"
                  + a.id()
                  + "': they are measured differently",
              null,
              s.fileText());
          return Optional.empty();
        }
        value = a.value().subtract(b.value());
        format = a.format() == ValueFormat.PERCENT ? ValueFormat.PERCENTAGE_POINTS : a.format();
        unit = a.format() == ValueFormat.PERCENT ? "percentage points" : a.unit();
        working =
            a.formatted()
                + " − "
                + b.formatted()
                + " = "
                + ValueFormatter.format(value, format, s.decimals(), a.currency());
        period = a.period() + " compared with " + b.period();
      }
    }
    LinkedHashSet<String> sources = new LinkedHashSet<>(a.sources());
    String geography = a.geography();
    if (b != null) {
      sources.addAll(b.sources());
      if (!b.geography().equals(a.geography())) {
        geography = a.geography() + "; " + b.geography();
      }
    }
    List<String> inputs = b == null ? List.of(a.id()) : List.of(a.id(), b.id());
    String formatted = ValueFormatter.format(value, format, s.decimals(), a.currency());
    return Optional.of(
        new Statistic(
            s.id(),
            s.label(),
            value,
            format,
            s.decimals(),
            a.currency(),
            null,
            unit,
            period,
            a.periodStart(),
            a.periodEnd(),
            geography,
            s.caveat(),
            List.copyOf(sources),
            new Derivation(s.operation(), inputs, working),
            formatted,
            s.pos()));
  }

  /** Whole quarters between a statistic's period_start and period_end, inclusive. */
  static Optional<Integer> quarters(Statistic s) {
    if (s.periodStart() == null || s.periodEnd() == null) {
      return Optional.empty();
    }
    int start =
        Integer.parseInt(s.periodStart().substring(0, 4)) * 12
            + Integer.parseInt(s.periodStart().substring(5))
            - 1;
    int end =
        Integer.parseInt(s.periodEnd().substring(0, 4)) * 12
            + Integer.parseInt(s.periodEnd().substring(5))
            - 1;
    int months = end - start + 1;
    if (months <= 0 || months % 3 != 0) {
      return Optional.empty();
    }
    return Optional.of(months / 3);
  }
}
