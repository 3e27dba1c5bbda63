package org.factsite.render.chart;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.factsite.model.Chart;

/**
 * Remembers each chart's last drawing, keyed by a hash of its content, so that rebuilds (and the
 * preview server) redraw only charts that changed.
 *
 * <p>The key is the SHA-256 of {@link ChartRenderer#VERSION} and the chart's canonical JSON ({@link
 * ChartDataFiles#json}), which holds everything the drawing depends on: id, headline, description,
 * type, value-axis name, format and every point. One entry is kept per chart id, so the cache never
 * holds more drawings than the site has charts. Thread-safe; charts with different ids render in
 * parallel, and a chart asked for by two threads at once is drawn once.
 */
public final class ChartCache {
  private record Entry(String key, ChartPictures pictures) {}

  private final ChartRenderer renderer;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong renders = new AtomicLong();

  public ChartCache(ChartRenderer renderer) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
  }

  /** The wide drawing of {@code chart}; see {@link #pictures}. */
  public RenderedChart render(Chart chart) {
    return pictures(chart).wide();
  }

  /**
   * Both drawings of {@code chart}, wide and narrow: the cached ones if its content is unchanged,
   * else new ones.
   */
  public ChartPictures pictures(Chart chart) {
    String key = key(chart);
    Entry entry =
        entries.compute(
            chart.id(),
            (id, old) -> {
              if (old != null && old.key().equals(key)) {
                return old;
              }
              renders.incrementAndGet();
              return new Entry(key, renderer.renderBoth(chart));
            });
    return entry.pictures();
  }

  /** How many times this cache has drawn a chart (misses), for logs and tests. */
  public long renders() {
    return renders.get();
  }

  /** How many charts are cached. */
  public int size() {
    return entries.size();
  }

  /** Forgets every drawing. */
  public void clear() {
    entries.clear();
  }

  /** The content hash of a chart: lowercase hex SHA-256. */
  public static String key(Chart chart) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ChartRenderer.VERSION.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(ChartDataFiles.json(chart).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
