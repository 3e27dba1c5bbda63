package org.factsite.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a statistic's value the way a reader expects to see it. Given figures are shown exactly as
 * recorded (never rounded); only derived figures are rounded, to their stated decimals.
 */
public final class ValueFormatter {
  private static final Map<String, String> CURRENCY_SYMBOLS =
      Map.of("EUR", "€", "GBP", "£", "USD", "$");

  private ValueFormatter() {}

  public static boolean knownCurrency(String code) {
    return CURRENCY_SYMBOLS.containsKey(code);
  }

  /** The value alone, e.g. {@code 1,220}, {@code 37%}, {@code €20 million}, {@code April 2017}. */
  public static String format(BigDecimal value, ValueFormat format, int decimals, String currency) {
    return switch (format) {
      case COUNT, NUMBER -> number(value, decimals);
      case PERCENT -> number(value, decimals) + "%";
      case PERCENTAGE_POINTS -> {
        String n = number(value.abs(), decimals);
        yield n
            + (value.abs().compareTo(BigDecimal.ONE) == 0
                ? " percentage point"
                : " percentage points");
      }
      case MONEY -> money(value, currency);
      case MONTH -> month(value);
    };
  }

  /** The value with its qualifier: {@code more than 1,200}. */
  public static String withQualifier(String qualifier, String formatted) {
    return qualifier == null || qualifier.isEmpty() ? formatted : qualifier + " " + formatted;
  }

  /**
   * Digits with thousands separators and exactly {@code decimals} places. Loaders give a given
   * figure at least its own number of places, so only derived figures are ever rounded here.
   */
  public static String number(BigDecimal value, int decimals) {
    int scale = Math.max(0, decimals);
    BigDecimal v = value.setScale(scale, RoundingMode.HALF_UP);
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
    f.setMinimumFractionDigits(scale);
    f.setMaximumFractionDigits(scale);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }

  private static String money(BigDecimal value, String currency) {
    String symbol = CURRENCY_SYMBOLS.getOrDefault(currency, currency + " ");
    BigDecimal million = BigDecimal.valueOf(1_000_000);
    if (value.compareTo(million) >= 0) {
      BigDecimal millions = value.divide(million);
      // Only say "million" when it is exact: the figure must not be rounded.
      if (millions.stripTrailingZeros().scale() <= 1) {
        return symbol + number(millions, 0) + " million";
      }
    }
    return symbol + number(value, 0);
  }

  private static String month(BigDecimal value) {
    int v = value.intValueExact();
    Month m = Month.of(v % 100);
    return m.getDisplayName(TextStyle.FULL, Locale.UK) + " " + (v / 100);
  }
}
