package org.factsite.check;

import java.util.Locale;
import java.util.Map;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every page must carry a strict Content-Security-Policy meta tag and keep to it: no inline
 * script or style (a {@code <script>} without {@code src}, a {@code <style>} element, a {@code
 * style=} or {@code on…=} attribute), no script, stylesheet, image, font or frame from another
 * origin, and no {@code javascript:} or {@code data:} addresses. A template change that breaks the
 * policy fails the build here rather than being blocked silently in readers' browsers.
 */
final class CspCheck {
  static final String META = "meta[http-equiv~=(?i)^content-security-policy$]";

  private CspCheck() {}

  static void run(Map<String, Document> pages, Map<String, String> sourceOf, Diagnostics d) {
    pages.forEach((page, doc) -> {
      Problems p = new Problems(page, sourceOf, d);
      Element meta = doc.selectFirst(META);
      if (meta == null) {
        p.add("the page has no Content-Security-Policy meta tag",
            "add <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'self'; img-src 'self'\"> to the template's <head>");
      } else {
        String policy = meta.attr("content").toLowerCase(Locale.ROOT);
        if (!policy.matches(".*default-src\\s+'(none|self)'.*") || policy.contains("unsafe-")
            || policy.matches(".*\\s(https?:|\\*|data:).*")) {
          p.add("the Content-Security-Policy is not strict: '" + meta.attr("content") + "'",
              "start it with default-src 'none' and allow only 'self'");
        }
      }
      for (Element el : doc.getAllElements()) {
        String tag = el.normalName();
        if (tag.equals("script") && !el.hasAttr("src")) {
          p.add("inline <script> is not allowed", "put the script in templates/static/ and load"
              + " it with <script src=…>");
        }
        if (tag.equals("style")) {
          p.add("a <style> element is not allowed", "move the rules to templates/static/style.css");
        }
        if (tag.equals("iframe") || tag.equals("object") || tag.equals("embed")
            || tag.equals("frame")) {
          p.add("<" + tag + "> is not allowed", "link to the content instead of embedding it");
        }
        for (Attribute a : el.attributes()) {
          String name = a.getKey().toLowerCase(Locale.ROOT);
          if (name.equals("style")) {
            p.add("a style attribute on <" + tag + "> is not allowed",
                "give the element a class and style it in templates/static/style.css");
          } else if (name.startsWith("on")) {
            p.add("an event handler attribute " + name + "= on <" + tag + "> is not allowed",
                "pages carry no inline script");
          } else if (name.equals("href") || name.equals("src") || name.equals("srcset")
              || name.equals("action") || name.equals("formaction") || name.equals("poster")) {
            checkAddress(el, tag, name, a.getValue(), p);
          }
        }
      }
    });
  }

  private static void checkAddress(Element el, String tag, String attr, String value,
      Problems p) {
    String v = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
    if (v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:")
        || v.startsWith("file:")) {
      p.add("<" + tag + " " + attr + "> uses an address that is not allowed: '"
          + abbreviate(value) + "'", null);
      return;
    }
    boolean fetched = !tag.equals("a") && !(tag.equals("link") && !fetchedLink(el));
    boolean external = v.startsWith("http:") || v.startsWith("https:") || v.startsWith("//");
    if (fetched && external) {
      p.add("<" + tag + " " + attr + "> loads '" + abbreviate(value) + "' from another site",
          "copy the file into templates/static/ and load it from there");
    }
  }

  /** A link element the browser fetches, as opposed to one that only names a page. */
  private static boolean fetchedLink(Element link) {
    String rel = link.attr("rel").toLowerCase(Locale.ROOT);
    return !(rel.equals("canonical") || rel.equals("alternate") || rel.equals("author")
        || rel.equals("license") || rel.equals("me") || rel.isEmpty());
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  /** Reports against the page's input, one line per distinct problem. */
  private record Problems(String page, Map<String, String> sourceOf, Diagnostics d) {
    void add(String message, String hint) {
      String origin = SiteChecks.origin(sourceOf, page);
      d.error(SourcePos.of(origin), message + (origin.equals(page) ? "" : " (in " + page + ")"),
          hint);
    }
  }
}
