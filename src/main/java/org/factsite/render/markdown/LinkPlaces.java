package org.factsite.render.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.factsite.diag.SourcePos;

/**
 * Where each internal link and image on a page was written in Markdown, so that the link check,
 * which sees only the finished HTML, can report a broken one at its line and column. Filled by
 * {@link MarkdownResolver} while pages render (in parallel), read by the checks afterwards. A link
 * is found in its article only when the check asks, which is only for a broken one (see {@link
 * NodePositions}).
 */
public final class LinkPlaces {
  /**
   * One link as the editor wrote it.
   *
   * @param written the destination in the Markdown ({@code /get-help/})
   * @param image true for {@code ![alt](src)}
   */
  public record Place(SourcePos pos, String written, boolean image, String sourceLine) {}

  /**
   * A link as the editor wrote it, and how to find it.
   *
   * @param node its number in {@code positions}
   */
  record Written(NodePositions positions, int node, String written, boolean image) {
    Optional<Place> place() {
      return positions.of(node).map(p -> new Place(p.pos(), written, image, p.sourceLine()));
    }
  }

  /**
   * A link recorded for a page, as a body kept between builds holds it ({@link BodyStore}).
   *
   * @param node its number among the article's numbered nodes ({@link NodePositions})
   */
  record Kept(String href, int node, String written, boolean image) {}

  private final Map<String, Map<String, Written>> byPage = new ConcurrentHashMap<>();

  /** Places added whole by {@link #addAll}: looked up, never copied (see there). */
  private final Queue<LinkPlaces> included = new ConcurrentLinkedQueue<>();

  /** Records that {@code href} on output page {@code page} came from {@code link}. */
  void add(String page, String href, Written link) {
    Map<String, Written> links = byPage.get(page);
    if (links == null) {
      Map<String, Written> fresh = new ConcurrentHashMap<>();
      links = byPage.putIfAbsent(page, fresh);
      if (links == null) {
        links = fresh;
      }
    }
    links.putIfAbsent(href, link);
  }

  /** The links recorded for {@code page}, one per address, in no particular order. */
  List<Kept> kept(String page) {
    Map<String, Written> m = byPage.getOrDefault(page, Map.of());
    List<Kept> out = new ArrayList<>(m.size());
    for (Map.Entry<String, Written> e : m.entrySet()) {
      Written w = e.getValue();
      out.add(new Kept(e.getKey(), w.node(), w.written(), w.image()));
    }
    return out;
  }

  /** Records a kept link of {@code page}, found in its article through {@code positions}. */
  void add(String page, NodePositions positions, Kept link) {
    add(page, link.href(), new Written(positions, link.node(), link.written(), link.image()));
  }

  /**
   * Adds every place {@code other} recorded (a page's places, kept with the cached page). It is
   * kept by reference, not copied: a rebuild adds every page's places, and copying 10,000 pages'
   * links took a tenth of a one-page rebuild. {@code other} must not change afterwards.
   */
  public void addAll(LinkPlaces other) {
    if (other != this) {
      included.add(other);
    }
  }

  /** The place {@code href} on {@code page} was written, when it came from Markdown. */
  public Optional<Place> find(String page, String href) {
    Map<String, Written> m = byPage.get(page);
    Written w = m == null ? null : m.get(href);
    Optional<Place> p = w == null ? Optional.empty() : w.place();
    if (p.isPresent()) {
      return p;
    }
    for (LinkPlaces other : included) {
      Optional<Place> found = other.find(page, href);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
