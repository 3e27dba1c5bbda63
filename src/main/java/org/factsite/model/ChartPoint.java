package org.factsite.model;

import java.math.BigDecimal;

/** One plotted value of a resolved chart: the bar label, the number and how it is written. */
public record ChartPoint(String label, BigDecimal value, String formatted, String statId) {}
