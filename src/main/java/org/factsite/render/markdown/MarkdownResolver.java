package org.factsite.render.markdown;

import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
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
      d.add(
          Diagnostic.error(
                  new SourcePos(
                      article.sourcePath(), article.bodyLine() + r.line(), r.column() + 1),
                  r.message())
              .withHint(r.hint())
              .withSourceLine(Diagnostics.lineOf(article.body(), r.line() + 1)));
      return;
    }
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
                  Chart chart = refs.charts().get(dir.id());
                  if (chart == null) {
                    unknown(dir, "chart", refs.charts().keySet());
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
                  inline(dir);
                }
                visitChildren(node);
              }

              private void inline(Directive dir) {
                if (!KINDS.contains(dir.kind())) {
                  String hint = Suggestions.didYouMean(dir.kind(), KINDS);
                  report(
                      dir.line(),
                      dir.column(),
                      "unknown reference '{{" + dir.kind() + "}}'",
                      hint != null ? hint : "use {{stat ID}}, {{working ID}} or {{chart ID}}");
                  return;
                }
                if (dir.id().isEmpty() || dir.id().contains(" ")) {
                  report(
                      dir.line(),
                      dir.column(),
                      "'{{"
                          + dir.kind()
                          + "}}' needs one id, like {{"
                          + dir.kind()
                          + " instagram_share_lockdown}}",
                      null);
                  return;
                }
                if (dir.kind().equals("chart")) {
                  report(
                      dir.line(),
                      dir.column(),
                      "a chart must stand alone in its own paragraph",
                      "put {{chart "
                          + dir.id()
                          + "}} on a line of its own with blank lines around it");
                  return;
                }
                Statistic s = refs.statistics().get(dir.id());
                if (s == null) {
                  unknown(dir, "statistic", refs.statistics().keySet());
                  return;
                }
                if (dir.kind().equals("working") && !s.derived()) {
                  report(
                      dir.line(),
                      dir.column(),
                      "'" + s.id() + "' is not a derived figure, so it" + " has no working to show",
                      "use {{stat " + s.id() + "}}");
                  return;
                }
                if (refs.sourcesPath() == null) {
                  report(
                      dir.line(),
                      dir.column(),
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

              private void unknown(Directive dir, String what, java.util.Set<String> known) {
                report(
                    dir.line(),
                    dir.column(),
                    "unknown " + what + " '" + dir.id() + "'",
                    Suggestions.didYouMean(dir.id(), known));
              }

              @Override
              public void visit(Link link) {
                link.setDestination(destination(link, link.getDestination(), "link"));
                visitChildren(link);
              }

              @Override
              public void visit(Image image) {
                if (image.getFirstChild() == null) {
                  at(
                      image,
                      "this image has no text alternative",
                      "describe the image inside the brackets: ![what it shows](file.png)");
                }
                image.setDestination(destination(image, image.getDestination(), "image"));
                visitChildren(image);
              }

              @Override
              public void visit(Heading heading) {
                if (heading.getLevel() == 1) {
                  at(
                      heading,
                      "the page title is the only top-level heading",
                      "start sections with ## instead of #");
                } else if (heading.getLevel() > lastHeading[0] + 1) {
                  at(
                      heading,
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

              private String destination(Node node, String dest, String what) {
                switch (LinkPolicy.classify(dest)) {
                  case REFUSED -> {
                    at(
                        node,
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
                    remember(node, href, dest, what);
                    return href;
                  }
                  case EXTERNAL -> {
                    return dest;
                  }
                  default -> {
                    remember(node, dest, dest, what);
                    return dest;
                  }
                }
              }

              private void remember(Node node, String href, String written, String what) {
                List<SourceSpan> spans = node.getSourceSpans();
                if (spans.isEmpty() || refs.places() == null) {
                  return;
                }
                int line = spans.get(0).getLineIndex();
                refs.places()
                    .add(
                        article.output().value(),
                        href,
                        new LinkPlaces.Place(
                            new SourcePos(
                                article.sourcePath(),
                                article.bodyLine() + line,
                                spans.get(0).getColumnIndex() + 1),
                            written,
                            what.equals("image"),
                            Diagnostics.lineOf(article.body(), line + 1)));
              }

              private void at(Node node, String message, String hint) {
                List<SourceSpan> spans = node.getSourceSpans();
                if (spans.isEmpty()) {
                  report(-1, -1, message, hint);
                } else {
                  report(spans.get(0).getLineIndex(), spans.get(0).getColumnIndex(), message, hint);
                }
              }

              private void report(int line, int column, String message, String hint) {
                SourcePos pos =
                    line < 0
                        ? SourcePos.of(article.sourcePath())
                        : new SourcePos(
                            article.sourcePath(), article.bodyLine() + line, column + 1);
                d.add(
                    Diagnostic.error(pos, message)
                        .withHint(hint)
                        .withSourceLine(
                            line < 0 ? null : Diagnostics.lineOf(article.body(), line + 1)));
              }
            });
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
