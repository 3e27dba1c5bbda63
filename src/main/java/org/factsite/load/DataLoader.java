package org.factsite.load;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.model.ChartSpec;
import org.factsite.model.Ids;
import org.factsite.model.Source;
import org.factsite.model.Statistic;
import org.factsite.model.ValueFormat;
import org.factsite.model.ValueFormatter;

/**
 * Reads {@code data/*.yaml} (sources, statistics, derived figures) and {@code data/charts/*.yaml}
 * (chart specifications). Every problem is reported with its place; loading goes on so one run
 * shows them all.
 */
public final class DataLoader {
  public static final String CHARTS_DIR = "data/charts/";
  private static final Set<String> FILE_KEYS = Set.of("sources", "statistics", "derived");
  private static final Set<String> SOURCE_KEYS =
      Set.of("id", "title", "publisher", "published", "document", "url", "underlying");
  private static final Set<String> STAT_KEYS =
      Set.of(
          "id",
          "label",
          "value",
          "format",
          "decimals",
          "currency",
          "qualifier",
          "unit",
          "period",
          "period_start",
          "period_end",
          "geography",
          "caveat",
          "sources");
  private static final Set<String> DERIVED_KEYS =
      Set.of("id", "label", "operation", "of", "to", "minus", "decimals", "caveat");
  public static final List<String> OPERATIONS = List.of("per-quarter", "ratio", "difference");
  private static final List<String> FORMATS =
      List.of("count", "percent", "money", "month", "number");

  private final YamlReader yaml;

  public DataLoader(YamlReader yaml) {
    this.yaml = yaml;
  }

  public LoadedData load(Inputs inputs, Diagnostics diagnostics) {
    List<Source> sources = new ArrayList<>();
    List<Statistic> stats = new ArrayList<>();
    List<DerivedSpec> derived = new ArrayList<>();
    List<ChartSpec> charts = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    for (String path : inputs.under("data/", "")) {
      boolean yamlFile = path.endsWith(".yaml") || path.endsWith(".yml");
      if (!yamlFile) {
        diagnostics.warning(SourcePos.of(path), "ignored: data files end in .yaml");
        continue;
      }
      Optional<String> text = decode(inputs, path, diagnostics);
      if (text.isEmpty()) {
        continue;
      }
      texts.put(path, text.get());
      Optional<YamlNode> root = yaml.read(path, text.get(), 0, text.get(), diagnostics);
      if (root.isEmpty()) {
        continue;
      }
      if (path.startsWith(CHARTS_DIR)) {
        addIfPresent(ChartSpecReader.read(path, root.get(), text.get(), diagnostics), charts);
      } else {
        dataset(root.get(), text.get(), diagnostics, sources, stats, derived);
      }
    }
    return new LoadedData(sources, stats, derived, charts, texts);
  }

  static Optional<String> decode(Inputs inputs, String path, Diagnostics diagnostics) {
    try {
      return Optional.of(inputs.text(path));
    } catch (CharacterCodingException e) {
      diagnostics.error(
          new SourcePos(path, 1, 1), "the file is not valid UTF-8 text", "save it as UTF-8");
      return Optional.empty();
    }
  }

  private void dataset(
      YamlNode root,
      String text,
      Diagnostics d,
      List<Source> sources,
      List<Statistic> stats,
      List<DerivedSpec> derived) {
    Fields f = Fields.of(root, "a data file", FILE_KEYS, text, d);
    if (f == null) {
      return;
    }
    for (YamlNode n : f.list("sources", false)) {
      addIfPresent(source(n, text, d), sources);
    }
    for (YamlNode n : f.list("statistics", false)) {
      addIfPresent(statistic(n, text, d), stats);
    }
    for (YamlNode n : f.list("derived", false)) {
      addIfPresent(derived(n, text, d), derived);
    }
  }

  private static <T> void addIfPresent(Optional<T> found, List<T> to) {
    if (found.isPresent()) {
      to.add(found.get());
    }
  }

  private static String id(Fields f, String key, Diagnostics d) {
    String id = f.text(key, true);
    if (id != null && !Ids.isId(id)) {
      d.error(
          f.posOf(key),
          "the id '" + id + "' may only use lowercase letters, digits, _ and -",
          null,
          f.fileText());
      return null;
    }
    return id;
  }

  private Optional<Source> source(YamlNode n, String text, Diagnostics d) {
    Fields f = Fields.of(n, "a source", SOURCE_KEYS, text, d);
    if (f == null) {
      return Optional.empty();
    }
    String id = id(f, "id", d);
    String title = f.text("title", true);
    String publisher = f.text("publisher", true);
    String published = f.text("published", false);
    String document = f.text("document", false);
    String url = f.text("url", false);
    String underlying = f.text("underlying", false);
    if (url != null && !url.matches("https?://[^\\s\"'<>]+")) {
      d.error(f.posOf("url"), "a source url must start with http:// or https://", null, text);
      url = null;
    }
    if (id == null || title == null || publisher == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Source(id, title, publisher, published, document, url, underlying, f.pos()));
  }

  private Optional<Statistic> statistic(YamlNode n, String text, Diagnostics d) {
    Fields f = Fields.of(n, "a statistic", STAT_KEYS, text, d);
    if (f == null) {
      return Optional.empty();
    }
    String id = id(f, "id", d);
    ValueFormat format = format(f);
    BigDecimal value = null;
    if (format == ValueFormat.MONTH) {
      value = month(f, "value", true, d);
    } else if (format != null) {
      value = f.number("value", true);
    } else {
      f.node("value");
    }
    Integer decimals = f.integer("decimals");
    String currency = f.text("currency", format == ValueFormat.MONEY);
    if (currency != null && !ValueFormatter.knownCurrency(currency)) {
      d.error(
          f.posOf("currency"), "unknown currency '" + currency + "'", "use EUR, GBP or USD", text);
      currency = null;
    }
    String qualifier = f.text("qualifier", false);
    String label = f.text("label", false);
    String unit = f.text("unit", true);
    String period = f.text("period", true);
    BigDecimal start = month(f, "period_start", false, d);
    BigDecimal end = month(f, "period_end", false, d);
    String geography = f.text("geography", true);
    String caveat = f.text("caveat", false);
    List<String> sourceIds = f.texts("sources", true);
    if (id == null
        || format == null
        || value == null
        || unit == null
        || period == null
        || geography == null
        || sourceIds.isEmpty()
        || (format == ValueFormat.MONEY && currency == null)) {
      return Optional.empty();
    }
    // A given figure is shown with all the places it was recorded with: never rounded.
    int places =
        Math.max(decimals == null ? 0 : decimals, Math.max(0, value.stripTrailingZeros().scale()));
    String formatted =
        ValueFormatter.withQualifier(
            qualifier, ValueFormatter.format(value, format, places, currency));
    return Optional.of(
        new Statistic(
            id,
            label == null ? "" : label,
            value,
            format,
            places,
            currency,
            qualifier,
            unit,
            period,
            monthText(start),
            monthText(end),
            geography,
            caveat,
            sourceIds,
            null,
            formatted,
            f.pos()));
  }

  private static String monthText(BigDecimal v) {
    if (v == null) {
      return null;
    }
    int i = v.intValueExact();
    return String.format(Locale.ROOT, "%04d-%02d", i / 100, i % 100);
  }

  private static ValueFormat format(Fields f) {
    String t = f.oneOf("format", "format", FORMATS, true);
    return t == null ? null : ValueFormat.valueOf(t.toUpperCase(java.util.Locale.ROOT));
  }

  /** A month written {@code 2017-04}, returned as 201704. */
  private static BigDecimal month(Fields f, String key, boolean required, Diagnostics d) {
    String t = f.text(key, required);
    if (t == null) {
      return null;
    }
    if (!t.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      d.error(
          f.posOf(key),
          "'" + key + "' should be a month written YYYY-MM, like 2017-04, not '" + t + "'",
          null,
          f.fileText());
      return null;
    }
    return BigDecimal.valueOf(
        Integer.parseInt(t.substring(0, 4)) * 100L + Integer.parseInt(t.substring(5)));
  }

  private Optional<DerivedSpec> derived(YamlNode n, String text, Diagnostics d) {
    Fields f = Fields.of(n, "a derived figure", DERIVED_KEYS, text, d);
    if (f == null) {
      return Optional.empty();
    }
    String id = id(f, "id", d);
    String label = f.text("label", true);
    String op = f.oneOf("operation", "operation", OPERATIONS, true);
    String of = f.text("of", true);
    String other = null;
    SourcePos otherPos = null;
    if ("ratio".equals(op)) {
      other = f.text("to", true);
      otherPos = f.posOf("to");
    } else if ("difference".equals(op)) {
      other = f.text("minus", true);
      otherPos = f.posOf("minus");
    }
    Integer decimals = f.integer("decimals");
    String caveat = f.text("caveat", false);
    if (id == null
        || label == null
        || op == null
        || of == null
        || (!"per-quarter".equals(op) && other == null)) {
      return Optional.empty();
    }
    return Optional.of(
        new DerivedSpec(
            id,
            label,
            op,
            of,
            f.posOf("of"),
            other,
            otherPos,
            decimals == null ? 0 : decimals,
            caveat,
            f.pos(),
            text));
  }
}
