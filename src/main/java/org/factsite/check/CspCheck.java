package org.factsite.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;

/**
 * Every page must carry a strict Content-Security-Policy meta tag and keep to it: no inline script
 * or style (a {@code <script>} without {@code src}, a {@code <style>} element, a {@code style=} or
 * {@code on…=} attribute), no script, stylesheet, image, font or frame from another origin, and no
 * {@code javascript:} or {@code data:} addresses. An absolute address under the site's own {@code
 * base_url} is the site's origin, which {@code 'self'} allows when the site is served there (the
 * not-found page loads its stylesheet that way). A template change that breaks the policy fails the
 * build here rather than being blocked silently in readers' browsers.
 */
final class CspCheck {
  /**
   * The policy's {@code http-equiv} as jsoup's {@code [http-equiv~=(?i)^content-security-policy$]}
   * matches it, without loading jsoup's selector parser for every build (a few milliseconds).
   */
  private static final Pattern POLICY_NAME = Pattern.compile("(?i)^content-security-policy$");

  // Compiled once: String.matches compiles its pattern on every call, for every page.
  private static final Pattern STRICT_DEFAULT = Pattern.compile(".*default-src\\s+'(none|self)'.*");
  private static final Pattern OTHER_ORIGIN = Pattern.compile(".*\\s(https?:|\\*|data:).*");

  /** Policies read so far, by their text: every page of a site carries the same one. */
  private static final Map<String, List<Problem>> POLICIES = new ConcurrentHashMap<>();

  private CspCheck() {}

  /** Something on a page that breaks the policy; {@code needle} finds it in a template. */
  record Problem(Pattern needle, String message, String hint) {}

  /** Whether {@code el} is the page's policy meta tag (the first one that matches counts). */
  static boolean isPolicyMeta(ElementView el) {
    return el.name().equals("meta")
        && el.has("http-equiv")
        && POLICY_NAME.matcher(el.attr("http-equiv")).find();
  }

  /**
   * The problem with the page's policy itself: {@code meta} is its first policy meta tag, null when
   * it has none. Reported before the page's element problems.
   */
  static void policyProblems(ElementView meta, List<Problem> p) {
    if (meta == null) {
      p.add(
          new Problem(
              null,
              "the page has no Content-Security-Policy meta tag",
              "add <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  + "style-src 'self'; img-src 'self'\"> to the template's <head>"));
      return;
    }
    // Every page of a site carries the same policy: its reading is remembered (for a few).
    String content = meta.attr("content");
    List<Problem> known = POLICIES.get(content);
    if (known == null) {
      known = readPolicy(content);
      if (POLICIES.size() < 16) {
        POLICIES.put(content, known);
      }
    }
    p.addAll(known);
  }

  private static List<Problem> readPolicy(String content) {
    String policy = content.toLowerCase(Locale.ROOT);
    if (!STRICT_DEFAULT.matcher(policy).matches()
        || policy.contains("unsafe-")
        || OTHER_ORIGIN.matcher(policy).matches()) {
      return List.of(
          new Problem(
              Pattern.compile(Pattern.quote(content)),
              "the Content-Security-Policy is not strict: '" + content + "'",
              "start it with default-src 'none' and allow only 'self'"));
    }
    return List.of();
  }

  /**
   * The ways one element breaks the policy, in the order its attributes are written. Called for
   * every element of a page, in document order, while the page is read for its other facts, so
   * checking the policy costs no walk of its own.
   */
  static void elementProblems(ElementView el, String baseUrl, List<Problem> p) {
    String tag = el.name();
    switch (tag) {
      case "script" -> {
        if (!el.has("src")) {
          p.add(
              new Problem(
                  Pattern.compile("(?i)<script(?![^>]*\\ssrc\\s*=)"),
                  "inline <script> is not allowed",
                  "put the script in templates/static/ and load" + " it with <script src=…>"));
        }
      }
      case "style" ->
          p.add(
              new Problem(
                  Pattern.compile("(?i)<style\\b"),
                  "a <style> element is not allowed",
                  "move the rules to templates/static/style.css"));
      case "iframe", "object", "embed", "frame" ->
          p.add(
              new Problem(
                  Pattern.compile("(?i)<" + tag + "\\b"),
                  "<" + tag + "> is not allowed",
                  "link to the content instead of embedding it"));
      default -> {}
    }
    if (!el.hasAttributes()) {
      return; // most elements
    }
    for (Map.Entry<String, String> a : el.attributes()) {
      String name = a.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("style")) {
        p.add(
            new Problem(
                Pattern.compile("(?i)<" + tag + "\\b[^>]*\\sstyle\\s*="),
                "a style attribute on <" + tag + "> is not allowed",
                "give the element a class and style it in templates/static/style.css"));
      } else if (name.startsWith("on")) {
        p.add(
            new Problem(
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

  /** Reports the policy problems of {@code pages}, read earlier into their facts. */
  static void run(
      Map<String, PageFacts> pages,
      Map<String, String> sourceOf,
      TemplatePlaces templates,
      Diagnostics d) {
    for (Map.Entry<String, PageFacts> e : pages.entrySet()) {
      Problems report = new Problems(e.getKey(), sourceOf, templates, d);
      for (Problem x : e.getValue().cspProblems()) {
        report.add(x.needle(), x.message(), x.hint());
      }
    }
  }

  private static void checkAddress(
      ElementView el, String tag, String attr, String value, String baseUrl, List<Problem> p) {
    String v = LinkCheck.squeeze(value).toLowerCase(Locale.ROOT);
    if (v.startsWith("javascript:")
        || v.startsWith("vbscript:")
        || v.startsWith("data:")
        || v.startsWith("file:")) {
      p.add(
          new Problem(
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
          new Problem(
              Pattern.compile(Pattern.quote(value)),
              "<" + tag + " " + attr + "> loads '" + abbreviate(value) + "' from another site",
              "copy the file into templates/static/ and load it from there"));
    }
  }

  /** A link element the browser fetches, as opposed to one that only names a page. */
  private static boolean fetchedLink(ElementView link) {
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

  /**
   * Reports at the template line that wrote the markup when it can be found, so a problem shared by
   * every page is one error; otherwise against the page's input.
   */
  private record Problems(
      String page, Map<String, String> sourceOf, TemplatePlaces templates, Diagnostics d) {
    void add(Pattern needle, String message, String hint) {
      var found =
          needle == null
              ? java.util.Optional.<TemplatePlaces.Found>empty()
              : templates.find(needle);
      if (found.isPresent()) {
        d.add(
            Diagnostic.error(found.get().pos(), message)
                .withHint(hint)
                .withSourceLine(found.get().line()));
        return;
      }
      String origin = SiteChecks.origin(sourceOf, page);
      d.error(
          SourcePos.of(origin), message + (origin.equals(page) ? "" : " (in " + page + ")"), hint);
    }
  }
}
