package org.factsite.check;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads the frames of pages made by one template once per shape. A page's frame (the page with its
 * article body replaced by {@link BodySplice}'s markers) is parsed as its {@link FrameSkeleton},
 * which leaves out the text and the attribute values no check reads; pages whose skeletons are
 * alike (every article page of a site, give or take its number of tags) share the facts read from
 * one parse, with each page's body facts put in where the markers stand.
 *
 * <p>Why the skeleton's facts are the frame's: a run of text the scan replaced holds no {@code <}
 * and something solid, so the HTML tokenizer reads the run and the stand-in character alike (as
 * text, or as the inside of a comment, a script, an attribute's value) and goes on in the same
 * state; the tree builder treats a run with something solid in it as it treats the stand-in. The
 * elements, their attributes and the comments are then the same, and only the text differs, which
 * no fact but the body's markers and a chart figure's cells depends on. A shape is used only when
 * the parse shows each stand-in where the scan meant it (text in a plain text node, an unread value
 * in that attribute's value), the markers stand right, and the frame has no chart figure and no
 * picture; otherwise the frame itself is parsed, as before. {@code FrameShapesTest} compares the
 * facts both ways on random frames.
 *
 * <p>A skeleton written in {@link StrictTags}' subset of HTML (most templates' frames) is read from
 * its start tags as written, without jsoup, whose first parse in a build costs more than all the
 * rest of the frames' reading; any other is parsed.
 *
 * <p>At most {@link #MAX_SHAPES} shapes are kept, and all are dropped when that many are held (the
 * templates changed under the preview server, or every page is shaped differently, which then costs
 * a scan and a look-up per page). Thread-safe.
 */
final class FrameShapes {
  static final int MAX_SHAPES = 512;

  /**
   * A skeleton and the base it was read against. Equality is written out: a record's own goes
   * through method handles, which cost more than the look-up itself for every page.
   */
  private record Key(String skeleton, String baseUrl) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && skeleton.equals(k.skeleton)
          && Objects.equals(baseUrl, k.baseUrl);
    }

    @Override
    public int hashCode() {
      return 31 * skeleton.hashCode() + Objects.hashCode(baseUrl);
    }
  }

  /**
   * What a skeleton's parse gave: null facts when its pages must be read another way, and then
   * {@code whole} says whether the markers showed the page must be read whole.
   */
  private record Shape(PageScan.Frame frame, boolean whole) {}

  private static final Shape UNUSABLE = new Shape(null, false);
  private static final Shape READ_WHOLE = new Shape(null, true);

  private final Map<Key, Shape> shapes = new ConcurrentHashMap<>();

  /** How many shapes are kept, for tests. */
  int size() {
    return shapes.size();
  }

  /**
   * The facts of the page at {@code page} whose frame is {@code frame}, with {@code body}'s facts
   * put in at the markers, as {@link BodySplice#frameFacts} gives them; null when the page must be
   * read whole. A frame whose shape cannot be shared is parsed itself.
   */
  PageFacts facts(String frame, String page, String baseUrl, PageFacts body) {
    Key key = new Key(FrameSkeleton.of(frame), baseUrl);
    Shape shape = shapes.get(key);
    if (shape == null) {
      shape = read(key.skeleton(), baseUrl);
      if (shapes.size() >= MAX_SHAPES) {
        shapes.clear(); // the templates changed under the preview server, or every page differs
      }
      shapes.putIfAbsent(key, shape);
    }
    if (shape.whole()) {
      return null;
    }
    if (shape.frame() == null) {
      return BodySplice.frameFacts(frame, page, baseUrl, body);
    }
    return PageFacts.from(shape.frame().with(page, baseUrl, body), page, baseUrl, body);
  }

  private static Shape read(String skeleton, String baseUrl) {
    StrictTags.Frame strict = StrictTags.frame(skeleton);
    if (strict != null) {
      return new Shape(PageScan.frame(strict.tags(), strict.bodyAt(), baseUrl), false);
    }
    return parse(skeleton, baseUrl);
  }

  /** A skeleton's shape from jsoup's parse of it: for a frame written outside the strict subset. */
  private static Shape parse(String skeleton, String baseUrl) {
    Document doc = Jsoup.parse(skeleton);
    if (!standInsWhereMeant(doc, false)) {
      return UNUSABLE;
    }
    PageScan.Frame frame = PageScan.frame(doc, baseUrl);
    if (frame == null) {
      return READ_WHOLE;
    }
    return frame.perPage() ? UNUSABLE : new Shape(frame, false);
  }

  /**
   * Whether every stand-in character stands where the scan meant it: a text stand-in in a plain
   * text node, a value's as the whole value of an attribute (one no check reads, unless {@code
   * anyAttribute}), and none anywhere else (a comment, a script, a name).
   */
  static boolean standInsWhereMeant(Node doc, boolean anyAttribute) {
    StandIns standIns = new StandIns(anyAttribute);
    NodeTraversor.traverse(standIns, doc);
    return standIns.ok;
  }

  /** The walk of {@link #standInsWhereMeant}: {@code ok} until a stand-in is found out of place. */
  private static final class StandIns implements NodeVisitor {
    private final boolean anyAttribute;
    boolean ok = true;

    StandIns(boolean anyAttribute) {
      this.anyAttribute = anyAttribute;
    }

    @Override
    public void head(Node node, int depth) {
      if (!ok) {
        return;
      }
      if (node instanceof Element el) {
        ok = !hasStandIn(el.tagName()) && attributesRight(el, anyAttribute);
      } else if (node.getClass() == TextNode.class) {
        ok = ((TextNode) node).getWholeText().indexOf(FrameSkeleton.VALUE) < 0;
      } else if (!(node instanceof Document)) {
        ok = !hasStandIn(node.outerHtml());
      }
    }
  }

  private static boolean attributesRight(Element el, boolean anyAttribute) {
    if (el.attributesSize() == 0) {
      return true;
    }
    for (Attribute a : el.attributes()) {
      String value = a.getValue();
      if (hasStandIn(a.getKey())
          || value.indexOf(FrameSkeleton.TEXT) >= 0
          || value.indexOf(FrameSkeleton.VALUE) >= 0
              && !(value.length() == 1
                  && (anyAttribute || FrameSkeleton.UNREAD.contains(a.getKey())))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasStandIn(String s) {
    return s.indexOf(FrameSkeleton.TEXT) >= 0 || s.indexOf(FrameSkeleton.VALUE) >= 0;
  }
}
