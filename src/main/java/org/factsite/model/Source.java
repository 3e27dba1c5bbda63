package org.factsite.model;

import org.factsite.diag.SourcePos;

/** A document that figures are taken from. */
public record Source(
    String id,
    String title,
    String publisher,
    String published,
    String document,
    String url,
    String underlying,
    SourcePos pos) {
  public Source {
    Ids.requireId(id);
  }
}
