package org.factsite.hostile;

import static org.factsite.hostile.HostileSite.ARTICLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.factsite.testing.TestSite.CliRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Markdown cannot put script on a page: raw HTML is shown as text, and a link or image whose
 * address uses a refused scheme (however it is spelt) fails the build at its place.
 */
class MarkdownHostileTest {
  @TempDir Path dir;

  private static Case link(String name, String markdown, int column, String shown) {
    return Case.of(
        name,
        "content/about.md",
        ARTICLE + "\n" + markdown + "\n",
        "content/about.md:11:"
            + column
            + ": this "
            + (markdown.startsWith("!") ? "image" : "link")
            + " uses an address that is not allowed: '"
            + shown
            + "'");
  }

  static Stream<Case> refusedLinks() {
    return Stream.of(
        link("javascript:", "[x](javascript:alert(1))", 1, "javascript:alert(1)"),
        link("mixed case", "[x](JaVaScRiPt:alert(1))", 1, "JaVaScRiPt:alert(1)"),
        link("entity-encoded", "[x](&#106;avascript:alert(1))", 1, "javascript:alert(1)"),
        link("padded with spaces", "[x](   javascript:alert(1))", 1, "javascript:alert(1)"),
        link("tab inside the scheme", "[x](<java\tscript:alert(1)>)", 1, "java?script:alert(1)"),
        link("percent-encoded", "[x](%6Aavascript:alert(1))", 1, "%6Aavascript:alert(1)"),
        link("vbscript:", "[x](vbscript:msgbox(1))", 1, "vbscript:msgbox(1)"),
        link(
            "data: URL",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            1,
            "data:text/html;base64,PHNjcmlwdD4="),
        link("file: URL", "[x](file:///etc/passwd)", 1, "file:///etc/passwd"),
        link("autolink", "<javascript:alert(1)>", 1, "javascript:alert(1)"),
        link(
            "image with javascript:",
            "![a picture](javascript:alert(1))",
            1,
            "javascript:alert(1)"),
        link("protocol-relative", "[x](//evil.example/)", 1, "//evil.example/"),
        Case.of(
            "reference definition",
            "content/about.md",
            ARTICLE + "\nSee [x][r].\n\n[r]: javascript:alert(1)\n",
            "content/about.md:11:5: this link uses an address that is not allowed:"
                + " 'javascript:alert(1)'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedLinks")
  void refusedSchemesFailAtTheirPlace(Case c) {
    HostileSite s = HostileSite.built(dir);
    s.edit(c.edits());
    s.assertBuildFails(c.exitCode(), c.firstLine());
  }

  static Stream<String> rawHtml() {
    return Stream.of(
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "Inline <b onmouseover=\"alert(1)\">bold</b> text",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<style>body{display:none}</style>",
        "<svg><script>alert(1)</script></svg>",
        "<!-- comment --><div style=\"position:fixed\">x</div>");
  }

  /** Raw HTML is shown as text: the page gains no element and no attribute from it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("rawHtml")
  void rawHtmlIsEscaped(String html) {
    HostileSite s = HostileSite.built(dir);
    s.write("content/about.md", ARTICLE + "\n" + html + "\n");
    CliRun r = s.run("build", "--quiet");
    assertEquals(0, r.exitCode(), r.err());
    HostileSite.assertNoStackTrace(r);
    Document page = Jsoup.parse(s.page("about/index.html"));
    assertTrue(
        page.select("script, iframe, style, svg, [onerror], [onmouseover], [style]").isEmpty(),
        page.html());
    for (Element a : page.select("a[href]")) {
      assertFalse(a.attr("href").toLowerCase().contains("javascript"), a.outerHtml());
    }
    assertTrue(
        page.text().contains(html.replaceAll("<!--.*?-->", "").substring(0, 5))
            || page.body().html().contains("&lt;"),
        page.body().html());
  }
}
