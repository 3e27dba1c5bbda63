package org.factsite.render.chart;

import java.util.Objects;

/**
 * The two drawings of one chart: {@code wide} for screens wider than a phone, {@code narrow} for
 * phones, where the wide drawing would be shrunk until its text could not be read.
 */
public record ChartPictures(RenderedChart wide, RenderedChart narrow) {
  public ChartPictures {
    Objects.requireNonNull(wide, "wide");
    Objects.requireNonNull(narrow, "narrow");
  }
}
