package org.factsite.render.template;

/**
 * A page as its template wrote it, and where in {@link #text} the template wrote the article body
 * the page was given ({@code -1} when it did not write that string whole, say through a capture).
 * The checks read the page without its body from this place, instead of searching the page for the
 * body.
 */
public record WrittenPage(String text, int bodyAt) {}
