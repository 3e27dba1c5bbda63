package org.factsite.render.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the examples in {@code markdown-spec.md} (commonmark's spec format) through a whole build
 * and compares each page body with the expected HTML.
 */
class MarkdownSpecTest {
  private static final String FENCE = "````````````````````````````````";
  private static final String DATA =
      """
      -- content/index.md --
      ---
      title: Home
      ---
      -- data/figures.yaml --
      sources:
        - id: s
          title: Source
          publisher: Publisher
      statistics:
        - {id: total, value: 12925, format: count, unit: offences, period: 2017-2020,
           period_start: 2017-04, period_end: 2020-03, geography: E&W, sources: [s]}
        - {id: share, value: 37, format: percent, unit: share, period: 2020, geography: E&W,
           sources: [s]}
        - {id: fine, value: 20000000, format: money, currency: EUR, unit: fine, period: proposed,
           geography: UK, sources: [s]}
        - {id: rounded, value: 1200, qualifier: more than, format: count, unit: crimes,
           period: 2020, geography: UK, sources: [s]}
      derived:
        - {id: average, label: Average, operation: per-quarter, of: total, decimals: 1}
      """;

  record Example(int line, String markdown, String html) {}

  @TestFactory
  Stream<DynamicTest> examples() throws IOException {
    List<Example> examples = read();
    assertTrue(examples.size() >= 10, "expected the spec examples");
    return examples.stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    "example at line " + e.line(),
                    () -> assertEquals(e.html(), body(e.markdown()))));
  }

  private static String body(String markdown) {
    String html =
        TestSite.of(DATA + "-- content/page.md --\n---\ntitle: Page\n---\n" + markdown)
            .withDefaults()
            .build()
            .assertOk()
            .file("page/index.html");
    int start = html.indexOf("</h1>") + 5;
    int end = html.indexOf("</main>");
    return html.substring(start, end);
  }

  private static List<Example> read() throws IOException {
    String text;
    try (InputStream in = MarkdownSpecTest.class.getResourceAsStream("/markdown-spec.md")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Example> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].equals(FENCE + " example")) {
        continue;
      }
      int start = i + 1;
      StringBuilder md = new StringBuilder();
      StringBuilder html = new StringBuilder();
      StringBuilder current = md;
      for (i = start; !lines[i].equals(FENCE); i++) {
        if (lines[i].equals(".") && current == md) {
          current = html;
        } else {
          current.append(lines[i]).append('\n');
        }
      }
      out.add(new Example(start, md.toString(), html.toString()));
    }
    return out;
  }
}
