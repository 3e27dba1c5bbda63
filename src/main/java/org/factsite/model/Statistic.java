package org.factsite.model;

import java.math.BigDecimal;
import java.util.List;
import org.factsite.diag.SourcePos;

/**
 * One figure the site may show, with everything a reader needs to trust it. Derived figures carry a
 * {@link Derivation}; their value was computed by the generator from other statistics.
 *
 * @param value the number; for {@link ValueFormat#MONTH} it is {@code year * 100 + month}
 * @param formatted the value as written on the page, qualifier included ("more than 1,200")
 */
public record Statistic(
    String id,
    String label,
    BigDecimal value,
    ValueFormat format,
    int decimals,
    String currency,
    String qualifier,
    String unit,
    String period,
    String periodStart,
    String periodEnd,
    String geography,
    String caveat,
    List<String> sources,
    Derivation derivation,
    String formatted,
    SourcePos pos) {
  public Statistic {
    Ids.requireId(id);
    sources = List.copyOf(sources);
    if (value == null || format == null || formatted == null) {
      throw new IllegalArgumentException("statistic " + id + " needs a value and format");
    }
  }

  public boolean derived() {
    return derivation != null;
  }
}
