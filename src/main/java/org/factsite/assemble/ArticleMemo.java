package org.factsite.assemble;

import java.util.Optional;
import java.util.function.Function;
import org.factsite.diag.Diagnostics;
import org.factsite.model.Article;

/**
 * Lets a long-lived caller (the preview server) remember loaded articles between builds, so an
 * unchanged file is not parsed again. {@link #NONE} loads every file every time.
 */
public interface ArticleMemo {
  /**
   * The article loaded from {@code bytes} at {@code path}: remembered, or loaded with {@code load}
   * (which reports into the collector it is given). Whatever the loader reported is reported into
   * {@code d} either way, so a cached broken file keeps its errors.
   */
  Optional<Article> article(
      String path, byte[] bytes, Diagnostics d, Function<Diagnostics, Optional<Article>> load);

  /** No memory: every article is loaded afresh. */
  ArticleMemo NONE = (path, bytes, d, load) -> load.apply(d);
}
