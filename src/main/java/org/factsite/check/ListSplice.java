package org.factsite.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factsite.render.markdown.RenderedBody;
import org.factsite.render.template.WrittenPage;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a page that lists many things alike, a line each (the home page's list of every article),
 * without parsing the list: one item is parsed, and every item's facts come from its own tags.
 *
 * <p>The list is the longest run of at least {@link #MIN_ITEMS} lines whose loose skeletons are
 * alike ({@link FrameSkeleton#loose}: text runs and every attribute value written {@code
 * name="value"} stood in for), with one start tag of a plain container ({@code <ul>}, {@code <div>}
 * …) before it and that element's end tag after it, nothing but space between. The container
 * holding the first item's skeleton is read on its own (its start tags as written when it is in
 * {@link StrictTags}' subset, else parsed as an article body is, {@link BodySplice#ofHtml}), and
 * the list is used only when that reading shows:
 *
 * <ul>
 *   <li>no parse error, one element (the container) from the first character to the last, and every
 *       element opened and closed by tags of its own, with some text: then after the item the
 *       parser is where it was before it, so the next item, whose skeleton is the same, is read the
 *       same way, and so on to the last (the stand-ins read as the text and values they stand for,
 *       see {@link FrameShapes});
 *   <li>every stand-in where the scan meant it, each value's the whole value of an attribute, as
 *       many values as the item has: then the n-th value written in an item is the n-th attribute
 *       value stood in for in the parse, in document order;
 *   <li>only plain flow and phrasing elements, none whose reading depends on attribute values or on
 *       what it holds.
 * </ul>
 *
 * <p>The list's facts then come from its start tags with each item's own values put in ({@link
 * BodySplice#ofTags}), and the rest of the page is read as a page around an article body is ({@link
 * BodySplice#spliced}, which sends the page to be read whole when the list does not stand in plain
 * flow). {@code ListSpliceTest} compares the facts with the whole page's on pages built to break
 * each rule.
 */
final class ListSplice {
  /** Fewer items than this: the page's parse costs little, and the page is parsed whole. */
  static final int MIN_ITEMS = 16;

  /** The containers a list may stand in. */
  private static final Set<String> CONTAINERS =
      Set.of(
          "ul", "ol", "dl", "div", "section", "article", "aside", "nav", "header", "footer",
          "main");

  /**
   * The elements an item may hold: the plain flow and phrasing elements of {@link StrictTags},
   * whose facts come from their own attributes alone (no picture, figure or script), but {@code
   * main} (a page's one main landmark, never a list item's).
   */
  private static final Set<String> ITEM_ELEMENTS = itemElements();

  private static final String VALUE = String.valueOf(FrameSkeleton.VALUE);

  private ListSplice() {}

  private static Set<String> itemElements() {
    Set<String> elements = new HashSet<>(StrictTags.FLOW);
    elements.addAll(StrictTags.PHRASING);
    elements.remove("main");
    return Set.copyOf(elements);
  }

  /** The page's facts: its list read from its tags when it can be, else the whole page parsed. */
  static PageFacts ofPage(String page, byte[] html, String baseUrl, FrameShapes shapes) {
    String text = new String(html, StandardCharsets.UTF_8); // decoded once, for either reading
    PageFacts facts = facts(page, html, text, baseUrl, shapes);
    return facts != null ? facts : PageFacts.of(page, text, baseUrl);
  }

  /** The page's facts with its list read from its tags, or null when it must be read whole. */
  static PageFacts facts(String page, byte[] html, String baseUrl, FrameShapes shapes) {
    return facts(page, html, new String(html, StandardCharsets.UTF_8), baseUrl, shapes);
  }

  /** As above, for the page's bytes {@code html} already decoded to {@code text}. */
  private static PageFacts facts(
      String page, byte[] html, String text, String baseUrl, FrameShapes shapes) {
    if (html.length < MIN_ITEMS * 16) {
      return null;
    }
    Run run = Run.longest(text);
    if (run == null) {
      return null;
    }
    int openEnd = spaceBefore(text, run.from());
    int openStart =
        openEnd > 0 && text.charAt(openEnd - 1) == '>' ? text.lastIndexOf('<', openEnd - 1) : -1;
    int closeStart = spaceAfter(text, run.to());
    int closeEnd = text.indexOf('>', closeStart) + 1;
    if (openStart < 0
        || openStart + 1 >= openEnd
        || !Character.isLetter(text.charAt(openStart + 1))
        || !text.startsWith("</", closeStart)
        || closeEnd <= 0) {
      return null;
    }
    String open = text.substring(openStart, openEnd);
    String close = text.substring(closeStart, closeEnd);
    String fragment =
        open
            + text.substring(openEnd, run.from())
            + run.item()
            + text.substring(run.to(), closeStart)
            + close;
    List<RenderedBody.Tag> item = itemTags(fragment, open.length());
    if (item == null || !readAlike(item, run.values().get(0).size())) {
      return null;
    }
    PageFacts listFacts = BodySplice.ofTags(page, madeAlike(item, run.values()), baseUrl);
    if (listFacts == null) {
      return null;
    }
    return BodySplice.spliced(
        page,
        html,
        new WrittenPage(text, openStart),
        text.substring(openStart, closeEnd),
        listFacts,
        baseUrl,
        shapes);
  }

  /**
   * The start tags of {@code fragment} (a container holding one item's skeleton, its start tag
   * {@code openLength} characters long) in document order, the container's first: read as written
   * when it is in {@link StrictTags}' subset, else from jsoup's parse; null unless the parse shows
   * the fragment is one balanced element with text, without a parse error, and every stand-in where
   * the scan meant it.
   */
  private static List<RenderedBody.Tag> itemTags(String fragment, int openLength) {
    List<RenderedBody.Tag> tags = StrictTags.fragment(fragment, openLength);
    return tags != null ? tags : parsedItemTags(fragment, openLength);
  }

  /** {@link #itemTags} from jsoup's parse of the fragment. */
  static List<RenderedBody.Tag> parsedItemTags(String fragment, int openLength) {
    Parser parser = Parser.htmlParser().setTrackErrors(1).setTrackPosition(true);
    List<Node> nodes = parser.parseFragmentInput(fragment, new Element("body"), "");
    if (!parser.getErrors().isEmpty()
        || nodes.size() != 1
        || !(nodes.get(0) instanceof Element container)
        || container.sourceRange().startPos() != 0
        || container.sourceRange().endPos() != openLength
        || container.endSourceRange().endPos() != fragment.length()
        || !BodySplice.balancedWithText(nodes)
        || !FrameShapes.standInsWhereMeant(container, true)) {
      return null;
    }
    List<RenderedBody.Tag> parsed = new ArrayList<>();
    container.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element el) {
              Map<String, String> attributes = new LinkedHashMap<>();
              for (Attribute a : el.attributes()) {
                attributes.put(a.getKey(), a.getValue());
              }
              parsed.add(new RenderedBody.Tag(el.normalName(), attributes));
            }
          }
        });
    return parsed;
  }

  /**
   * Whether an item's tags (the container's first) are what the class comment lists: a plain
   * container whose own tag was not stood in for, then only {@link #ITEM_ELEMENTS}, with {@code
   * values} attribute values stood in for.
   */
  private static boolean readAlike(List<RenderedBody.Tag> tags, int values) {
    if (!CONTAINERS.contains(tags.get(0).name()) || stoodIn(tags.get(0)) > 0) {
      return false;
    }
    int stoodIn = 0;
    for (int i = 1; i < tags.size(); i++) {
      if (!ITEM_ELEMENTS.contains(tags.get(i).name())) {
        return false;
      }
      stoodIn += stoodIn(tags.get(i));
    }
    return stoodIn == values;
  }

  /**
   * The list's tags that carry attributes: the container's, then each item's, with the values stood
   * in for taken from that item's own text in order. Tags without attributes are left out: no fact
   * is found in one of {@link #ITEM_ELEMENTS} without them.
   */
  private static List<RenderedBody.Tag> madeAlike(
      List<RenderedBody.Tag> tags, List<List<String>> values) {
    List<RenderedBody.Tag> made = new ArrayList<>(1 + tags.size() * values.size() / 2);
    if (!tags.get(0).attributes().isEmpty()) {
      made.add(tags.get(0));
    }
    for (List<String> item : values) {
      int next = 0;
      for (int i = 1; i < tags.size(); i++) {
        RenderedBody.Tag tag = tags.get(i);
        if (tag.attributes().isEmpty()) {
          continue;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : tag.attributes().entrySet()) {
          String v = a.getValue();
          attributes.put(a.getKey(), v.equals(VALUE) ? decoded(item.get(next++)) : v);
        }
        made.add(new RenderedBody.Tag(tag.name(), attributes));
      }
    }
    return made;
  }

  /** How many of the tag's attribute values were stood in for. */
  private static int stoodIn(RenderedBody.Tag tag) {
    int n = 0;
    for (String v : tag.attributes().values()) {
      if (v.equals(VALUE)) {
        n++;
      }
    }
    return n;
  }

  /** An attribute value as written, its character references read as the parser reads them. */
  private static String decoded(String raw) {
    return raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, true);
  }

  /** Where the space before {@code at} begins. */
  private static int spaceBefore(String s, int at) {
    int i = at;
    while (i > 0 && isSpace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /** Where the space from {@code at} ends. */
  private static int spaceAfter(String s, int at) {
    int i = at;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f';
  }

  /**
   * The longest run of lines alike: from the start of its first line to the end of its last (its
   * line break included), the first line's loose skeleton, and each line's values in order.
   */
  private record Run(int from, int to, String item, List<List<String>> values) {
    static Run longest(String text) {
      Run best = null;
      String shape = null;
      int from = 0;
      List<List<String>> values = new ArrayList<>();
      int n = text.length();
      int start = 0;
      while (start < n) {
        int nl = text.indexOf('\n', start);
        int end = nl < 0 ? n : nl + 1;
        List<String> lineValues = new ArrayList<>();
        String line = FrameSkeleton.loose(text.substring(start, end), lineValues);
        boolean usable = line.indexOf('<') >= 0 && standIns(line) == lineValues.size();
        if (!usable || !line.equals(shape)) {
          best = better(best, from, start, shape, values);
          shape = usable ? line : null;
          from = start;
          values = new ArrayList<>();
        }
        values.add(lineValues);
        start = end;
      }
      return better(best, from, n, shape, values);
    }

    /**
     * How many value stand-ins the line's skeleton holds: more than the values it stood in for when
     * the line itself holds the stand-in character, whose value would then be missing.
     */
    private static int standIns(String skeleton) {
      int n = 0;
      for (int i = skeleton.indexOf(FrameSkeleton.VALUE);
          i >= 0;
          i = skeleton.indexOf(FrameSkeleton.VALUE, i + 1)) {
        n++;
      }
      return n;
    }

    private static Run better(Run best, int from, int to, String shape, List<List<String>> values) {
      boolean longer = best == null || values.size() > best.values().size();
      return shape != null && values.size() >= MIN_ITEMS && longer
          ? new Run(from, to, shape, values)
          : best;
    }
  }
}
