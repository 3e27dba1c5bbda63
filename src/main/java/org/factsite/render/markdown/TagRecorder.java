package org.factsite.render.markdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Link;
import org.commonmark.node.Node;

/**
 * Records the start tags the HTML renderer writes on this thread, with their attributes as written:
 * an attribute provider registered after every other one, so it sees each tag's final attributes.
 * Every renderer the site uses (core, tables, footnotes, heading anchors) passes each tag with
 * attributes through the providers; {@code RenderedTagsTest} compares what is recorded with a parse
 * of the HTML on random Markdown.
 */
final class TagRecorder {
  private static final ThreadLocal<TagRecorder> CURRENT = new ThreadLocal<>();

  private final List<RenderedBody.Tag> tags = new ArrayList<>();
  private boolean linkInLink;

  private TagRecorder() {}

  static TagRecorder start() {
    TagRecorder r = new TagRecorder();
    CURRENT.set(r);
    return r;
  }

  void stop() {
    CURRENT.remove();
  }

  /** The attribute provider: called for each tag the renderer is about to write. */
  static void record(Node node, String tagName, Map<String, String> attributes) {
    TagRecorder r = CURRENT.get();
    if (r == null) {
      return;
    }
    if (tagName.equals("a") && insideLink(node)) {
      r.linkInLink = true;
    }
    r.tags.add(
        new RenderedBody.Tag(
            tagName,
            attributes.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes))));
  }

  private static boolean insideLink(Node node) {
    for (Node p = node.getParent(); p != null; p = p.getParent()) {
      if (p instanceof Link) {
        return true;
      }
    }
    return false;
  }

  /** The tags recorded for {@code html}, or null when they may not be what a parse would read. */
  List<RenderedBody.Tag> tags(String html) {
    return readable(html, tags, linkInLink);
  }

  /**
   * {@code tags}, written for {@code html}, or null when they may not be what a parse would read:
   * when a link held a link (the parser closes the outer one early) or the HTML has no text.
   */
  static List<RenderedBody.Tag> readable(
      String html, List<RenderedBody.Tag> tags, boolean linkInLink) {
    return linkInLink || !hasText(html) ? null : List.copyOf(tags);
  }

  /**
   * Whether some character outside the tags is not white space as the HTML parser counts it (a
   * no-break space counts as space there too). Attribute values cannot hide a {@code <} or {@code
   * >}: the renderer escapes both.
   */
  private static boolean hasText(String html) {
    boolean inTag = false;
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      if (c == '<') {
        inTag = true;
      } else if (c == '>') {
        inTag = false;
      } else if (!inTag
          && c != ' '
          && c != '\t'
          && c != '\n'
          && c != '\f'
          && c != '\r'
          && c != '\u00a0') {
        return true;
      }
    }
    return false;
  }
}
