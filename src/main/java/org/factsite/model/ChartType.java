package org.factsite.model;

/** The chart forms the generator draws. Both start their value axis at zero. */
public enum ChartType {
  /** Horizontal bars: good for long category labels. */
  BAR,
  /** Vertical columns: good for a few periods side by side. */
  COLUMN
}
