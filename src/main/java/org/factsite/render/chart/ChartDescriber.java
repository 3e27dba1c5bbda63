package org.factsite.render.chart;

import java.util.ArrayList;
import java.util.List;
import org.factsite.model.ChartPoint;
import org.factsite.model.ChartSpec;

/**
 * Drafts the text description of a chart from its data, for charts whose editor wrote none.
 *
 * <p>It reads the way a person would describe the chart aloud: the headline's finding first, then
 * what kind of chart it is and what it measures, where and when, then every bar's value and label
 * in chart order and, from three bars up, the range. It uses no number that is not in the headline
 * or one of the points' own formatted texts: nothing is computed, rounded or rephrased, so the
 * description can never disagree with the chart or the table. The same input always gives the same
 * text.
 */
public final class ChartDescriber {
  private ChartDescriber() {}

  /**
   * For example: "More offences were recorded in the first lockdown quarter. The chart shows
   * offences recorded per quarter in England and Wales. The bars show 1,077.1 for Average quarter,
   * April 2017 – March 2020; and 1,220 for April–June 2020 (first lockdown)."
   *
   * <p>The measure is the spec's value-axis name, as the chart itself labels it.
   *
   * @param unit what the values count or measure; used when the spec names no value axis
   * @param period when the values were measured; left out when blank or when bars differ
   * @param geography where; left out when blank, reduced to the shared part when bars differ
   */
  public static String describe(
      ChartSpec spec, List<ChartPoint> points, String unit, String period, String geography) {
    StringBuilder out = new StringBuilder(256);
    if (!blank(spec.headline())) {
      out.append(sentence(spec.headline())).append(' ');
    }
    // Not "bar" or "column": phones get a horizontal drawing of every chart, so name neither.
    out.append("The chart");
    String measure = measure(blank(spec.valueAxis()) ? common(unit) : spec.valueAxis());
    out.append(measure == null ? " shows" : " shows " + measure);
    String place = common(geography);
    if (place != null) {
      out.append(" in ").append(place);
    }
    String when = common(period);
    if (when != null) {
      out.append(", ").append(when);
    }
    if (points.isEmpty()) {
      return out.append(", but it has no bars.").toString();
    }
    out.append(". ");
    if (points.size() == 1) {
      ChartPoint p = points.get(0);
      return out.append("Its one bar shows ").append(valueFor(p)).append('.').toString();
    }
    List<ChartPoint> highest = extremes(points, 1);
    if (highest.size() == points.size()) {
      return out.append(points.size() == 2 ? "Both" : "All " + points.size())
          .append(" bars show the same value, ")
          .append(text(points.get(0).formatted()))
          .append(": ")
          .append(labels(points, false))
          .append('.')
          .toString();
    }
    out.append("The bars show ").append(labels(points, true)).append('.');
    if (points.size() >= 3) {
      List<ChartPoint> lowest = extremes(points, -1);
      out.append(" Values range from ")
          .append(text(lowest.get(0).formatted()))
          .append(" for ")
          .append(labels(lowest, false))
          .append(" to ")
          .append(text(highest.get(0).formatted()))
          .append(" for ")
          .append(labels(highest, false))
          .append('.');
    }
    return out.toString();
  }

  /** The headline as a sentence: stripped, with a full stop unless it already ends in one. */
  private static String sentence(String headline) {
    String h = headline.strip();
    char last = h.charAt(h.length() - 1);
    return last == '.' || last == '!' || last == '?' ? h : h + ".";
  }

  private static String valueFor(ChartPoint p) {
    return text(p.formatted()) + " for " + text(p.label());
  }

  /**
   * The measure as it reads after "chart of": "% of offences" and a percentage unit "of offences"
   * become "percentage of offences"; a capital that only starts the sentence-case axis name is
   * lowered ("Offences recorded" → "offences recorded", but "NSPCC" stays).
   */
  static String measure(String s) {
    if (blank(s)) {
      return null;
    }
    String m = s.strip();
    if (m.startsWith("%")) {
      m = "percentage " + m.substring(1).strip();
    } else if (m.startsWith("of ")) {
      m = "percentage " + m;
    }
    if (m.length() > 1
        && Character.isUpperCase(m.charAt(0))
        && Character.isLowerCase(m.charAt(1))) {
      m = Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
    return m;
  }

  /**
   * The one value behind a field that may join several with "; " (when bars differ): the value
   * itself when all agree, the shortest when it starts every other ("England and Wales" of "England
   * and Wales; England and Wales (38 forces)"), otherwise nothing: the bar labels then say what
   * differs.
   */
  static String common(String s) {
    if (blank(s)) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String part : s.split(";")) {
      String p = part.strip();
      if (!p.isEmpty() && !parts.contains(p)) {
        parts.add(p);
      }
    }
    if (parts.isEmpty()) {
      return null;
    }
    String shortest = parts.get(0);
    for (String p : parts) {
      if (p.length() < shortest.length()) {
        shortest = p;
      }
    }
    for (String p : parts) {
      if (!p.startsWith(shortest)) {
        return null;
      }
    }
    return shortest;
  }

  /** The points with the largest ({@code sign} 1) or smallest (-1) value, in chart order. */
  private static List<ChartPoint> extremes(List<ChartPoint> points, int sign) {
    List<ChartPoint> best = new ArrayList<>();
    for (ChartPoint p : points) {
      int cmp = best.isEmpty() ? 1 : p.value().compareTo(best.get(0).value()) * sign;
      if (cmp > 0) {
        best.clear();
        best.add(p);
      } else if (cmp == 0) {
        best.add(p);
      }
    }
    return best;
  }

  /**
   * "A and B", "A, B and C"; with values, "5% for A, 9% for B and 7% for C". When a label has a
   * comma of its own, items are kept apart with semicolons so the list still parses by ear.
   */
  private static String labels(List<ChartPoint> points, boolean withValues) {
    boolean commas = points.stream().anyMatch(p -> text(p.label()).contains(","));
    String sep = commas ? "; " : ", ";
    String last = commas ? "; and " : " and ";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      if (i > 0) {
        out.append(i == points.size() - 1 ? last : sep);
      }
      out.append(withValues ? valueFor(points.get(i)) : text(points.get(i).label()));
    }
    return out.toString();
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
