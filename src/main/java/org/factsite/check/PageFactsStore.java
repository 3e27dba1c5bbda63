package org.factsite.check;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.factsite.keep.KeptCodec;
import org.factsite.keep.KeptFile;
import org.factsite.render.markdown.RenderedBody;
import org.factsite.render.template.WrittenPage;

/**
 * Keeps each page's {@link PageFacts} between builds, so a build whose pages came out as last time
 * finds their facts instead of parsing every page again (parsing is about 40% of a 10,000-page
 * build's CPU). A page's facts depend only on its bytes, its path, the site's base address and the
 * code that read them: the {@link KeptFile} is named by the code, its context is the base address,
 * and each page is looked up by its path and compared by its bytes. Only pages without problems are
 * kept, so a page that fails a check is read, and its problem reported, on every build until it is
 * fixed. Thread-safe: pages are looked up by the threads that render them.
 */
public final class PageFactsStore {
  /** What a page's name is followed by to name the facts of its article body alone. */
  private static final String BODY = "\n#body";

  private final KeptFile file;
  private final AtomicInteger pageHits = new AtomicInteger();
  private final AtomicInteger bodiesSpliced = new AtomicInteger();
  private final FrameShapes shapes = new FrameShapes();

  /** Facts kept in {@code file} by the code named {@code identity}. */
  public PageFactsStore(Path file, String identity) {
    this.file = new KeptFile(file, identity);
  }

  /**
   * This page's facts, its article body not known: see {@link #facts(String, byte[], RenderedBody,
   * String)}.
   */
  PageFacts facts(String page, byte[] html, String baseUrl) {
    return facts(page, html, null, null, baseUrl);
  }

  /**
   * This page's facts: the kept ones when its bytes are those they were read from (for the same
   * base address), otherwise read now. {@code body} (null if not known) is the article body the
   * page shows: when the body's own facts were kept, only the rest of the page is parsed ({@link
   * BodySplice}), at the place {@code written} gives when known.
   */
  PageFacts facts(
      String page, byte[] html, RenderedBody body, WrittenPage written, String baseUrl) {
    PageFacts kept = found(page, baseUrl, html);
    if (kept != null) {
      pageHits.incrementAndGet();
      // Not needed now, but when only the page around it changes next time (a new title in the
      // list of the latest), its body's facts spare reading the body again.
      file.carry(page + BODY, baseUrl);
      return kept;
    }
    PageFacts facts = body == null ? null : spliced(page, html, body, written, baseUrl);
    if (facts == null) {
      facts = ListSplice.ofPage(page, html, baseUrl, shapes);
    }
    if (facts.cspProblems().isEmpty() && facts.figureProblems().isEmpty()) {
      file.keep(page, encode(facts));
    } else {
      file.forget(page);
    }
    return facts;
  }

  /**
   * The page's facts read with its body's kept facts put in, or null. A body without kept facts has
   * them taken from the tags its renderer recorded, or else is read on its own now (the page then
   * costs about what reading it whole costs), and they are kept for the next build whose page frame
   * changes.
   */
  private PageFacts spliced(
      String page, byte[] html, RenderedBody body, WrittenPage written, String baseUrl) {
    String name = page + BODY;
    PageFacts bodyFacts = found(name, baseUrl, body.html().getBytes(StandardCharsets.UTF_8));
    boolean kept = bodyFacts != null;
    if (!kept) {
      bodyFacts = BodySplice.ofBody(page, body, baseUrl);
      if (bodyFacts == null) {
        file.forget(name);
        return null;
      }
      file.keep(name, encode(bodyFacts));
    }
    PageFacts facts =
        BodySplice.spliced(page, html, written, body.html(), bodyFacts, baseUrl, shapes);
    if (facts != null && kept) {
      bodiesSpliced.incrementAndGet();
    }
    return facts;
  }

  /** The facts kept for {@code name} read from exactly {@code input}, or null. */
  private PageFacts found(String name, String baseUrl, byte[] input) {
    byte[] kept = file.find(name, baseUrl, input);
    if (kept != null) {
      try {
        return decode(kept);
      } catch (RuntimeException damaged) {
        // read it instead, and keep what that gives
      }
    }
    return null;
  }

  /** How many pages' facts were found rather than read in this build. */
  public int hits() {
    return pageHits.get();
  }

  /**
   * How many pages were read without their article body, whose facts were found rather than read in
   * this build.
   */
  public int bodiesSpliced() {
    return bodiesSpliced.get();
  }

  /** Keeps the facts of this build's {@code pages} for the next build. */
  void save(Set<String> pages, String baseUrl) {
    Set<String> names = new HashSet<>(pages.size() * 4);
    for (String page : pages) {
      names.add(page);
      names.add(page + BODY);
    }
    file.save(names, baseUrl);
  }

  static byte[] encode(PageFacts f) {
    KeptCodec.Writer out = new KeptCodec.Writer();
    out.strings(List.copyOf(f.ids()));
    out.strings(f.refs());
    out.varint(f.assets().size());
    for (List<String> group : f.assets()) {
      out.strings(group);
    }
    out.varint(f.targets().size());
    for (Map.Entry<String, Optional<String>> e : f.targets().entrySet()) {
      Optional<String> v = e.getValue();
      out.string(e.getKey());
      out.bool(v.isPresent());
      if (v.isPresent()) {
        out.string(v.get());
      }
    }
    return out.toByteArray();
  }

  static PageFacts decode(byte[] data) {
    KeptCodec.Reader in = new KeptCodec.Reader(data, 0);
    Set<String> ids = new HashSet<>(in.strings());
    List<String> refs = in.strings();
    int groups = in.varint();
    List<List<String>> assets = new ArrayList<>(Math.min(groups, data.length));
    for (int i = 0; i < groups; i++) {
      assets.add(in.strings());
    }
    int n = in.varint();
    Map<String, Optional<String>> targets = new HashMap<>(Math.min(n, data.length) * 2);
    for (int i = 0; i < n; i++) {
      String k = in.string();
      targets.put(k, in.bool() ? Optional.of(in.string()) : Optional.empty());
    }
    in.end();
    return new PageFacts(ids, refs, assets, List.of(), targets, List.of());
  }
}
