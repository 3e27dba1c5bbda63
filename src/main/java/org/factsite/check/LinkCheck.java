package org.factsite.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.model.OutputPath;
import org.factsite.render.markdown.LinkPlaces;
import org.factsite.render.markdown.LinkPolicy;

/**
 * Every internal link, image (including each {@code <source srcset>} of a picture), stylesheet and
 * {@code #anchor} on every page must lead to a file and an element id that the build produces.
 * Links must be relative, so the site works under any sub-path; a root-relative {@code /x} in a
 * template is reported. An absolute address under the site's own {@code base_url} (the not-found
 * page links that way) is internal too, and checked the same way.
 */
final class LinkCheck {
  private LinkCheck() {}

  static void run(
      Map<String, PageFacts> pages,
      Set<String> toCheck,
      Set<String> files,
      Map<String, String> sourceOf,
      LinkPlaces places,
      String baseUrl,
      Diagnostics d) {
    Map<String, Set<String>> ids = new HashMap<>();
    for (Map.Entry<String, PageFacts> e : pages.entrySet()) {
      ids.put(e.getKey(), e.getValue().ids());
    }
    Map<String, String> published = published(files);
    toCheck.parallelStream()
        .forEach(
            new Consumer<String>() {
              @Override
              public void accept(String page) {
                if (!pages.containsKey(page)) {
                  return;
                }
                PageFacts facts = pages.get(page);
                for (String ref : facts.refs()) {
                  check(
                      page,
                      facts,
                      localise(page, ref, baseUrl),
                      published,
                      ids,
                      new Reporter(page, ref, sourceOf, places, d));
                }
              }
            });
  }

  private static void check(
      String page,
      PageFacts facts,
      String ref,
      Map<String, String> published,
      Map<String, Set<String>> ids,
      Reporter r) {
    if (ref.isEmpty()) {
      r.report("a link on this page has an empty address", "has an empty address");
      return;
    }
    if (ref.startsWith("//")) {
      return;
    }
    // Every scheme has a colon: most links have none and need no lowercase copy.
    if (ref.indexOf(':') >= 0) {
      String lower = ref.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("http:")
          || lower.startsWith("https:")
          || lower.startsWith("mailto:")
          || lower.startsWith("tel:")) {
        return;
      }
      String squeezed = squeeze(lower);
      if (squeezed.startsWith("javascript:")
          || squeezed.startsWith("vbscript:")
          || squeezed.startsWith("data:")
          || squeezed.startsWith("file:")) {
        return; // CspCheck reports these, at the template line.
      }
    }
    if (ref.startsWith("/")) {
      r.report(
          "link '"
              + r.ref()
              + "' starts with /, so it breaks when the site is published"
              + " under a sub-path; make it relative",
          "starts with /; make it relative");
      return;
    }
    String pathPart = ref;
    String fragment = null;
    int hash = ref.indexOf('#');
    if (hash >= 0) {
      pathPart = ref.substring(0, hash);
      fragment = ref.substring(hash + 1);
    }
    int q = pathPart.indexOf('?');
    if (q >= 0) {
      pathPart = pathPart.substring(0, q);
    }
    String target;
    if (pathPart.isEmpty()) {
      target = page;
    } else {
      target = facts.target(page, pathPart);
      if (target == null) {
        r.report("link '" + r.ref() + "' points outside the site", "points outside the site");
        return;
      }
      String file = published.get(target);
      if (file == null) {
        String where = target.isEmpty() ? "the site root (there is no content/index.md)" : target;
        r.report(
            "broken link '" + r.ref() + "': nothing is published at " + where,
            "nothing is published at " + where);
        return;
      }
      target = file;
    }
    if (fragment != null && !fragment.isEmpty()) {
      Set<String> targetIds = ids.get(target);
      String decoded = decode(fragment);
      if (targetIds != null && !targetIds.contains(decoded)) {
        r.report(
            "broken anchor '" + r.ref() + "': " + target + " has no id '" + decoded + "'",
            (target.equals(page) ? "this page" : target)
                + " has no heading or id '"
                + decoded
                + "'");
      }
    }
  }

  /**
   * The file a link's target path opens: the file of that path, else the {@code index.html} of the
   * folder of that path (with or without its closing slash; the empty path is the site root).
   * Worked out once per check rather than for every link to a folder on every page.
   */
  static Map<String, String> published(Set<String> files) {
    Map<String, String> published = new HashMap<>(files.size() * 4);
    for (String f : files) {
      published.put(f, f);
    }
    for (String f : files) {
      if (f.equals("index.html") || f.endsWith("/index.html")) {
        String folder = f.substring(0, f.length() - "index.html".length());
        published.putIfAbsent(folder, f);
        if (!folder.isEmpty()) {
          published.putIfAbsent(folder.substring(0, folder.length() - 1), f);
        }
      }
    }
    return published;
  }

  /**
   * {@code s} without whitespace and control characters, as a browser reads a scheme ({@code
   * java\tscript:}); the same as {@code s.replaceAll("[\\s\\p{Cntrl}]", "")}, whose pattern was
   * compiled again for every link of every page.
   */
  static String squeeze(String s) {
    int i = 0;
    while (i < s.length() && !squeezed(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s; // nearly every address
    }
    StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!squeezed(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** ASCII whitespace ({@code \\s}) and ASCII control characters ({@code \\p{Cntrl}}). */
  private static boolean squeezed(char c) {
    return c <= ' ' || c == 0x7F;
  }

  /** The address without its {@code #fragment} and {@code ?query}. */
  static String pathPart(String ref) {
    int hash = ref.indexOf('#');
    String p = hash >= 0 ? ref.substring(0, hash) : ref;
    int q = p.indexOf('?');
    return q >= 0 ? p.substring(0, q) : p;
  }

  /**
   * An absolute address under the site's own {@code baseUrl}, rewritten relative to {@code page} so
   * it is checked like any internal link; any other address unchanged.
   */
  static String localise(String page, String ref, String baseUrl) {
    if (baseUrl == null || !ref.startsWith(baseUrl)) {
      return ref;
    }
    return LinkPolicy.relativise(
        "/" + ref.substring(baseUrl.length()), new OutputPath(page).rootPrefix());
  }

  /** The addresses in a {@code srcset}: each candidate's first word ("a.svg 2x" gives a.svg). */
  static java.util.List<String> srcsetUrls(String srcset) {
    java.util.List<String> urls = new java.util.ArrayList<>();
    for (String candidate : srcset.split(",")) {
      String url = candidate.strip().split("\\s+")[0];
      if (!url.isEmpty()) {
        urls.add(url);
      }
    }
    return urls;
  }

  /** Resolves a relative reference against a page path; null when it climbs above the root. */
  static String resolve(String page, String ref) {
    if (!isPlain(ref)) {
      return resolveByUri(page, ref);
    }
    // Plain references (letters, digits, - . _ ~ /: nearly every link a build writes) are
    // resolved by walking their segments, which gives the same answer as URI (LinkCheckTest)
    // without building two URIs per link of every page.
    int ups = 0;
    while (ref.startsWith("../", 3 * ups)) {
      ups++;
    }
    if (!ref.startsWith("/") && !hasDotSegment(ref, 3 * ups)) {
      // The commonest shape, every link between articles: "../" some times, then a path without
      // dot segments. The page's folder less that many levels, then the rest as written.
      int end = page.lastIndexOf('/');
      for (int i = 0; i < ups; i++) {
        if (end < 0) {
          return null;
        }
        end = page.lastIndexOf('/', end - 1);
      }
      return page.substring(0, end + 1) + ref.substring(3 * ups);
    }
    String path =
        ref.startsWith("/") ? ref.substring(1) : page.substring(0, page.lastIndexOf('/') + 1) + ref;
    String[] parts = path.split("/", -1);
    List<String> out = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      String segment = parts[i];
      boolean last = i == parts.length - 1;
      if (segment.equals(".") || segment.equals("..")) {
        if (segment.equals("..")) {
          if (out.isEmpty()) {
            return null;
          }
          out.remove(out.size() - 1);
        }
        if (last) {
          out.add("");
        }
        continue;
      }
      out.add(segment);
    }
    return String.join("/", out);
  }

  /** Whether a segment of {@code ref} from {@code from} on is "." or "..". */
  private static boolean hasDotSegment(String ref, int from) {
    int start = from;
    while (start <= ref.length()) {
      int end = ref.indexOf('/', start);
      if (end < 0) {
        end = ref.length();
      }
      int n = end - start;
      if ((n == 1 || n == 2) && ref.charAt(start) == '.' && ref.charAt(end - 1) == '.') {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static boolean isPlain(String ref) {
    if (ref.isEmpty() || ref.contains("//")) {
      return false;
    }
    for (int i = 0; i < ref.length(); i++) {
      char c = ref.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The general resolution, by {@link URI}: dot segments removed, other text kept as written. */
  static String resolveByUri(String page, String ref) {
    try {
      URI base = new URI("http", "x", "/" + page, null);
      URI r = base.resolve(new URI(null, null, ref, null));
      String p = r.normalize().getPath();
      // A path that still climbs after normalising leaves the site; a segment named "..." does not.
      if (p == null || !p.startsWith("/") || p.equals("/..") || p.startsWith("/../")) {
        return null;
      }
      return p.substring(1);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String decode(String fragment) {
    try {
      return java.net.URLDecoder.decode(
          fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return fragment;
    }
  }

  /**
   * Reports a problem with one reference: at its line and column in the Markdown when it was
   * written there, otherwise against the page's input (the reference came from a template).
   */
  private record Reporter(
      String page, String ref, Map<String, String> sourceOf, LinkPlaces places, Diagnostics d) {
    void report(String pageMessage, String problem) {
      var place =
          places == null ? java.util.Optional.<LinkPlaces.Place>empty() : places.find(page, ref);
      if (place.isPresent()) {
        LinkPlaces.Place p = place.get();
        boolean anchor = problem.contains(" has no heading or id ");
        String what = p.image() ? "missing image" : anchor ? "broken anchor" : "broken link";
        d.add(
            Diagnostic.error(p.pos(), what + " '" + p.written() + "': " + problem)
                .withHint(
                    anchor
                        ? "a heading's id is its text in lowercase with hyphens:"
                            + " '## More figures' is #more-figures"
                        : p.image()
                            ? "put the file in templates/static/ and link to /assets/<name>"
                            : "write the address as it appears on the site, like /get-help/")
                .withSourceLine(p.sourceLine()));
        return;
      }
      String origin = SiteChecks.origin(sourceOf, page);
      d.error(
          SourcePos.of(origin), pageMessage + (origin.equals(page) ? "" : " (in " + page + ")"));
    }
  }
}
