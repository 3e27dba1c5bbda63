package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The one-walk page reading ({@link PageScan}) gives exactly the facts the query-per-fact reading
 * ({@link SelectorPageFacts}) gave, in the same order, on hand-made pages that put each fact in an
 * awkward place and on many random ones.
 */
class PageFactsEquivalenceTest {
  private static final String BASE = "https://example.org/repo/";

  /** A comparable picture of a page's facts (a policy problem's needle is a Pattern). */
  static String describe(PageFacts f) {
    return String.join(
        "\n",
        "ids=" + new TreeSet<>(f.ids()),
        "refs=" + f.refs(),
        "assets=" + f.assets(),
        "figures=" + f.figureProblems(),
        "targets=" + new TreeMap<String, Optional<String>>(f.targets()),
        "csp="
            + f.cspProblems().stream()
                .map(
                    p ->
                        (p.needle() == null ? "-" : p.needle().pattern())
                            + "|"
                            + p.message()
                            + "|"
                            + p.hint())
                .toList());
  }

  private static void assertSame(String page, String html) {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        describe(SelectorPageFacts.of(page, bytes, BASE)),
        describe(PageFacts.of(page, bytes, BASE)),
        () -> "facts differ for:\n" + html);
  }

  @Test
  void awkwardPlacesGiveTheSameFacts() {
    for (String html : HAND_MADE) {
      assertSame("posts/a/index.html", html);
      assertSame("index.html", html);
    }
  }

  @Test
  void randomPagesGiveTheSameFacts() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      assertSame("posts/p" + i + "/index.html", randomPage(random));
    }
  }

  static final List<String> HAND_MADE =
      List.of(
          "<p>no head at all</p>",
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
              + "<meta http-equiv=content-security-policy content=\"default-src *\">"
              + "<p id=x style=color:red onclick=go()>t</p>",
          "<picture id=pic><source srcset=\"a.svg 1x, b.svg 2x\" media=\"(max-width: 30em)\">"
              + "<img src=c.svg alt=c><source srcset=late.svg></picture>"
              + "<picture><picture><source srcset=in.svg><img src=inner.svg></picture>"
              + "<source srcset=out.svg><img src=outer.svg></picture>",
          "<img href=h.svg src=s.svg><script href=x.js src=y.js></script><script>inline()</script>"
              + "<link rel=\" StyleSheet \" href=s.css><link rel=canonical href=\""
              + BASE
              + "x/\">"
              + "<link href=noref.css><a name=top></a><a name=\"\" href=\"#top\">up</a>",
          "<a href=\""
              + BASE
              + "posts/b/#c\">own site</a><a href=\"//cdn.example/x.js\">x</a>"
              + "<script src=\"https://cdn.example/x.js\"></script>"
              + "<img src=\"java\tscript:alert(1)\"><a href=\"data:text/html,x\">d</a>"
              + "<iframe src=f.html></iframe><object data=o></object><embed src=e><style>p{}</style>",
          "<figure class=\"chart wide\" id=f1><p class=chart-headline> </p>"
              + "<picture><source srcset=p.svg><img src=w.svg alt=\"\"></picture>"
              + "<figure class=chart><p class=chart-description>d</p></figure></figure>"
              + "<figure class=chart id=f2><p class=chart-headline>H</p><p class=chart-description>D"
              + "</p><p class=chart-source>S</p><img src=x.svg alt=x width=1 height=2>"
              + "<a href=d.CSV>csv</a></figure>",
          "<svg><a href=\"#g\"><image src=s.png /></a><g id=g></g></svg>"
              + "<table><tr><td><img src=\"../up.svg\"></td></tr></table>"
              + "<form action=\"javascript:x\"><button formaction=\"https://e.org\">b</button></form>"
              + "<video poster=\"https://e.org/p.png\"></video><a href=\"../../../../x\">out</a>");

  private static final String[] TAGS = {
    "a",
    "img",
    "link",
    "script",
    "source",
    "picture",
    "figure",
    "p",
    "table",
    "caption",
    "th",
    "meta",
    "style",
    "iframe",
    "div",
    "svg",
    "template",
    "noscript",
    "select",
    "option",
    "form"
  };
  private static final String[] ATTRS = {
    "id",
    "name",
    "href",
    "src",
    "srcset",
    "rel",
    "class",
    "style",
    "onclick",
    "alt",
    "width",
    "height",
    "scope",
    "http-equiv",
    "content",
    "action",
    "poster",
    "HREF"
  };
  private static final String[] VALUES = {
    "",
    "x",
    "a.svg",
    "a.svg 2x, b.svg 1x",
    "../posts/b/",
    "#top",
    "stylesheet",
    "chart",
    "chart-headline",
    "chart-description",
    "chart-source",
    "Content-Security-Policy",
    "default-src 'none'",
    "https://cdn.example/x.js",
    BASE + "posts/c/",
    "javascript:x",
    "data.csv",
    "col",
    "/root",
    "?q#f",
    "caf%C3%A9"
  };

  static String randomPage(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(40);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(10);
      if (kind < 6) {
        b.append('<').append(TAGS[r.nextInt(TAGS.length)]);
        int attrs = r.nextInt(4);
        for (int j = 0; j < attrs; j++) {
          b.append(' ')
              .append(ATTRS[r.nextInt(ATTRS.length)])
              .append("=\"")
              .append(VALUES[r.nextInt(VALUES.length)])
              .append('"');
        }
        b.append('>');
      } else if (kind < 9) {
        b.append("</").append(TAGS[r.nextInt(TAGS.length)]).append('>');
      } else {
        b.append(r.nextBoolean() ? "text " : " ");
      }
    }
    return b.toString();
  }

  @Test
  void squeezeDropsWhatTheRegexDropped() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      all.append(c).append('x');
    }
    String s = all.toString();
    assertEquals(s.replaceAll("[\\s\\p{Cntrl}]", ""), LinkCheck.squeeze(s));
    for (String t : Set.of("plain", "", " ", "a\tb", "java\u0000script:", "x\u007f", "\u00a0y")) {
      assertEquals(t.replaceAll("[\\s\\p{Cntrl}]", ""), LinkCheck.squeeze(t), t);
    }
  }
}
