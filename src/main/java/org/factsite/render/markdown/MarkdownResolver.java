package org.factsite.render.markdown;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.Suggestions;
import org.factsite.model.Article;
import org.factsite.model.Chart;
import org.factsite.model.Statistic;

/**
 * Fills in a parsed article for one page: writes each {@code {{stat}}}, {@code {{working}}} and
 * {@code {{chart}}} reference, turns site-root links into relative ones, and reports, at their
 * place in the file, unknown ids, refused link schemes, images without text alternatives and
 * headings that break the page outline.
 */
public final class MarkdownResolver {
  private static final List<String> KINDS = List.of("stat", "working", "chart");

  private MarkdownResolver() {}

  public static void resolve(ParsedMarkdown parsed, PageRefs refs, Diagnostics d) {
    Article article = parsed.article();
    if (parsed.refusal() != null) {
      NestingGuard.Refusal r = parsed.refusal();
      report(BodyPlace.of(article, r.line(), r.column()), r.message(), r.hint(), d);
      return;
    }
    NodePositions positions = parsed.positions();
    // Numbers each node NodePositions numbers, in the same (document) order: every visit of
    // one takes the next number, whether or not it has a problem.
    int[] nodeNumber = {0};
    int[] figureNumber = {0};
    int[] lastHeading = {1};
    parsed
        .document()
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(CustomBlock node) {
                if (node instanceof ChartBlock block) {
                  Directive dir = block.directive();
                  int number = nodeNumber[0]++;
                  Chart chart = refs.charts().get(dir.id());
                  if (chart == null) {
                    unknown(number, dir, "chart", refs.charts().keySet());
                  } else {
                    dir.setHtml(refs.figures().html(chart, ++figureNumber[0], refs.rootPrefix()));
                  }
                  return;
                }
                visitChildren(node);
              }

              @Override
              public void visit(CustomNode node) {
                if (node instanceof Directive dir) {
                  inline(nodeNumber[0]++, dir);
                }
                visitChildren(node);
              }

              private void inline(int number, Directive dir) {
                if (!KINDS.contains(dir.kind())) {
                  String hint = Suggestions.didYouMean(dir.kind(), KINDS);
                  at(
                      number,
                      "unknown reference '{{" + dir.kind() + "}}'",
                      hint != null ? hint : "use {{stat ID}}, {{working ID}} or {{chart ID}}");
                  return;
                }
                if (dir.id().isEmpty() || dir.id().contains(" ")) {
                  at(
                      number,
                      "'{{"
                          + dir.kind()
                          + "}}' needs one id, like {{"
                          + dir.kind()
                          + " instagram_share_lockdown}}",
                      null);
                  return;
                }
                if (dir.kind().equals("chart")) {
                  at(
                      number,
                      "a chart must stand alone in its own paragraph",
                      "put {{chart "
                          + dir.id()
                          + "}} on a line of its own with blank lines around it");
                  return;
                }
                Statistic s = refs.statistics().get(dir.id());
                if (s == null) {
                  unknown(number, dir, "statistic", refs.statistics().keySet());
                  return;
                }
                if (dir.kind().equals("working") && !s.derived()) {
                  at(
                      number,
                      "'" + s.id() + "' is not a derived figure, so it" + " has no working to show",
                      "use {{stat " + s.id() + "}}");
                  return;
                }
                if (refs.sourcesPath() == null) {
                  at(
                      number,
                      "figures link to the sources page, but no page has" + " 'layout: sources'",
                      "add content/sources.md with 'layout: sources'");
                  return;
                }
                String href =
                    escape(
                        refs.rootPrefix() + refs.sourcesPath() + "#" + PageRefs.statAnchor(s.id()));
                String text =
                    dir.kind().equals("working") ? s.derivation().working() : s.formatted();
                String cls = dir.kind().equals("working") ? "working" : "stat";
                dir.setHtml(
                    "<a class=\"" + cls + "\" href=\"" + href + "\">" + escape(text) + "</a>");
              }

              private void unknown(
                  int number, Directive dir, String what, java.util.Set<String> known) {
                at(
                    number,
                    "unknown " + what + " '" + dir.id() + "'",
                    Suggestions.didYouMean(dir.id(), known));
              }

              @Override
              public void visit(Link link) {
                link.setDestination(destination(nodeNumber[0]++, link.getDestination(), "link"));
                visitChildren(link);
              }

              @Override
              public void visit(Image image) {
                int number = nodeNumber[0]++;
                if (image.getFirstChild() == null) {
                  at(
                      number,
                      "this image has no text alternative",
                      "describe the image inside the brackets: ![what it shows](file.png)");
                }
                image.setDestination(destination(number, image.getDestination(), "image"));
                visitChildren(image);
              }

              @Override
              public void visit(Heading heading) {
                int number = nodeNumber[0]++;
                if (heading.getLevel() == 1) {
                  at(
                      number,
                      "the page title is the only top-level heading",
                      "start sections with ## instead of #");
                } else if (heading.getLevel() > lastHeading[0] + 1) {
                  at(
                      number,
                      "this heading skips a level (h"
                          + lastHeading[0]
                          + " to h"
                          + heading.getLevel()
                          + ")",
                      "use " + "#".repeat(lastHeading[0] + 1));
                }
                lastHeading[0] = heading.getLevel();
                visitChildren(heading);
              }

              private String destination(int number, String dest, String what) {
                switch (LinkPolicy.classify(dest)) {
                  case REFUSED -> {
                    at(
                        number,
                        "this "
                            + what
                            + " uses an address that is not allowed: '"
                            + shorten(dest)
                            + "'",
                        "use an https:// or mailto: address, or a path"
                            + " on this site like /get-help/");
                    return "";
                  }
                  case SITE_ROOT -> {
                    String href = LinkPolicy.relativise(dest, refs.rootPrefix());
                    remember(number, href, dest, what);
                    return href;
                  }
                  case EXTERNAL -> {
                    return dest;
                  }
                  default -> {
                    remember(number, dest, dest, what);
                    return dest;
                  }
                }
              }

              private void remember(int number, String href, String written, String what) {
                if (refs.places() != null) {
                  refs.places()
                      .add(
                          article.output().value(),
                          href,
                          new LinkPlaces.Written(positions, number, written, what.equals("image")));
                }
              }

              /** Reports a problem where the {@code number}-th numbered node was written. */
              private void at(int number, String message, String hint) {
                report(
                    positions.of(number).orElseGet(() -> BodyPlace.whole(article)),
                    message,
                    hint,
                    d);
              }
            });
  }

  private static void report(BodyPlace place, String message, String hint, Diagnostics d) {
    d.add(Diagnostic.error(place.pos(), message).withHint(hint).withSourceLine(place.sourceLine()));
  }

  private static String shorten(String s) {
    String t = s.replaceAll("\\p{Cntrl}", "?");
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  /** Escapes text for HTML content and double-quoted attributes. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
