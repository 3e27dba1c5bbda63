package org.factsite.render.markdown;

import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.model.Article;

/**
 * A place in an article's Markdown as a diagnostic shows it: the position in the file and the text
 * of that line (null when the place is the whole file).
 */
record BodyPlace(SourcePos pos, String sourceLine) {
  /** The place at {@code line} and {@code column}, both 0-based within the article's body. */
  static BodyPlace of(Article article, int line, int column) {
    return new BodyPlace(
        new SourcePos(article.sourcePath(), article.bodyLine() + line, column + 1),
        Diagnostics.lineOf(article.body(), line + 1));
  }

  /** The article as a whole, for a node the parser gave no position. */
  static BodyPlace whole(Article article) {
    return new BodyPlace(SourcePos.of(article.sourcePath()), null);
  }
}
