package org.factsite.render.markdown;

import org.commonmark.node.CustomBlock;

/** A paragraph that held only {@code {{chart id}}}: rendered as the chart's whole figure. */
public final class ChartBlock extends CustomBlock {
  private final Directive directive;

  ChartBlock(Directive directive) {
    this.directive = directive;
  }

  public Directive directive() {
    return directive;
  }
}
