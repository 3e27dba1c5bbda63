package org.factsite.render.chart;

/**
 * A drawn chart: one standalone {@code <svg>} element (with {@code width}, {@code height}, {@code
 * viewBox}, {@code role="img"}, {@code <title>} and {@code <desc>}) and its size in CSS pixels, for
 * the {@code width} and {@code height} attributes of the page's {@code <img>}.
 */
public record RenderedChart(String svg, int width, int height) {
  public RenderedChart {
    if (svg == null || !svg.startsWith("<svg")) {
      throw new IllegalArgumentException("not an svg element");
    }
  }
}
