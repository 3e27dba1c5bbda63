package org.factsite.render.markdown;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.factsite.diag.SourcePos;

/**
 * Where each internal link and image on a page was written in Markdown, so that the link check,
 * which sees only the finished HTML, can report a broken one at its line and column. Filled by
 * {@link MarkdownResolver} while pages render (in parallel), read by the checks afterwards.
 */
public final class LinkPlaces {
  /**
   * One link as the editor wrote it.
   *
   * @param written the destination in the Markdown ({@code /get-help/})
   * @param image true for {@code ![alt](src)}
   */
  public record Place(SourcePos pos, String written, boolean image, String sourceLine) {}

  private final Map<String, Map<String, Place>> byPage = new ConcurrentHashMap<>();

  /** Records that {@code href} on output page {@code page} came from {@code place}. */
  public void add(String page, String href, Place place) {
    byPage.computeIfAbsent(page, p -> new ConcurrentHashMap<>()).putIfAbsent(href, place);
  }

  /** Adds every place {@code other} recorded (a page's places, kept with the cached page). */
  public void addAll(LinkPlaces other) {
    other.byPage.forEach((page, m) -> m.forEach((href, place) -> add(page, href, place)));
  }

  /** The place {@code href} on {@code page} was written, when it came from Markdown. */
  public Optional<Place> find(String page, String href) {
    Map<String, Place> m = byPage.get(page);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(href));
  }
}
