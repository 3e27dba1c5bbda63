package org.factsite.render.markdown;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An article body rendered to HTML, with the start tags the renderer wrote, in the order written:
 * what the checks would read from the body if they parsed it ({@code check/BodySplice#ofTags}).
 * {@code tags} is null when the body's HTML might read differently from the tags written: when it
 * shows a reference (whose HTML is ours, not the renderer's), when a link holds a link (the parser
 * closes the outer one early) or when it has no text. A kept body's tags are read from where they
 * were kept only when asked for: most pages around a kept body are found whole, and never ask.
 * Thread-safe.
 */
public final class RenderedBody {
  /** A start tag and its attributes, in the order written. */
  public record Tag(String name, Map<String, String> attributes) {}

  private final String html;
  private Supplier<List<Tag>> source;
  private List<Tag> tags;

  public RenderedBody(String html, List<Tag> tags) {
    this.html = Objects.requireNonNull(html);
    this.tags = tags;
  }

  private RenderedBody(String html, Supplier<List<Tag>> source) {
    this.html = Objects.requireNonNull(html);
    this.source = source;
  }

  /** A body whose tags {@code source} reads when they are first asked for (null: none). */
  static RenderedBody withTagsReadLater(String html, Supplier<List<Tag>> source) {
    return new RenderedBody(html, source);
  }

  public String html() {
    return html;
  }

  /** The tags written, or null (see above). */
  public synchronized List<Tag> tags() {
    if (source != null) {
      tags = source.get();
      source = null;
    }
    return tags;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RenderedBody b && html.equals(b.html) && Objects.equals(tags(), b.tags());
  }

  @Override
  public int hashCode() {
    return html.hashCode();
  }

  @Override
  public String toString() {
    return "RenderedBody[html=" + html + ", tags=" + tags() + "]";
  }
}
