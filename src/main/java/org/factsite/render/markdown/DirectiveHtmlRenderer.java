package org.factsite.render.markdown;

import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/** Writes the HTML the resolver attached to directives and chart blocks. */
final class DirectiveHtmlRenderer implements NodeRenderer {
  private final HtmlWriter html;

  DirectiveHtmlRenderer(HtmlNodeRendererContext context) {
    this.html = context.getWriter();
  }

  @Override
  public Set<Class<? extends Node>> getNodeTypes() {
    return Set.of(Directive.class, ChartBlock.class);
  }

  @Override
  public void render(Node node) {
    if (node instanceof ChartBlock block) {
      html.line();
      html.raw(block.directive().html() == null ? "" : block.directive().html());
      html.line();
    } else if (node instanceof Directive d) {
      html.raw(d.html() == null ? "" : d.html());
    }
  }
}
