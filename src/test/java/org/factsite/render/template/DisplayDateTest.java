package org.factsite.render.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates written out by hand read as the formatter writes them, on every day of many years. */
class DisplayDateTest {
  private static final DateTimeFormatter FORMATTER =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  @Test
  void everyDayReadsAsTheFormatterWritesIt() {
    for (LocalDate d = LocalDate.of(1899, 12, 25);
        d.isBefore(LocalDate.of(2101, 1, 8));
        d = d.plusDays(1)) {
      assertEquals(FORMATTER.format(d), PageViewFactory.display(d), d.toString());
    }
    for (LocalDate d :
        new LocalDate[] {
          LocalDate.of(1000, 1, 1),
          LocalDate.of(999, 12, 31),
          LocalDate.of(9999, 12, 31),
          LocalDate.of(10000, 1, 1),
          LocalDate.of(1, 3, 5),
          LocalDate.of(0, 3, 5),
          LocalDate.of(-44, 3, 15)
        }) {
      assertEquals(FORMATTER.format(d), PageViewFactory.display(d), d.toString());
    }
  }
}
