package org.factsite.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;

/**
 * Article dates: YYYY-MM-DD as documented, and the date-times that front matter copied from Hugo or
 * Jekyll carries, shown as the date the author wrote (never shifted by a time zone).
 */
class ArticleDateTest {
  private static TestSite.Built withDate(String date) {
    TestSite site =
        TestSite.of(
                """
        -- content/posts/a.md --
        ---
        title: A
        date: %s
        ---
        Text.
        """
                    .formatted(date))
            .withDefaults();
    site.files()
        .put(
            "templates/page.ftlh",
            "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\""
                + "default-src 'none'\"></head><body><time datetime=\"${page.dateIso}\">${page.date}</time>"
                + "${page.body?no_esc}</body></html>");
    return site.build();
  }

  @Test
  void plainDate() {
    withDate("2020-11-20")
        .assertOk()
        .assertFileContains("posts/a/index.html", "datetime=\"2020-11-20\"", "20 November 2020");
  }

  @Test
  void dateTimeWithOffsetKeepsTheWrittenDay() {
    withDate("2020-11-20T23:30:00-05:00")
        .assertOk()
        .assertFileContains("posts/a/index.html", "datetime=\"2020-11-20\"", "20 November 2020");
  }

  @Test
  void dateTimeFormsHugoAndJekyllWrite() {
    withDate("2020-11-20T09:30:00Z").assertOk();
    withDate("2020-11-20 09:30:00").assertOk();
    withDate("\"2020-11-20T09:30:00+01:00\"").assertOk();
  }

  @Test
  void notADateIsALocatedError() {
    withDate("20/11/2020")
        .assertError(
            "content/posts/a.md:3:7: 'date' should be a date written"
                + " YYYY-MM-DD (a time after it, like 2020-11-20T09:30:00Z, is allowed), not '20/11/2020'");
    withDate("2020-11-20T25:00:00Z").assertFails();
  }

  @Test
  void aDayTheMonthDoesNotHaveIsALocatedError() {
    withDate("2020-02-29").assertOk().assertFileContains("posts/a/index.html", "29 February 2020");
    withDate("2021-02-29")
        .assertError(
            "content/posts/a.md:3:7: 'date' should be a date written"
                + " YYYY-MM-DD (a time after it, like 2020-11-20T09:30:00Z, is allowed), not '2021-02-29'");
    withDate("2020-04-31").assertFails();
    withDate("2020-13-01").assertFails();
    withDate("2020-00-10").assertFails();
  }

  @Test
  void plainDatesAreReadAsTheFormatterReadsThem() {
    for (LocalDate d = LocalDate.of(1999, 1, 1); d.getYear() < 2002; d = d.plusDays(1)) {
      assertEquals(d, Fields.plainDate(d.toString()));
    }
    assertEquals(LocalDate.of(0, 1, 1), Fields.plainDate("0000-01-01"));
    // Anything else is left to the formatter, which reads it or reports it.
    for (String s :
        List.of(
            "2021-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-04-31",
            "2020-1-10x",
            "2020/01/10",
            "+2020-01-1",
            "\uFF12020-01-10",
            "2020-01-1x",
            "2020-01-10 ")) {
      assertNull(Fields.plainDate(s), s);
    }
  }
}
