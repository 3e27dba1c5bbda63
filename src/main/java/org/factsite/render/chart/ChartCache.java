package org.factsite.render.chart;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
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
  private volatile ChartStore store;

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
    ChartStore disk = store;
    Entry entry =
        entries.compute(
            chart.id(),
            (id, old) -> {
              if (old != null && old.key().equals(key)) {
                return old;
              }
              Optional<ChartPictures> kept = disk == null ? Optional.empty() : disk.read(key);
              if (kept.isPresent()) {
                return new Entry(key, kept.get());
              }
              renders.incrementAndGet();
              ChartPictures drawn = renderer.renderBoth(chart);
              if (disk != null) {
                disk.write(key, drawn);
              }
              return new Entry(key, drawn);
            });
    return entry.pictures();
  }

  /**
   * Also keeps drawings in {@code store} between runs and looks there before drawing; null keeps
   * them only in this cache.
   */
  public void keepIn(ChartStore store) {
    this.store = store;
  }

  /** Removes the drawings kept between runs for charts that are not among {@code charts}. */
  public void retainOnDisk(Collection<Chart> charts) {
    ChartStore disk = store;
    if (disk != null) {
      disk.retain(charts.stream().map(ChartCache::key).collect(Collectors.toSet()));
    }
  }

  /** How many times this cache has drawn a chart (missed here and on disk), for logs and tests. */
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
    return ChartStore.sha256(ChartRenderer.VERSION + "\n" + ChartDataFiles.json(chart));
  }
}
