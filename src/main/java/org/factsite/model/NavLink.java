package org.factsite.model;

/** A navigation entry: its title and the site path it leads to ({@code /get-help/}). */
public record NavLink(String title, String path) {}
