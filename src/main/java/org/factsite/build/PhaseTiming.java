package org.factsite.build;

/** How long one phase took and how much it handled ("12 pages"). */
public record PhaseTiming(String phase, long millis, String summary) {}
