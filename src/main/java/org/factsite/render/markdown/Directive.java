package org.factsite.render.markdown;

import org.commonmark.node.CustomNode;

/**
 * An inline {@code {{kind id}}} reference in Markdown. The resolver fills {@link #html} before
 * rendering.
 */
public final class Directive extends CustomNode {
  private final String kind;
  private final String id;
  private String html;

  Directive(String kind, String id) {
    this.kind = kind;
    this.id = id;
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  /** HTML produced by our own code for this reference; rendered without escaping. */
  public String html() {
    return html;
  }

  void setHtml(String html) {
    this.html = html;
  }
}
