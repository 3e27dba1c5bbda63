package org.factsite.render.markdown;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.factsite.keep.KeptCodec;
import org.factsite.keep.KeptFile;
import org.factsite.model.Article;

/**
 * Keeps articles' rendered Markdown between builds, so a build parses and renders only the articles
 * whose text changed (Markdown is about 60% of a 10,000-page build's CPU once the checks' page
 * reading is kept too, see {@code PageFactsStore}).
 *
 * <p>Only a body that depends on nothing but its own text and the page's way back to the site root
 * is kept: one without {@code {{stat}}}, {@code {{working}}} or {@code {{chart}}} references (those
 * show data that can change on its own) and without problems (a problem is reported, and the body
 * made, on every build until it is fixed). What such a body's HTML depends on is then exactly: the
 * article's Markdown, the root prefix its site-root links are rewritten with, and the code (the
 * parser, its extensions and the link rules), which names the {@link KeptFile}. Each kept body also
 * holds the links it recorded, with their node numbers, so a link that breaks later is still
 * reported at its line and column (found by parsing the article again, as without the store).
 * Thread-safe.
 */
public final class BodyStore {
  /**
   * A kept body: its HTML with the start tags its renderer wrote (read when first asked for), and
   * the links it recorded for its page.
   */
  public record Kept(RenderedBody rendered, LinkPlaces places) {
    public String html() {
      return rendered.html();
    }
  }

  private final KeptFile file;

  /** Bodies kept in {@code file} by the code named {@code identity}. */
  public BodyStore(Path file, String identity) {
    this(new KeptFile(file, identity));
  }

  /** Bodies kept in {@code file}. */
  public BodyStore(KeptFile file) {
    this.file = file;
  }

  /** The body kept for this article's text at this root prefix, if any. */
  public Optional<Kept> find(Article article, String rootPrefix, MarkdownRenderer markdown) {
    byte[] input =
        (Objects.toString(rootPrefix) + "\n" + article.body()).getBytes(StandardCharsets.UTF_8);
    byte[] kept = file.find(article.sourcePath(), null, input);
    if (kept != null) {
      try {
        return Optional.of(decode(kept, article, markdown));
      } catch (RuntimeException damaged) {
        // made again by the caller, and kept
      }
    }
    return Optional.empty();
  }

  /**
   * Keeps the body made for an article that {@link #find} missed: {@code clean} says it has no
   * references and no problems; any other body is forgotten, to be made again next time. Its
   * recorded tags are kept with it, so that a page around a kept body is still read for the checks
   * without it when nothing kept its facts (the preview server's first build, a new base address).
   */
  public void keep(Article article, boolean clean, RenderedBody body, LinkPlaces places) {
    if (!clean) {
      file.forget(article.sourcePath());
      return;
    }
    KeptCodec.Writer out = new KeptCodec.Writer();
    out.string(body.html());
    List<LinkPlaces.Kept> links = places.kept(article.output().value());
    out.varint(links.size());
    for (LinkPlaces.Kept l : links) {
      out.string(l.href());
      out.varint(l.node());
      out.string(l.written());
      out.bool(l.image());
    }
    List<RenderedBody.Tag> tags = body.tags();
    out.bool(tags != null);
    if (tags != null) {
      out.varint(tags.size());
      for (RenderedBody.Tag t : tags) {
        out.string(t.name());
        out.varint(t.attributes().size());
        for (Map.Entry<String, String> a : t.attributes().entrySet()) {
          String v = a.getValue();
          out.string(a.getKey());
          out.bool(v != null); // an attribute written without a value
          if (v != null) {
            out.string(v);
          }
        }
      }
    }
    file.keep(article.sourcePath(), out.toByteArray());
  }

  /** How many bodies were found rather than made in this build. */
  public int hits() {
    return file.hits();
  }

  /** Keeps the bodies of these articles (by source path) for the next build. */
  public void save(Set<String> articles) {
    file.save(articles, null);
  }

  private static Kept decode(byte[] data, Article article, MarkdownRenderer markdown) {
    KeptCodec.Reader in = new KeptCodec.Reader(data, 0);
    String html = in.string();
    int n = in.varint();
    LinkPlaces places = new LinkPlaces();
    if (n > 0) {
      NodePositions positions = markdown.positions(article);
      String page = article.output().value();
      for (int i = 0; i < n; i++) {
        places.add(
            page, positions, new LinkPlaces.Kept(in.string(), in.varint(), in.string(), in.bool()));
      }
    }
    int tagsAt = in.position();
    return new Kept(RenderedBody.withTagsReadLater(html, new KeptTags(data, tagsAt)), places);
  }

  /** A kept body's tags, read from where they were kept when first asked for. */
  private static final class KeptTags implements Supplier<List<RenderedBody.Tag>> {
    private final byte[] data;
    private final int at;

    KeptTags(byte[] data, int at) {
      this.data = data;
      this.at = at;
    }

    @Override
    public List<RenderedBody.Tag> get() {
      return tagsAt(data, at);
    }
  }

  /**
   * The tags kept at {@code at} in {@code data}, or null when none were (or they cannot be read).
   */
  private static List<RenderedBody.Tag> tagsAt(byte[] data, int at) {
    try {
      KeptCodec.Reader in = new KeptCodec.Reader(data, at);
      List<RenderedBody.Tag> tags = in.bool() ? tags(in, data.length) : null;
      in.end();
      return tags;
    } catch (RuntimeException damaged) {
      return null; // the body is then read by parsing it
    }
  }

  private static List<RenderedBody.Tag> tags(KeptCodec.Reader in, int limit) {
    int n = in.varint();
    List<RenderedBody.Tag> tags = new ArrayList<>(Math.min(n, limit));
    for (int i = 0; i < n; i++) {
      String name = in.string();
      int attributes = in.varint();
      Map<String, String> map = Map.of();
      if (attributes > 0) {
        Map<String, String> m = new LinkedHashMap<>(Math.min(attributes, limit) * 2);
        for (int j = 0; j < attributes; j++) {
          String k = in.string();
          m.put(k, in.bool() ? in.string() : null);
        }
        map = Collections.unmodifiableMap(m);
      }
      tags.add(new RenderedBody.Tag(name, map));
    }
    return List.copyOf(tags);
  }
}
