package org.factsite.render.markdown;

import org.commonmark.node.CustomNode;

/**
 * An inline {@code {{kind id}}} reference in Markdown. {@code line} and {@code column} are 0-based
 * within the Markdown body. The resolver fills {@link #html} before rendering.
 */
public final class Directive extends CustomNode {
  private final String kind;
  private final String id;
  private final int line;
  private final int column;
  private String html;

  Directive(String kind, String id, int line, int column) {
    this.kind = kind;
    this.id = id;
    this.line = line;
    this.column = column;
  }

  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** HTML produced by our own code for this reference; rendered without escaping. */
  public String html() {
    return html;
  }

  void setHtml(String html) {
    this.html = html;
  }
}
