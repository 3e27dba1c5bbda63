package org.factsite.model;

/** How a statistic's value is written on the page. */
public enum ValueFormat {
  /** A whole count with thousands separators: 12,925. */
  COUNT,
  /** A percentage: 37%. */
  PERCENT,
  /** An amount of money in a named currency: €20 million. */
  MONEY,
  /** A calendar month, stored as {@code yyyy-MM}: April 2017. */
  MONTH,
  /** A plain number with the statistic's decimals: 1.13. */
  NUMBER,
  /** A difference between two percentages, in percentage points: 8 percentage points. */
  PERCENTAGE_POINTS
}
