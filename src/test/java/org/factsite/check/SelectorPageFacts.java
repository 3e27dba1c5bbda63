package org.factsite.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The page reading as it was before it became one walk of the tree: a selector query per fact. Kept
 * as the reference {@link PageFactsEquivalenceTest} compares the one-walk reading against, so a
 * fact the faster reading loses or reorders fails a test.
 */
final class SelectorPageFacts {
  private SelectorPageFacts() {}

  private static final Evaluator WITH_ID = QueryParser.parse("[id]");
  private static final Evaluator NAMED_ANCHORS = QueryParser.parse("a[name]");
  private static final Evaluator REFS =
      QueryParser.parse("a[href], link[href], img[src], script[src]");
  private static final Evaluator SRCSETS = QueryParser.parse("source[srcset]");
  private static final Evaluator LOADED =
      QueryParser.parse("link[rel=stylesheet][href], img[src], script[src]");
  private static final Evaluator META_QUERY =
      QueryParser.parse("meta[http-equiv~=(?i)^content-security-policy$]");
  private static final Evaluator CHART_FIGURES = QueryParser.parse("figure.chart");

  static PageFacts of(String page, byte[] html, String baseUrl) {
    Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    Set<String> ids = new HashSet<>();
    for (Element el : doc.select(WITH_ID)) {
      ids.add(el.id());
    }
    for (Element el : doc.select(NAMED_ANCHORS)) {
      ids.add(el.attr("name"));
    }
    List<String> refs = new ArrayList<>();
    for (Element el : doc.select(REFS)) {
      refs.add(el.attr(el.hasAttr("href") ? "href" : "src"));
    }
    for (Element el : doc.select(SRCSETS)) {
      refs.addAll(LinkCheck.srcsetUrls(el.attr("srcset")));
    }
    // Each download a page makes, with its alternatives: a browser fetches one candidate of a
    // <picture> (the phone drawing or the wide one), so the budget counts the largest.
    List<List<String>> assets = new ArrayList<>();
    for (Element el : doc.select(LOADED)) {
      List<String> group = new ArrayList<>();
      group.add(
          LinkCheck.localise(page, el.hasAttr("href") ? el.attr("href") : el.attr("src"), baseUrl));
      Element parent = el.parent();
      if (el.normalName().equals("img")
          && parent != null
          && parent.normalName().equals("picture")) {
        for (Element source : parent.select(SRCSETS)) {
          for (String url : LinkCheck.srcsetUrls(source.attr("srcset"))) {
            group.add(LinkCheck.localise(page, url, baseUrl));
          }
        }
      }
      assets.add(group);
    }
    Map<String, Optional<String>> targets = new HashMap<>();
    for (String ref : refs) {
      String pathPart = LinkCheck.pathPart(LinkCheck.localise(page, ref, baseUrl));
      if (!pathPart.isEmpty() && !targets.containsKey(pathPart)) {
        targets.put(pathPart, Optional.ofNullable(LinkCheck.resolve(page, pathPart)));
      }
    }
    for (List<String> group : assets) {
      for (String ref : group) {
        targets.computeIfAbsent(
            LinkCheck.pathPart(ref), k -> Optional.ofNullable(LinkCheck.resolve(page, k)));
      }
    }
    return new PageFacts(
        ids, refs, assets, figureProblems(doc), targets, cspProblems(doc, baseUrl));
  }

  static List<CspCheck.Problem> cspProblems(Document doc, String baseUrl) {
    List<CspCheck.Problem> p = new ArrayList<>();
    Element meta = doc.selectFirst(META_QUERY);
    if (meta == null) {
      p.add(
          new CspCheck.Problem(
              null,
              "the page has no Content-Security-Policy meta tag",
              "add <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  + "style-src 'self'; img-src 'self'\"> to the template's <head>"));
    } else {
      String policy = meta.attr("content").toLowerCase(Locale.ROOT);
      if (!policy.matches(".*default-src\\s+'(none|self)'.*")
          || policy.contains("unsafe-")
          || policy.matches(".*\\s(https?:|\\*|data:).*")) {
        p.add(
            new CspCheck.Problem(
                Pattern.compile(Pattern.quote(meta.attr("content"))),
                "the Content-Security-Policy is not strict: '" + meta.attr("content") + "'",
                "start it with default-src 'none' and allow only 'self'"));
      }
    }
    for (Element el : doc.getAllElements()) {
      String tag = el.normalName();
      if (tag.equals("script") && !el.hasAttr("src")) {
        p.add(
            new CspCheck.Problem(
                Pattern.compile("(?i)<script(?![^>]*\\ssrc\\s*=)"),
                "inline <script> is not allowed",
                "put the script in templates/static/ and load" + " it with <script src=…>"));
      }
      if (tag.equals("style")) {
        p.add(
            new CspCheck.Problem(
                Pattern.compile("(?i)<style\\b"),
                "a <style> element is not allowed",
                "move the rules to templates/static/style.css"));
      }
      if (tag.equals("iframe")
          || tag.equals("object")
          || tag.equals("embed")
          || tag.equals("frame")) {
        p.add(
            new CspCheck.Problem(
                Pattern.compile("(?i)<" + tag + "\\b"),
                "<" + tag + "> is not allowed",
                "link to the content instead of embedding it"));
      }
      for (Attribute a : el.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if (name.equals("style")) {
          p.add(
              new CspCheck.Problem(
                  Pattern.compile("(?i)<" + tag + "\\b[^>]*\\sstyle\\s*="),
                  "a style attribute on <" + tag + "> is not allowed",
                  "give the element a class and style it in templates/static/style.css"));
        } else if (name.startsWith("on")) {
          p.add(
              new CspCheck.Problem(
                  Pattern.compile("(?i)\\s" + Pattern.quote(name) + "\\s*="),
                  "an event handler attribute " + name + "= on <" + tag + "> is not allowed",
                  "pages carry no inline script"));
        } else if (name.equals("href")
            || name.equals("src")
            || name.equals("srcset")
            || name.equals("action")
            || name.equals("formaction")
            || name.equals("poster")) {
          checkAddress(el, tag, name, a.getValue(), baseUrl, p);
        }
      }
    }
    return p;
  }

  private static void checkAddress(
      Element el, String tag, String attr, String value, String baseUrl, List<CspCheck.Problem> p) {
    String v = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
    if (v.startsWith("javascript:")
        || v.startsWith("vbscript:")
        || v.startsWith("data:")
        || v.startsWith("file:")) {
      p.add(
          new CspCheck.Problem(
              Pattern.compile(Pattern.quote(value)),
              "<"
                  + tag
                  + " "
                  + attr
                  + "> uses an address that is not allowed: '"
                  + abbreviate(value)
                  + "'",
              null));
      return;
    }
    boolean fetched = !tag.equals("a") && !(tag.equals("link") && !fetchedLink(el));
    boolean ownSite = baseUrl != null && value.startsWith(baseUrl);
    boolean external =
        !ownSite && (v.startsWith("http:") || v.startsWith("https:") || v.startsWith("//"));
    if (fetched && external) {
      p.add(
          new CspCheck.Problem(
              Pattern.compile(Pattern.quote(value)),
              "<" + tag + " " + attr + "> loads '" + abbreviate(value) + "' from another site",
              "copy the file into templates/static/ and load it from there"));
    }
  }

  /** A link element the browser fetches, as opposed to one that only names a page. */
  private static boolean fetchedLink(Element link) {
    String rel = link.attr("rel").toLowerCase(Locale.ROOT);
    return !(rel.equals("canonical")
        || rel.equals("alternate")
        || rel.equals("author")
        || rel.equals("license")
        || rel.equals("me")
        || rel.isEmpty());
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  /** What each chart figure on one page lacks, in document order. */
  static List<PageFacts.FigureProblem> figureProblems(Document doc) {
    List<PageFacts.FigureProblem> out = new ArrayList<>();
    for (Element fig : doc.select(CHART_FIGURES)) {
      String id = fig.id().isEmpty() ? "(no id)" : fig.id();
      require(fig, ".chart-headline", "a headline", id, out);
      require(fig, ".chart-description", "a text description", id, out);
      require(fig, ".chart-source", "a source line", id, out);
      require(fig, "table caption", "a data table with a caption", id, out);
      require(fig, "table th[scope]", "table header cells with scope", id, out);
      require(fig, "a[href$=.csv]", "a CSV download link", id, out);
      Element img = fig.selectFirst("img");
      if (img == null
          || img.attr("alt").isBlank()
          || !img.hasAttr("width")
          || !img.hasAttr("height")) {
        out.add(new PageFacts.FigureProblem(id, "a picture with alt text, width and height"));
      }
      // Each alternative drawing a browser may pick instead needs its own size too, or the
      // page jumps when it loads on a phone.
      for (Element source : fig.select("picture source")) {
        if (!source.hasAttr("srcset") || !source.hasAttr("width") || !source.hasAttr("height")) {
          out.add(
              new PageFacts.FigureProblem(
                  id, "a size (width and height) on each <source> of its picture"));
        }
      }
      for (Element cell : fig.select("table caption, .chart-description, .chart-headline")) {
        if (cell.text().isBlank()) {
          out.add(
              new PageFacts.FigureProblem(id, "non-empty " + cell.className() + cell.tagName()));
        }
      }
    }
    return out;
  }

  private static void require(
      Element fig, String css, String what, String id, List<PageFacts.FigureProblem> out) {
    if (fig.selectFirst(css) == null) {
      out.add(new PageFacts.FigureProblem(id, what));
    }
  }
}
