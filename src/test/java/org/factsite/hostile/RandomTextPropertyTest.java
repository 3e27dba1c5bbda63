package org.factsite.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.factsite.build.BuildOptions;
import org.factsite.build.BuildResult;
import org.factsite.build.SiteBuilder;
import org.factsite.load.Inputs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever text an editor puts in any YAML field or front-matter value, the pages have
 * exactly the markup of the campaign's templates, no more. Each run builds the site (with the real
 * templates) once with plain values and then with random strings full of markup, quotes, template
 * syntax and unusual Unicode in every free-text field, and compares each page's elements and
 * attribute names with the plain build.
 */
class RandomTextPropertyTest {
  private static final int RUNS = 200;
  private static final String[] PIECES = {
    "<",
    ">",
    "\"",
    "'",
    "&",
    "</script>",
    "<script>alert(1)</script>",
    "{{",
    "}}",
    "{{stat offences}}",
    "\n",
    "\n\n",
    "é",
    "漢字",
    "😀",
    "\u202e",
    "\u200b",
    "\u2028",
    "&amp;",
    "&#x3C;",
    "<!--",
    "-->",
    "]]>",
    "${page.title}",
    "<#if x>",
    "[#ftl]",
    "javascript:alert(1)",
    " onerror=alert(1) ",
    "<img src=x onerror=alert(1)>",
    "*",
    "_",
    "`",
    "[x](javascript:y)",
    "%s",
    "\\",
    "\t",
    "---",
    "# heading",
    "<style>",
    "style=\"x\"",
    "a",
    "word",
    " ",
    ":",
    "#",
    "- item",
    "|",
    "<a href=\"//evil\">"
  };

  @Test
  void randomTextNeverAddsMarkup() {
    Random random = new Random(20201120L);
    SiteBuilder builder = new SiteBuilder();
    Map<String, String> baseline = signatures(build(builder, n -> "Plain value " + n));
    assertFalse(baseline.isEmpty());
    for (int run = 0; run < RUNS; run++) {
      Supplier<String> text = () -> randomText(random);
      BuildResult r = build(builder, n -> text.get());
      assertTrue(r.ok(), "run " + run + " failed to build:\n" + r.diagnostics());
      Map<String, String> pages = signatures(r);
      assertEquals(baseline.keySet(), pages.keySet(), "run " + run);
      for (String page : baseline.keySet()) {
        assertEquals(
            baseline.get(page), pages.get(page), "run " + run + ": markup of " + page + " changed");
      }
      for (Map.Entry<String, byte[]> f : r.files().entrySet()) {
        if (f.getKey().endsWith(".svg")) {
          var svg =
              Jsoup.parse(new String(f.getValue(), StandardCharsets.UTF_8), "", Parser.xmlParser());
          assertTrue(svg.select("script, foreignObject, style").isEmpty(), f.getKey());
          svg.getAllElements()
              .forEach(
                  e ->
                      e.attributes()
                          .forEach(
                              a ->
                                  assertFalse(
                                      a.getKey().toLowerCase().startsWith("on"), f.getKey())));
        }
      }
    }
  }

  private static String randomText(Random random) {
    StringBuilder b = new StringBuilder("x");
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      b.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  /** Each page's element names in order, with the names of their attributes. */
  private static Map<String, String> signatures(BuildResult r) {
    Map<String, String> out = new TreeMap<>();
    r.files()
        .forEach(
            (path, bytes) -> {
              if (path.endsWith(".html")) {
                StringBuilder b = new StringBuilder();
                for (Element e :
                    Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)).getAllElements()) {
                  b.append('<').append(e.normalName());
                  e.attributes().asList().stream()
                      .map(Attribute::getKey)
                      .sorted()
                      .forEach(a -> b.append(' ').append(a));
                  b.append(">\n");
                }
                out.put(path, b.toString());
              }
            });
    return out;
  }

  /** Names each free-text field so the plain build can give it a value. */
  interface Values {
    String next(String field);
  }

  private static BuildResult build(SiteBuilder builder, Values v) {
    Map<String, String> files = new LinkedHashMap<>(projectTemplates());
    files.put(
        "site.yaml",
        "title: "
            + q(v.next("site title"))
            + "\ndescription: "
            + q(v.next("description"))
            + "\nbase_url: https://example.org/repo/\nlanguage: en-GB\n"
            + "nav:\n  - title: "
            + q(v.next("nav"))
            + "\n    path: /\n  - title: "
            + q(v.next("nav 2"))
            + "\n    path: /get-help/\n");
    files.put("content/index.md", article(v, "", "Home {{stat offences}}.\n\n{{chart rise}}\n"));
    files.put(
        "content/about.md",
        article(
            v,
            "content_note: true\ntags: [" + q(v.next("tag")) + ", " + q(v.next("tag 2")) + "]\n",
            "About {{working average}}.\n"));
    files.put("content/get-help.md", article(v, "", "Help.\n"));
    files.put("content/accessibility.md", article(v, "", "Access.\n"));
    files.put("content/sources.md", article(v, "layout: sources\n", ""));
    files.put(
        "data/figures.yaml",
        "sources:\n  - id: report\n    title: "
            + q(v.next("source"))
            + "\n    publisher: "
            + q(v.next("publisher"))
            + "\n    published: "
            + q(v.next("published"))
            + "\n    underlying: "
            + q(v.next("underlying"))
            + "\n"
            + "statistics:\n"
            + stat(v, "offences", 1220)
            + stat(v, "before", 12925)
            + "derived:\n  - id: average\n    label: "
            + q(v.next("derived"))
            + "\n    operation: per-quarter\n    of: before\n");
    files.put(
        "data/charts/rise.yaml",
        "headline: "
            + q(v.next("headline"))
            + "\nsubtitle: "
            + q(v.next("subtitle"))
            + "\ntype: column\nvalue_axis: "
            + q(v.next("axis"))
            + "\ndescription: "
            + q(v.next("chart description"))
            + "\nnotes: "
            + q(v.next("notes"))
            + "\nbars:\n  - label: "
            + q(v.next("bar"))
            + "\n    stat: before\n  - label: "
            + q(v.next("bar 2"))
            + "\n    stat: offences\n");
    return builder.build(Inputs.ofText(files), BuildOptions.DEFAULT);
  }

  private static String stat(Values v, String id, int value) {
    return "  - id: "
        + id
        + "\n    label: "
        + q(v.next("label"))
        + "\n    value: "
        + value
        + "\n    format: count\n    qualifier: "
        + q(v.next("qualifier"))
        + "\n    unit: "
        + q(v.next("unit"))
        + "\n    period: "
        + q(v.next("period"))
        + "\n    period_start: 2017-04\n    period_end: 2020-03\n    geography: "
        + q(v.next("geography"))
        + "\n    caveat: "
        + q(v.next("caveat"))
        + "\n    sources: [report]\n";
  }

  private static String article(Values v, String extra, String body) {
    return "---\ntitle: "
        + q(v.next("title"))
        + "\nsummary: "
        + q(v.next("summary"))
        + "\n"
        + extra
        + "---\n"
        + body;
  }

  /** A YAML double-quoted scalar holding {@code s} exactly. */
  private static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                  if (c < 0x20 || (c >= 0x2028 && c <= 0x202e)) {
                    b.append(String.format("\\u%04x", c));
                  } else {
                    b.appendCodePoint(c);
                  }
                }
              }
            });
    return b.append('"').toString();
  }

  private static Map<String, String> projectTemplates() {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(Path.of("templates"))) {
      List<Path> paths = new ArrayList<>(s.filter(Files::isRegularFile).toList());
      for (Path p : paths) {
        out.put(p.toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
