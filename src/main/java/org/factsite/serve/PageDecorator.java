package org.factsite.serve;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factsite.diag.Diagnostic;

/**
 * Changes served HTML for the preview only, never the built site: adds the live-reload script (and
 * the build version it compares against), relaxes the page's Content-Security-Policy just enough
 * for that script ({@code script-src 'self'; connect-src 'self'}), and, when the latest build
 * failed, lays the error overlay over the page.
 */
final class PageDecorator {
  private static final Pattern CSP =
      Pattern.compile(
          "(<meta\\s+http-equiv=\"Content-Security-Policy\"\\s+content=\")([^\"]*)(\")",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HEAD_END = Pattern.compile("</head\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BODY_START =
      Pattern.compile("<body[^>]*>", Pattern.CASE_INSENSITIVE);

  private final String basePath;

  PageDecorator(String basePath) {
    this.basePath = basePath;
  }

  /** The page as served: script and version added; overlay added when {@code errors} exist. */
  String decorate(String html, long version, List<Diagnostic> errors) {
    String out = relaxCsp(html);
    String head =
        "<meta name=\"factsite-build\" content=\""
            + version
            + "\">"
            + "<script src=\""
            + basePath
            + "__factsite/live.js\" defer></script>";
    if (!errors.isEmpty()) {
      head += "<link rel=\"stylesheet\" href=\"" + basePath + "__factsite/overlay.css\">";
    }
    out = insertBefore(out, HEAD_END, head);
    if (!errors.isEmpty()) {
      Matcher body = BODY_START.matcher(out);
      String overlay = ErrorOverlay.panel(errors);
      out =
          body.find()
              ? out.substring(0, body.end()) + overlay + out.substring(body.end())
              : overlay + out;
    }
    return out;
  }

  /** Adds {@code script-src 'self'; connect-src 'self'}, replacing any stricter ones. */
  static String relaxCsp(String html) {
    Matcher m = CSP.matcher(html);
    if (!m.find()) {
      return html;
    }
    StringBuilder policy = new StringBuilder();
    for (String directive : m.group(2).split(";")) {
      String d = directive.strip();
      String name = d.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
      if (!d.isEmpty() && !name.equals("script-src") && !name.equals("connect-src")) {
        policy.append(d).append("; ");
      }
    }
    policy.append("script-src 'self'; connect-src 'self'");
    return html.substring(0, m.start(2)) + policy + html.substring(m.end(2));
  }

  private static String insertBefore(String html, Pattern at, String text) {
    Matcher m = at.matcher(html);
    if (m.find()) {
      return html.substring(0, m.start()) + text + html.substring(m.start());
    }
    return text + html;
  }
}
