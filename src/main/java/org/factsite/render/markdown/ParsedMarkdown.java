package org.factsite.render.markdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.commonmark.node.Node;
import org.factsite.model.Article;

/**
 * An article's parsed Markdown with the facts later stages need: its statistic, working and chart
 * references. The document tree is resolved and rendered once, by one thread; it has no source
 * positions, and {@code positions} finds where its nodes were written when a problem needs saying
 * where. When the Markdown was refused (see {@link NestingGuard}) the document is empty and {@code
 * refusal} says why; the resolver reports it.
 */
public record ParsedMarkdown(
    Article article,
    Node document,
    List<Directive> directives,
    NodePositions positions,
    NestingGuard.Refusal refusal) {
  public ParsedMarkdown {
    directives = List.copyOf(directives);
  }

  /** An article whose Markdown could not be used; the refusal says where and why. */
  static ParsedMarkdown refused(
      Article article, NodePositions positions, NestingGuard.Refusal refusal) {
    return new ParsedMarkdown(
        article, new org.commonmark.node.Document(), List.of(), positions, refusal);
  }

  /** Ids of the statistics this article shows, directly or through working. */
  public List<String> statisticIds() {
    return ids("stat", "working");
  }

  public List<String> chartIds() {
    return ids("chart", "chart");
  }

  /** The ids of the directives of either kind, each once, in the order first written. */
  private List<String> ids(String kind, String otherKind) {
    Set<String> ids = new LinkedHashSet<>();
    for (Directive d : directives) {
      if (d.kind().equals(kind) || d.kind().equals(otherKind)) {
        ids.add(d.id());
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(ids));
  }
}
