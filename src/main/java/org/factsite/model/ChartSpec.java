package org.factsite.model;

import java.util.List;
import org.factsite.diag.SourcePos;

/** A chart as the editor specified it in {@code data/charts/ID.yaml}, before data is resolved. */
public record ChartSpec(
    String id,
    String headline,
    String subtitle,
    ChartType type,
    String valueAxis,
    String description,
    String notes,
    List<ChartBar> bars,
    SourcePos pos) {
  public ChartSpec {
    Ids.requireId(id);
    bars = List.copyOf(bars);
  }
}
