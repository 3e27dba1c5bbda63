package org.factsite.hostile;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page carries a strict Content-Security-Policy and keeps to it: a template that adds inline
 * script or style, an event handler, or a file from another site fails the build at the template
 * line, instead of being silently blocked in readers' browsers.
 */
class CspHostileTest {
  @TempDir Path dir;

  private static final String CSP =
      "<meta http-equiv=\"Content-Security-Policy\" content="
          + "\"default-src 'none'; style-src 'self'; img-src 'self'\">";

  private static Case page(String name, String head, String body, String firstLine) {
    return Case.of(
        name,
        "templates/page.ftlh",
        "<!DOCTYPE html>\n<html><head>\n"
            + head
            + "\n</head><body>\n"
            + body
            + "\n${page.body?no_esc}\n</body></html>\n",
        firstLine);
  }

  static Stream<Case> cases() {
    return Stream.of(
        page(
            "inline script",
            CSP,
            "<script>track()</script>",
            "templates/page.ftlh:5:1: inline <script> is not allowed"),
        page(
            "third-party script",
            CSP,
            "<script src=\"https://cdn.example/x.js\"></script>",
            "templates/page.ftlh:5:14: <script src> loads 'https://cdn.example/x.js' from"
                + " another site"),
        page(
            "third-party stylesheet",
            CSP + "\n<link rel=\"stylesheet\" href=\"//fonts.example" + "/f.css\">",
            "",
            "templates/page.ftlh:4:30: <link href> loads"
                + " '//fonts.example/f.css' from another site"),
        page(
            "third-party image",
            CSP,
            "<img src=\"https://tracker.example/p.gif\" alt=\"\">",
            "templates/page.ftlh:5:11: <img src> loads 'https://tracker.example/p.gif' from"
                + " another site"),
        page(
            "style element",
            CSP + "\n<style>body{color:red}</style>",
            "",
            "templates/page.ftlh:4:1: a <style> element is not allowed"),
        page(
            "style attribute",
            CSP,
            "<p style=\"color:red\">x</p>",
            "templates/page.ftlh:5:1: a style attribute on <p> is not allowed"),
        page(
            "event handler",
            CSP,
            "<button onclick=\"go()\">Go</button>",
            "templates/page.ftlh:5:8: an event handler attribute onclick= on <button> is not"
                + " allowed"),
        page(
            "javascript: link in a template",
            CSP,
            "<a href=\"javascript:void(0)\">x</a>",
            "templates/page.ftlh:5:10: <a href> uses an address that is not allowed:"
                + " 'javascript:void(0)'"),
        page(
            "iframe",
            CSP,
            "<iframe src=\"x.html\" title=\"x\"></iframe>",
            "templates/page.ftlh:5:1: <iframe> is not allowed"),
        page(
            "no CSP meta tag",
            "<title>x</title>",
            "",
            "content/about.md: the page has no Content-Security-Policy meta tag (in"
                + " about/index.html)"),
        page(
            "a weak CSP",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src"
                + " 'self' 'unsafe-inline'\">",
            "",
            "templates/page.ftlh:3:53: the"
                + " Content-Security-Policy is not strict: 'default-src 'self' 'unsafe-inline''"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void templateBreakingThePolicyFailsTheBuild(Case c) {
    HostileSite s = HostileSite.built(dir);
    s.edit(c.edits());
    s.assertBuildFails(c.exitCode(), c.firstLine());
  }
}
