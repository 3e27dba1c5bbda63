package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.factsite.render.markdown.RenderedBody;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.junit.jupiter.api.Test;

/**
 * Whatever {@link StrictTags} reads, jsoup's parse reads the same: the same elements in the same
 * order with the same attributes, the body's markers standing right at the same place, and the same
 * facts for a page made of the frame. The documents are random, mostly in the strict subset and
 * often just outside it (a block in a paragraph, an item outside a list, a link in a link, a
 * missing or crossed end tag, a table, a script, a value with a reference or a stand-in where it
 * may not stand), so both sides of the subset's edge are tried.
 */
class StrictTagsTest {
  private static final String BASE = "https://example.org/repo/";
  private static final String PAGE = "posts/a/index.html";
  private static final String MARKERS =
      "<col "
          + BodySplice.COL_ATTRIBUTE
          + "><!--"
          + BodySplice.COMMENT_DATA
          + "-->"
          + BodySplice.TEXT;
  private static final String VALUE = String.valueOf(FrameSkeleton.VALUE);

  /** The subset's elements, in a fixed order so that the random documents are the same each run. */
  private static final List<String> BLOCKS = List.copyOf(new TreeSet<>(StrictTags.FLOW));

  private static final List<String> PHRASES = List.copyOf(new TreeSet<>(StrictTags.PHRASING));

  /** Elements outside the subset, each read differently by the parser in some way. */
  private static final List<String> OTHERS =
      List.of(
          "table",
          "tr",
          "td",
          "form",
          "button",
          "label",
          "input",
          "select",
          "option",
          "script",
          "style",
          "textarea",
          "svg",
          "font",
          "nobr",
          "pre",
          "figure",
          "picture",
          "source",
          "iframe",
          "template",
          "title",
          "head",
          "body",
          "html",
          "frameset",
          "col",
          "caption",
          "DIV",
          "x-widget",
          "image",
          "address",
          "center",
          "menu",
          "summary",
          "details",
          "meta",
          "link",
          "math",
          "plaintext",
          "noscript",
          "object");

  private static final List<String> ATTRIBUTES =
      List.of(
          " id=\"x\"",
          " id=\"y\"",
          " class=\"c\"",
          " href=\"../../b/\"",
          " href=\"#x\"",
          " href=\"https://example.org/repo/c/\"",
          " href=\"https://other.example/\"",
          " src=\"i.png\"",
          " rel=\"stylesheet\"",
          " name=\"n\"",
          " title=\"" + VALUE + "\"",
          " datetime=\"" + VALUE + "\"",
          " lang=\"" + VALUE + "\"",
          " aria-label=\"" + VALUE + "\"",
          " hidden",
          " tabindex=\"-1\"",
          " data-x=\"1\"",
          " xml:lang=\"en\"",
          " content=\"It&#39;s &lt;new&gt; &quot;here&quot;\"",
          " href=\"../../b/?x=1&amp;y=2\"",
          " data-x=\"&#x41;&#65;&#0097;\"");

  /** Attributes outside the subset, or values that stand where they may not. */
  private static final List<String> ODD_ATTRIBUTES =
      List.of(
          " href=\"" + VALUE + "\"",
          " id=\"" + VALUE + "\"",
          " title=\"a" + VALUE + "\"",
          " title=\"" + FrameSkeleton.TEXT + "\"",
          " href='x'",
          " href=x",
          " HREF=\"x\"",
          " href=\"a&amp;b\"",
          " href=\"a&b\"",
          " href=\"a&amp\"",
          " href=\"&nbsp;\"",
          " href=\"&#128;\"",
          " href=\"&#X41;\"",
          " href=\"&#x;\"",
          " href=\"&#9;\"",
          " href=\"&#3a;\"",
          " title=\"a<b\"",
          " title=\"a>b\"",
          " onclick=\"go()\"",
          " style=\"color: red\"",
          " id=\"x\" id=\"z\"",
          " href = \"x\"",
          " srcset=\"a.png 1x\"",
          "/",
          " data-x=\"1\"x");

  private static final List<String> TEXTS =
      List.of(
          "Word",
          "Two words",
          " ",
          "\n  ",
          "\r\n",
          String.valueOf(FrameSkeleton.TEXT),
          String.valueOf(FrameSkeleton.FIRST),
          "Fish &amp; chips",
          "it&#39;s",
          "a > b");

  private static final List<String> ODD_TEXTS =
      List.of(
          VALUE,
          "a < b",
          "a <b",
          "x\u0000y",
          "</",
          "<!",
          "<?x>",
          "</ p>",
          "<!-- a -- b -->",
          "<!-->",
          "<!-- a --->",
          "<!-- " + VALUE + " -->",
          "<!-- fine -->",
          "<!DOCTYPE html>",
          "\r\n",
          BodySplice.TEXT,
          MARKERS);

  @Test
  void framesItReadsAreReadSoByTheParser() {
    Random r = new Random(27);
    PageFacts body = BodySplice.ofHtml(PAGE, "<p><a id=\"in\" href=\"../../d/\">d</a></p>", BASE);
    assertNotNull(body);
    int read = 0;
    int refused = 0;
    for (int i = 0; i < 30000; i++) {
      String frame = frame(r);
      StrictTags.Frame strict = StrictTags.frame(frame);
      if (strict == null) {
        refused++;
        continue;
      }
      read++;
      Document doc = Jsoup.parse(frame);
      assertEquals(describe(elements(doc)), describe(strict.tags()), () -> "tags of:\n" + frame);
      assertTrue(FrameShapes.standInsWhereMeant(doc, false), () -> "stand-ins of:\n" + frame);
      PageScan.Frame parsed = PageScan.frame(doc, BASE);
      assertNotNull(parsed, () -> "the parse finds the markers wrong in:\n" + frame);
      assertFalse(parsed.perPage(), frame);
      PageScan.Frame direct = PageScan.frame(strict.tags(), strict.bodyAt(), BASE);
      assertEquals(
          PageFactsEquivalenceTest.describe(
              PageFacts.from(parsed.with(PAGE, BASE, body), PAGE, BASE, body)),
          PageFactsEquivalenceTest.describe(
              PageFacts.from(direct.with(PAGE, BASE, body), PAGE, BASE, body)),
          () -> "facts of:\n" + frame);
    }
    assertTrue(read > 3000, "read " + read);
    assertTrue(refused > 3000, "refused " + refused);
  }

  @Test
  void itemsItReadsAreReadSoByTheParser() {
    Random r = new Random(72);
    int read = 0;
    int refused = 0;
    for (int i = 0; i < 20000; i++) {
      String open = r.nextInt(8) == 0 ? "<p>" : r.nextBoolean() ? "<ul class=\"all\">" : "<div>";
      String name = open.substring(1, open.indexOf(open.contains(" ") ? ' ' : '>'));
      String fragment = open + content(r, name, 0, true) + "</" + name + ">";
      List<RenderedBody.Tag> strict = StrictTags.fragment(fragment, open.length());
      if (strict == null) {
        refused++;
        continue;
      }
      read++;
      List<RenderedBody.Tag> parsed = ListSplice.parsedItemTags(fragment, open.length());
      assertNotNull(parsed, () -> "the parse refuses:\n" + fragment);
      assertEquals(describe(parsed), describe(strict), () -> "tags of:\n" + fragment);
    }
    assertTrue(read > 3000, "read " + read);
    assertTrue(refused > 3000, "refused " + refused);
  }

  @Test
  void framesOutsideTheSubsetAreLeftToTheParser() {
    String ok =
        "<!DOCTYPE html>\n<html lang=\""
            + VALUE
            + "\">\n<head><meta charset=\"utf-8\"><title>"
            + FrameSkeleton.TEXT
            + "</title></head>\n<body><main><p>"
            + FrameSkeleton.TEXT
            + "</p>"
            + MARKERS
            + "\n</main></body></html>\n";
    StrictTags.Frame frame = StrictTags.frame(ok);
    assertNotNull(frame);
    assertEquals(7, frame.bodyAt(), "html, head, meta, title, body, main, p: the body after p");
    for (String[] change :
        new String[][] {
          {"<main><p>", "<main><p><div>x</div>"}, // a block in a paragraph
          {"<main>", "<main><table><tr><td>x</td></tr></table>"},
          {"</main>", "<script>x</script></main>"},
          {"<main>", "<main><a href=\"x\">"}, // the markers inside a link
          {"\n</main>", BodySplice.TEXT + "\n</main>"}, // the text marker twice
          {"<main>", "<main>" + MARKERS}, // the markers twice
          {"<p>", "<p class=\"a&nbsp;b\">"}, // a reference left to the parser's tables
          {"<p>", "<p class=\"" + VALUE + "\">"},
          {"</p>", ""}, // an element closed by the parser
          {"</body></html>\n", "</body></html>\n<p>late</p>"},
          {"<!DOCTYPE html>\n", ""},
        }) {
      String changed = ok.replace(change[0], change[1]);
      assertNull(StrictTags.frame(changed), () -> "read:\n" + changed);
    }
  }

  /** A random frame: mostly a whole page in the subset, with the body's markers somewhere. */
  private static String frame(Random r) {
    StringBuilder b = new StringBuilder();
    if (r.nextInt(30) != 0) {
      b.append(r.nextInt(10) == 0 ? "<!doctype html>" : "<!DOCTYPE html>").append('\n');
    }
    b.append("<html").append(r.nextInt(4) == 0 ? "" : " lang=\"" + VALUE + "\"").append(">\n");
    if (r.nextInt(30) != 0) {
      b.append("<head>");
    }
    int head = r.nextInt(5);
    for (int k = 0; k < head; k++) {
      switch (r.nextInt(12)) {
        case 0, 1, 2 -> b.append("<meta charset=\"utf-8\">");
        case 3 ->
            b.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src")
                .append(r.nextBoolean() ? " 'none'\">" : " *\">");
        case 4, 5 -> b.append("<link rel=\"stylesheet\" href=\"../../s.css\">");
        case 6, 7 -> b.append("<title>").append(pick(r, TEXTS)).append("</title>");
        case 8 -> b.append("<title>a<b</title>");
        case 9 -> b.append("<script src=\"s.js\"></script>");
        case 10 -> b.append(pick(r, ODD_TEXTS));
        default -> b.append(r.nextBoolean() ? "\n" : "\r\n");
      }
    }
    if (r.nextInt(30) != 0) {
      b.append("</head>\n");
    }
    b.append("<body").append(r.nextInt(5) == 0 ? pick(r, ATTRIBUTES) : "").append(">\n");
    String content = content(r, "body", 0, false);
    int markers = r.nextInt(12) == 0 ? r.nextInt(3) : 1;
    for (int m = 0; m < markers; m++) {
      content = withMarkers(content, r);
    }
    b.append(content).append(r.nextInt(30) == 0 ? "" : "</body>");
    b.append(r.nextInt(3) == 0 ? "" : "\n</html>").append(r.nextInt(30) == 0 ? "<p>x</p>" : "\n");
    return b.toString();
  }

  /** {@code content} with the body's markers put in after one of its tags, or at its start. */
  private static String withMarkers(String content, Random r) {
    List<Integer> places = new ArrayList<>();
    places.add(0);
    for (int k = content.indexOf('>'); k >= 0; k = content.indexOf('>', k + 1)) {
      places.add(k + 1);
    }
    int at = places.get(r.nextInt(places.size()));
    return content.substring(0, at) + MARKERS + content.substring(at);
  }

  /**
   * Random content for an element named {@code parent}: mostly what the subset allows there, now
   * and then anything.
   */
  private static String content(Random r, String parent, int depth, boolean item) {
    StringBuilder b = new StringBuilder();
    int children = depth > 5 ? 0 : r.nextInt(depth == 0 ? 6 : 4);
    for (int k = 0; k < children; k++) {
      int roll = r.nextInt(40);
      if (roll < 8) {
        b.append(roll == 0 ? pick(r, ODD_TEXTS) : pick(r, TEXTS));
        continue;
      }
      String name;
      if (roll < 10) {
        name = pick(r, OTHERS);
      } else if (roll < 14) {
        name = pick(r, r.nextBoolean() ? BLOCKS : PHRASES);
      } else if (List.of("ul", "ol").contains(parent)) {
        name = "li";
      } else if (parent.equals("dl")) {
        name = r.nextBoolean() ? "dt" : "dd";
      } else if (StrictTags.PHRASING.contains(parent) || parent.matches("p|h[1-6]")) {
        name = pick(r, PHRASES);
      } else {
        name = r.nextInt(3) == 0 ? pick(r, PHRASES) : pick(r, BLOCKS);
      }
      if (name.equals("li") && !List.of("ul", "ol").contains(parent) && r.nextInt(4) != 0) {
        name = "ul";
      }
      b.append('<').append(name);
      int attributes = r.nextInt(3);
      for (int a = 0; a < attributes; a++) {
        String attribute = r.nextInt(12) == 0 ? pick(r, ODD_ATTRIBUTES) : pick(r, ATTRIBUTES);
        if (r.nextInt(8) == 0) {
          attribute = "\r\n" + attribute.substring(1); // a tag written over two lines
        }
        b.append(
            item && r.nextBoolean()
                ? attribute.replaceAll("\"[^\"]*\"", "\"" + VALUE + "\"")
                : attribute);
      }
      boolean isVoid =
          List.of("br", "hr", "img", "wbr", "meta", "link", "input", "col").contains(name);
      b.append(isVoid && r.nextInt(4) == 0 ? "/>" : ">");
      if (isVoid) {
        if (r.nextInt(20) == 0) {
          b.append("</").append(name).append('>');
        }
        continue;
      }
      b.append(content(r, name, depth + 1, item));
      int end = r.nextInt(40);
      if (end == 0) {
        continue; // left open
      }
      b.append("</").append(end == 1 ? pick(r, BLOCKS) : name).append('>');
      if (end == 2) {
        b.append("</p>");
      }
    }
    if (item && depth == 0 && r.nextInt(3) != 0) {
      b.append(FrameSkeleton.TEXT);
    }
    return b.toString();
  }

  private static String pick(Random r, List<String> list) {
    return list.get(r.nextInt(list.size()));
  }

  /** Every element of a parsed page in document order, as tags. */
  private static List<RenderedBody.Tag> elements(Document doc) {
    List<RenderedBody.Tag> tags = new ArrayList<>();
    doc.traverse(
        (Node node, int depth) -> {
          if (node instanceof Element el && !(node instanceof Document)) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Attribute a : el.attributes()) {
              attributes.put(a.getKey(), a.getValue());
            }
            tags.add(new RenderedBody.Tag(el.normalName(), attributes));
          }
        });
    return tags;
  }

  /** Tags as text, their attributes in the order written. */
  private static String describe(List<RenderedBody.Tag> tags) {
    StringBuilder b = new StringBuilder();
    for (RenderedBody.Tag t : tags) {
      b.append('<').append(t.name());
      t.attributes().forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
      b.append(">\n");
    }
    return b.toString();
  }
}
