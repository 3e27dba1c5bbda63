package org.factsite.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.factsite.render.markdown.RenderedBody;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One walk over a parsed page that gathers every fact the checks need, in document order: the ids
 * it offers as anchors, the addresses it links to or loads, the assets it downloads, its chart
 * figures and the ways it breaks the content security policy. Each fact is the one a selector query
 * used to find ({@code [id]}, {@code a[name]}, {@code a[href], link[href], img[src], script[src]},
 * {@code source[srcset]}, {@code link[rel=stylesheet][href], img[src], script[src]}, {@code
 * figure.chart}, the policy meta tag); a query walked the whole tree for each, and the walks were a
 * third of a large site's check.
 */
final class PageScan implements NodeVisitor {
  private final String page;
  private final String baseUrl;
  final Set<String> ids = new HashSet<>();

  /** The link addresses in document order; {@link #srcsetRefs} follow them in the facts. */
  final List<String> refs = new ArrayList<>();

  /** The addresses of every {@code <source srcset>}, in document order. */
  final List<String> srcsetRefs = new ArrayList<>();

  final List<List<String>> assets = new ArrayList<>();
  final List<Element> chartFigures = new ArrayList<>();
  final List<CspCheck.Problem> elementProblems = new ArrayList<>();
  ElementView policyMeta;

  /**
   * The open {@code <picture>} elements. A picture's {@code <source srcset>} addresses are a run of
   * {@link #srcsetRefs} (its subtree is walked in one stretch), which become the alternatives of
   * each {@code <img>} it directly holds once the picture closes.
   */
  private final Deque<OpenPicture> pictures = new ArrayDeque<>();

  private static final class OpenPicture {
    final Element element;
    final int firstSrcset;
    final List<List<String>> imgGroups = new ArrayList<>(1);

    OpenPicture(Element element, int firstSrcset) {
      this.element = element;
      this.firstSrcset = firstSrcset;
    }
  }

  /**
   * The facts of an article body read on their own, to be put where the page's {@link
   * BodySplice#COMMENT_DATA} marker comment stands; null when the page is walked whole.
   */
  private final PageFacts body;

  /** Whether the body's facts were put in at a marker that passed every test. */
  private boolean spliced;

  /** How many markers of each kind the page holds: anything but exactly one each spoils it. */
  private int comments;

  private int texts;

  /** Whether the page showed that its body would have been read inside a table. */
  private boolean inTable;

  /** Where the body's facts went in: how many links and downloads came before them. */
  private int bodyRefsAt = -1;

  private int bodyAssetsAt = -1;

  /** Whether the page has a {@code <picture>}, whose downloads depend on all it holds. */
  private boolean sawPicture;

  private PageScan(String page, String baseUrl, PageFacts body) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.body = body;
  }

  /** Walks {@code root} (a parsed page) once. */
  static PageScan of(Element root, String page, String baseUrl) {
    PageScan scan = new PageScan(page, baseUrl, null);
    NodeTraversor.traverse(scan, root);
    return scan;
  }

  /**
   * Walks a parsed page whose article body was replaced by {@link BodySplice}'s markers, putting
   * {@code body}'s facts where the markers stand. Null when the markers do not show that the body
   * would have been read there exactly as on its own (see {@link BodySplice}).
   */
  static PageScan spliced(Element root, String page, String baseUrl, PageFacts body) {
    PageScan scan = new PageScan(page, baseUrl, body);
    NodeTraversor.traverse(scan, root);
    return scan.spliced && !scan.inTable && scan.comments == 1 && scan.texts == 1 ? scan : null;
  }

  /**
   * The facts of a parsed frame (a page whose body was replaced by {@link BodySplice}'s markers),
   * for any page of that frame and any body: null when the markers do not stand right.
   */
  static Frame frame(Element root, String baseUrl) {
    PageScan scan = spliced(root, null, baseUrl, PageFacts.NONE);
    return scan == null ? null : scan.frame();
  }

  /**
   * The facts of a frame read from its start tags ({@link StrictTags}), {@code bodyAt} of them
   * before the body's markers, which stand right: for any page of that frame and any body.
   */
  static Frame frame(List<RenderedBody.Tag> tags, int bodyAt, String baseUrl) {
    PageScan scan = new PageScan(null, baseUrl, PageFacts.NONE);
    for (int t = 0; t <= tags.size(); t++) {
      if (t == bodyAt) {
        scan.putBody();
      }
      if (t < tags.size()) {
        scan.tag(ElementView.ofTag(tags.get(t)));
      }
    }
    return scan.frame();
  }

  /** This walk of a frame whose markers stood right, as a frame's facts. */
  private Frame frame() {
    List<String> assetRefs = new ArrayList<>(assets.size());
    for (List<String> group : assets) {
      assetRefs.add(group.get(0));
    }
    return new Frame(
        Set.copyOf(ids),
        List.copyOf(refs),
        bodyRefsAt,
        List.copyOf(assetRefs),
        bodyAssetsAt,
        List.copyOf(elementProblems),
        policyMeta,
        !chartFigures.isEmpty() || !srcsetRefs.isEmpty() || sawPicture);
  }

  /**
   * A frame's facts: its ids, links (raw, in document order) and downloads (raw), with the place
   * where a body's go in, its policy problems and meta tag; {@code perPage} when they depend on
   * more than its elements and attributes (a chart figure's cells, a picture's sources).
   */
  record Frame(
      Set<String> ids,
      List<String> refs,
      int bodyRefsAt,
      List<String> assetRefs,
      int bodyAssetsAt,
      List<CspCheck.Problem> elementProblems,
      ElementView policyMeta,
      boolean perPage) {

    /** The walk of the page at {@code page} made of this frame and {@code body}. */
    PageScan with(String page, String baseUrl, PageFacts body) {
      PageScan s = new PageScan(page, baseUrl, body);
      s.ids.addAll(ids);
      s.ids.addAll(body.ids());
      s.refs.addAll(refs.subList(0, bodyRefsAt));
      s.refs.addAll(body.refs());
      s.refs.addAll(refs.subList(bodyRefsAt, refs.size()));
      for (int i = 0; i <= assetRefs.size(); i++) {
        if (i == bodyAssetsAt) {
          for (List<String> group : body.assets()) {
            s.assets.add(new ArrayList<>(group));
          }
        }
        if (i < assetRefs.size()) {
          s.assets.add(s.asset(assetRefs.get(i)));
        }
      }
      s.elementProblems.addAll(elementProblems);
      s.policyMeta = policyMeta;
      s.spliced = true;
      return s;
    }
  }

  /** A walk of no page yet, to read recorded tags into ({@link #tag}). */
  static PageScan ofTags(String page, String baseUrl) {
    return new PageScan(page, baseUrl, null);
  }

  /** Walks the top-level nodes of a parsed body fragment, as they would be read in a page. */
  static PageScan ofNodes(List<Node> nodes, String page, String baseUrl) {
    PageScan scan = new PageScan(page, baseUrl, null);
    for (Node n : nodes) {
      NodeTraversor.traverse(scan, n);
    }
    return scan;
  }

  @Override
  public void head(Node node, int depth) {
    if (!(node instanceof Element el)) {
      if (body != null) {
        marker(node);
      }
      return;
    }
    if (body != null && el.nameIs("col") && el.hasAttr(BodySplice.COL_ATTRIBUTE)) {
      inTable = true;
    }
    element(ElementView.of(el), el);
  }

  /**
   * Reads one recorded start tag as the walk reads an element of that name and those attributes
   * with nothing inside it. Not for a picture, a source or a figure, whose facts depend on what
   * they hold.
   */
  void tag(ElementView tag) {
    element(tag, null);
  }

  /**
   * The facts of one element, {@code view}: {@code el} is the parsed element itself, null for a
   * recorded tag (never a picture, a source or a figure).
   */
  private void element(ElementView view, Element el) {
    if (view.has("id")) {
      ids.add(view.attr("id"));
    }
    switch (view.name()) {
      case "a" -> {
        if (view.has("name")) {
          ids.add(view.attr("name"));
        }
        if (view.has("href")) {
          refs.add(view.attr("href"));
        }
      }
      case "link" -> {
        if (view.has("href")) {
          String href = view.attr("href");
          refs.add(href);
          if ("stylesheet".equalsIgnoreCase(view.attr("rel").trim())) {
            assets.add(asset(href));
          }
        }
      }
      case "img" -> {
        if (view.has("src")) {
          // An <img href src> took its href in the query-per-fact reading too.
          refs.add(view.attr(view.has("href") ? "href" : "src"));
          List<String> group = asset(view.attr(view.has("href") ? "href" : "src"));
          assets.add(group);
          OpenPicture picture = pictures.peek();
          if (picture != null && el != null && picture.element == el.parent()) {
            picture.imgGroups.add(group);
          }
        }
      }
      case "script" -> {
        if (view.has("src")) {
          String src = view.attr(view.has("href") ? "href" : "src");
          refs.add(src);
          assets.add(asset(src));
        }
      }
      case "source" -> {
        if (view.has("srcset")) {
          srcsetRefs.addAll(LinkCheck.srcsetUrls(view.attr("srcset")));
        }
      }
      case "picture" -> {
        pictures.push(new OpenPicture(el, srcsetRefs.size()));
        sawPicture = true;
      }
      case "meta" -> {
        if (policyMeta == null && CspCheck.isPolicyMeta(view)) {
          policyMeta = view;
        }
      }
      case "figure" -> {
        if (FigureContractCheck.isChartFigure(el)) {
          chartFigures.add(el);
        }
      }
      default -> {}
    }
    CspCheck.elementProblems(view, baseUrl, elementProblems);
  }

  @Override
  public void tail(Node node, int depth) {
    OpenPicture picture = pictures.peek();
    if (picture == null || picture.element != node) {
      return;
    }
    pictures.pop();
    // A browser fetches one candidate of a picture, so each <img> of it is one download whose
    // alternatives are every <source srcset> address in the picture.
    List<String> sources = srcsetRefs.subList(picture.firstSrcset, srcsetRefs.size());
    if (page == null) {
      return; // a frame read for any page: one with a picture is read page by page
    }
    for (List<String> group : picture.imgGroups) {
      for (String url : sources) {
        group.add(LinkCheck.localise(page, url, baseUrl));
      }
    }
  }

  /** Counts the markers, and puts the body's facts in at the comment when it stands right. */
  private void marker(Node node) {
    if (node instanceof TextNode t && t.getWholeText().contains(BodySplice.TEXT)) {
      texts++;
    } else if (node instanceof Comment c && c.getData().equals(BodySplice.COMMENT_DATA)) {
      comments++;
      if (comments == 1 && BodySplice.standsInFlow(c)) {
        putBody();
      }
    }
  }

  /** Puts the body's facts in here, where its markers stand right. */
  private void putBody() {
    bodyRefsAt = refs.size();
    bodyAssetsAt = assets.size();
    ids.addAll(body.ids());
    refs.addAll(body.refs());
    for (List<String> group : body.assets()) {
      assets.add(new ArrayList<>(group));
    }
    spliced = true;
  }

  /**
   * A download group: the address as the link check resolves it, alternatives added later; the
   * address as written when the walk is of a frame for any page.
   */
  private List<String> asset(String ref) {
    List<String> group = new ArrayList<>(1);
    group.add(page == null ? ref : LinkCheck.localise(page, ref, baseUrl));
    return group;
  }
}
