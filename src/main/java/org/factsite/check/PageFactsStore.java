package org.factsite.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.factsite.keep.KeptCodec;
import org.factsite.keep.KeptFile;

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
  private final KeptFile file;

  /** Facts kept in {@code file} by the code named {@code identity}. */
  public PageFactsStore(Path file, String identity) {
    this.file = new KeptFile(file, identity);
  }

  /**
   * This page's facts: the kept ones when its bytes are those they were read from (for the same
   * base address), otherwise read now.
   */
  PageFacts facts(String page, byte[] html, String baseUrl) {
    byte[] kept = file.find(page, baseUrl, html);
    if (kept != null) {
      try {
        return decode(kept);
      } catch (RuntimeException damaged) {
        // read the page instead, and keep what that gives
      }
    }
    PageFacts facts = PageFacts.of(page, html, baseUrl);
    if (facts.cspProblems().isEmpty() && facts.figureProblems().isEmpty()) {
      file.keep(page, encode(facts));
    } else {
      file.forget(page);
    }
    return facts;
  }

  /** How many pages' facts were found rather than read in this build. */
  public int hits() {
    return file.hits();
  }

  /** Keeps the facts of this build's {@code pages} for the next build. */
  void save(Set<String> pages, String baseUrl) {
    file.save(pages, baseUrl);
  }

  static byte[] encode(PageFacts f) {
    KeptCodec.Writer out = new KeptCodec.Writer();
    out.strings(List.copyOf(f.ids()));
    out.strings(f.refs());
    out.varint(f.assets().size());
    f.assets().forEach(out::strings);
    out.varint(f.targets().size());
    f.targets()
        .forEach(
            (k, v) -> {
              out.string(k);
              out.bool(v.isPresent());
              if (v.isPresent()) {
                out.string(v.get());
              }
            });
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
