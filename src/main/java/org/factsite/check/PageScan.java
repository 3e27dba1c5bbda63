package org.factsite.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
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
  Element policyMeta;

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

  private PageScan(String page, String baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Walks {@code root} (a parsed page) once. */
  static PageScan of(Element root, String page, String baseUrl) {
    PageScan scan = new PageScan(page, baseUrl);
    NodeTraversor.traverse(scan, root);
    return scan;
  }

  @Override
  public void head(Node node, int depth) {
    if (!(node instanceof Element el)) {
      return;
    }
    if (el.hasAttr("id")) {
      ids.add(el.id());
    }
    String href = null;
    switch (el.normalName()) {
      case "a" -> {
        if (el.hasAttr("name")) {
          ids.add(el.attr("name"));
        }
        if (el.hasAttr("href")) {
          refs.add(el.attr("href"));
        }
      }
      case "link" -> {
        if (el.hasAttr("href")) {
          href = el.attr("href");
          refs.add(href);
          if ("stylesheet".equalsIgnoreCase(el.attr("rel").trim())) {
            assets.add(asset(href));
          }
        }
      }
      case "img" -> {
        if (el.hasAttr("src")) {
          // An <img href src> took its href in the query-per-fact reading too.
          refs.add(el.attr(el.hasAttr("href") ? "href" : "src"));
          List<String> group = asset(el.attr(el.hasAttr("href") ? "href" : "src"));
          assets.add(group);
          OpenPicture picture = pictures.peek();
          if (picture != null && picture.element == el.parent()) {
            picture.imgGroups.add(group);
          }
        }
      }
      case "script" -> {
        if (el.hasAttr("src")) {
          String src = el.attr(el.hasAttr("href") ? "href" : "src");
          refs.add(src);
          assets.add(asset(src));
        }
      }
      case "source" -> {
        if (el.hasAttr("srcset")) {
          srcsetRefs.addAll(LinkCheck.srcsetUrls(el.attr("srcset")));
        }
      }
      case "picture" -> pictures.push(new OpenPicture(el, srcsetRefs.size()));
      case "meta" -> {
        if (policyMeta == null && CspCheck.isPolicyMeta(el)) {
          policyMeta = el;
        }
      }
      case "figure" -> {
        if (FigureContractCheck.isChartFigure(el)) {
          chartFigures.add(el);
        }
      }
      default -> {}
    }
    CspCheck.elementProblems(el, baseUrl, elementProblems);
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
    for (List<String> group : picture.imgGroups) {
      for (String url : sources) {
        group.add(LinkCheck.localise(page, url, baseUrl));
      }
    }
  }

  /** A download group: the address as the link check resolves it, alternatives added later. */
  private List<String> asset(String ref) {
    List<String> group = new ArrayList<>(1);
    group.add(LinkCheck.localise(page, ref, baseUrl));
    return group;
  }
}
