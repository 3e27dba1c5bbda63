package org.factsite.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.factsite.keep.KeptCodec;
import org.factsite.keep.KeptFile;
import org.factsite.model.Article;
import org.factsite.model.FrontMatter;
import org.factsite.model.OutputPath;

/**
 * Keeps loaded articles (their front matter read from YAML, their output path) between builds, so a
 * build reads the YAML only of articles whose file changed. An article depends only on its file's
 * bytes, its path and the code that loaded it: the {@link KeptFile} is named by the code, and each
 * article is found by its path and compared by the file's bytes. Only an article that loaded
 * without any problem is kept, so a problem in a file is reported on every build until it is fixed.
 * The body is not kept: it is cut from the file's text where it began last time. Thread-safe.
 */
public final class ArticleStore {
  private final KeptFile file;

  /** Articles kept in {@code file} by the code named {@code identity}. */
  public ArticleStore(Path file, String identity) {
    this(new KeptFile(file, identity));
  }

  /** Articles kept in {@code file}. */
  public ArticleStore(KeptFile file) {
    this.file = file;
  }

  /**
   * The article loaded from {@code bytes} at {@code path}: kept, with its body cut from {@code
   * text}, when the file is unchanged; otherwise {@code load}ed, and kept when {@code clean} says
   * loading reported nothing.
   *
   * @param text the file's text with {@code \n} line ends
   */
  public Optional<Article> article(
      String path,
      byte[] bytes,
      String text,
      Supplier<Optional<Article>> load,
      Supplier<Boolean> clean) {
    byte[] kept = file.find(path, null, bytes);
    if (kept != null) {
      try {
        return Optional.of(decode(path, kept, text));
      } catch (RuntimeException damaged) {
        // loaded below, and kept again
      }
    }
    Optional<Article> loaded = load.get();
    if (loaded.isPresent() && clean.get()) {
      file.keep(path, encode(loaded.get(), text.length() - loaded.get().body().length()));
    } else {
      file.forget(path);
    }
    return loaded;
  }

  /** How many articles were found rather than loaded in this build. */
  public int hits() {
    return file.hits();
  }

  /** Keeps the articles of these files for the next build. */
  public void save(Set<String> paths) {
    file.save(paths, null);
  }

  private static byte[] encode(Article a, int bodyStart) {
    FrontMatter m = a.meta();
    KeptCodec.Writer out = new KeptCodec.Writer();
    out.string(m.title());
    out.string(m.summary());
    out.string(m.slug());
    out.bool(m.date() != null);
    if (m.date() != null) {
      out.long64(m.date().toEpochDay());
    }
    out.bool(m.order() != null);
    if (m.order() != null) {
      out.long64(m.order());
    }
    out.bool(m.draft());
    out.string(m.layout());
    out.strings(m.tags());
    out.bool(m.contentNote());
    out.varint(bodyStart);
    out.varint(a.bodyLine());
    out.string(a.output().value());
    return out.toByteArray();
  }

  private static Article decode(String path, byte[] data, String text) {
    KeptCodec.Reader in = new KeptCodec.Reader(data, 0);
    String title = in.string();
    String summary = in.string();
    String slug = in.string();
    LocalDate date = in.bool() ? LocalDate.ofEpochDay(in.long64()) : null;
    Integer order = in.bool() ? Math.toIntExact(in.long64()) : null;
    boolean draft = in.bool();
    String layout = in.string();
    var tags = in.strings();
    boolean contentNote = in.bool();
    int bodyStart = in.varint();
    int bodyLine = in.varint();
    OutputPath output = new OutputPath(in.string());
    in.end();
    FrontMatter meta =
        new FrontMatter(title, summary, slug, date, order, draft, layout, tags, contentNote);
    return new Article(path, meta, text.substring(bodyStart), bodyLine, output);
  }
}
