package org.factsite.render.markdown;

import java.util.List;
import java.util.Map;

/**
 * An article body rendered to HTML, with the start tags the renderer wrote, in the order written:
 * what the checks would read from the body if they parsed it ({@code check/BodySplice#ofTags}).
 * {@code tags} is null when the body's HTML might read differently from the tags written: when it
 * shows a reference (whose HTML is ours, not the renderer's), when a link holds a link (the parser
 * closes the outer one early) or when it has no text.
 */
public record RenderedBody(String html, List<Tag> tags) {
  /** A start tag and its attributes, in the order written. */
  public record Tag(String name, Map<String, String> attributes) {}
}
