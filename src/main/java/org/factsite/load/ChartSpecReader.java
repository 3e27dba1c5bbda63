package org.factsite.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.model.ChartBar;
import org.factsite.model.ChartSpec;
import org.factsite.model.ChartType;
import org.factsite.model.Ids;

/**
 * Reads one chart specification, {@code data/charts/ID.yaml}: headline, subtitle, type, value axis
 * and the statistics to plot. The file name is the chart id. Statistics are resolved later, once
 * every dataset is loaded.
 */
final class ChartSpecReader {
  private static final Set<String> CHART_KEYS =
      Set.of("headline", "subtitle", "type", "value_axis", "description", "bars", "notes");
  private static final Set<String> BAR_KEYS = Set.of("label", "stat");

  private ChartSpecReader() {}

  static Optional<ChartSpec> read(String path, YamlNode root, String text, Diagnostics d) {
    String id = path.substring(DataLoader.CHARTS_DIR.length(), path.lastIndexOf('.'));
    if (!Ids.isId(id) || id.contains("/")) {
      d.error(
          new SourcePos(path, 1, 1),
          "the chart file name '" + id + "' may only use lowercase letters, digits, _ and -",
          null,
          text);
      return Optional.empty();
    }
    Fields f = Fields.of(root, "a chart", CHART_KEYS, text, d);
    if (f == null) {
      return Optional.empty();
    }
    String headline = f.text("headline", true);
    String subtitle = f.text("subtitle", true);
    String typeText = f.text("type", false);
    ChartType type = ChartType.COLUMN;
    if (typeText != null) {
      switch (typeText) {
        case "bar" -> type = ChartType.BAR;
        case "column" -> type = ChartType.COLUMN;
        default -> {
          d.error(
              f.posOf("type"), "unknown chart type '" + typeText + "'", "use bar or column", text);
          return Optional.empty();
        }
      }
    }
    String valueAxis = f.text("value_axis", true);
    String description = f.text("description", false);
    String notes = f.text("notes", false);
    List<ChartBar> bars = new ArrayList<>();
    for (YamlNode b : f.list("bars", true)) {
      Fields bf = Fields.of(b, "a chart bar", BAR_KEYS, text, d);
      if (bf == null) {
        continue;
      }
      String label = bf.text("label", true);
      String stat = bf.text("stat", true);
      if (label != null && stat != null) {
        bars.add(new ChartBar(label, stat, bf.posOf("stat")));
      }
    }
    if (headline == null || subtitle == null || valueAxis == null) {
      return Optional.empty();
    }
    if (bars.isEmpty()) {
      d.error(f.pos(), "a chart needs at least one bar", null, text);
      return Optional.empty();
    }
    return Optional.of(
        new ChartSpec(
            id,
            headline,
            subtitle,
            type,
            valueAxis,
            description,
            notes,
            bars,
            new SourcePos(path, 1, 1)));
  }
}
