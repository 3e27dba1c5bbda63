package org.factsite.model;

import java.util.List;

/**
 * A chart with its data resolved: the spec, the plotted points, the unit shared by all of them, the
 * description (authored or drafted from the data), and the sources behind the points.
 */
public record Chart(
    ChartSpec spec,
    List<ChartPoint> points,
    ValueFormat format,
    String unit,
    String period,
    String geography,
    String description,
    List<Source> sources) {
  public Chart {
    points = List.copyOf(points);
    sources = List.copyOf(sources);
  }

  public String id() {
    return spec.id();
  }
}
