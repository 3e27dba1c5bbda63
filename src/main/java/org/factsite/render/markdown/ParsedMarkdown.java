package org.factsite.render.markdown;

import java.util.List;
import org.commonmark.node.Node;
import org.factsite.model.Article;

/**
 * An article's parsed Markdown with the facts later stages need: its statistic, working and
 * chart references. The document tree is resolved and rendered once, by one thread.
 */
public record ParsedMarkdown(Article article, Node document, List<Directive> directives) {
  public ParsedMarkdown {
    directives = List.copyOf(directives);
  }

  /** Ids of the statistics this article shows, directly or through working. */
  public List<String> statisticIds() {
    return directives.stream()
        .filter(d -> d.kind().equals("stat") || d.kind().equals("working"))
        .map(Directive::id)
        .distinct()
        .toList();
  }

  public List<String> chartIds() {
    return directives.stream()
        .filter(d -> d.kind().equals("chart"))
        .map(Directive::id)
        .distinct()
        .toList();
  }
}
