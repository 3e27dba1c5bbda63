package org.factsite.model;

import org.factsite.diag.SourcePos;

/** One bar of a chart: its label and the statistic it plots. */
public record ChartBar(String label, String stat, SourcePos pos) {}
