package org.factsite.check;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.factsite.render.markdown.RenderedBody;
import org.factsite.render.template.WrittenPage;

/**
 * Keeps each page's {@link PageFacts} while its bytes are unchanged, so the preview server's
 * rebuilds check the whole site but parse only the pages they rendered. Thread-safe.
 */
public final class PageFactsCache {
  private record Entry(byte[] html, PageFacts facts) {}

  /** An article body's own facts, read at this base address. */
  private record BodyFacts(String body, String baseUrl, PageFacts facts) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, BodyFacts> bodies = new ConcurrentHashMap<>();
  private final FrameShapes shapes = new FrameShapes();
  private volatile boolean bodiesApart;
  private final Set<String> changed = ConcurrentHashMap.newKeySet();
  private volatile boolean idsChanged;
  private Set<String> lastFiles = Set.of();
  private boolean lastLinksClean;
  private boolean lastCspClean;
  private volatile PageFactsStore store;

  /**
   * Reads pages through {@code store} from now on (null: parse every page not held in memory), so a
   * new process finds the facts of pages that came out as in the last build.
   */
  public void keepIn(PageFactsStore store) {
    this.store = store;
  }

  /** How many pages' facts came from the store rather than a parse since it was set. */
  public int keptHits() {
    PageFactsStore s = store;
    return s == null ? 0 : s.hits();
  }

  /**
   * How many changed pages were read without their article body, whose facts the store had kept.
   */
  public int keptBodies() {
    PageFactsStore s = store;
    return s == null ? 0 : s.bodiesSpliced();
  }

  /** This page's facts, read now unless its bytes are unchanged since they were last read. */
  public PageFacts facts(String page, byte[] html, String baseUrl) {
    return facts(page, html, null, null, baseUrl);
  }

  /**
   * As {@link #facts(String, byte[], String)}, for a page known to show the article {@code body}
   * (null if not known): the page is read without its body when the body's own facts are known
   * (from the tags its renderer recorded, or kept), which spares parsing two thirds of a page
   * ({@link BodySplice}). {@code written} (null if not known) is the page's text as its template
   * wrote it, which says where the body stands without searching the page for it.
   */
  public PageFacts facts(
      String page, byte[] html, RenderedBody body, WrittenPage written, String baseUrl) {
    Entry e = entries.get(page);
    if (e == null || !(e.html() == html || Arrays.equals(e.html(), html))) {
      PageFactsStore s = store;
      Entry fresh =
          new Entry(
              html,
              s != null
                  ? s.facts(page, html, body, written, baseUrl)
                  : read(page, html, body, written, baseUrl));
      if (e == null || !e.facts().ids().equals(fresh.facts().ids())) {
        idsChanged = true;
      }
      changed.add(page);
      entries.put(page, fresh);
      e = fresh;
    }
    return e.facts();
  }

  /**
   * Reads each page's article body apart from the rest of the page from now on, keeping the body's
   * own facts in memory while it stays the same, so that a later build whose page frames changed (a
   * new title in every page's list of the latest) parses only the frames ({@link BodySplice}). For
   * a builder that builds again and again (the preview server): a one-off build would only pay for
   * reading each page in two parts.
   */
  public void readBodiesApart() {
    bodiesApart = true;
  }

  /** Reads a page not held and not kept: without its body when its body's facts are known. */
  private PageFacts read(
      String page, byte[] html, RenderedBody body, WrittenPage written, String baseUrl) {
    if (body != null && (bodiesApart || body.tags() != null)) {
      PageFacts bodyFacts = bodyFacts(page, body, baseUrl);
      PageFacts spliced =
          bodyFacts == null
              ? null
              : BodySplice.spliced(page, html, written, body.html(), bodyFacts, baseUrl, shapes);
      if (spliced != null) {
        return spliced;
      }
    }
    return ListSplice.ofPage(page, html, baseUrl, shapes);
  }

  /**
   * The body's own facts: held from an earlier build (when bodies are read apart), else from its
   * recorded tags, else from a parse of it; null when they cannot be put into a page.
   */
  private PageFacts bodyFacts(String page, RenderedBody body, String baseUrl) {
    BodyFacts known = bodiesApart ? bodies.get(page) : null;
    if (known != null
        && known.body().equals(body.html())
        && Objects.equals(known.baseUrl(), baseUrl)) {
      return known.facts();
    }
    PageFacts facts = BodySplice.ofBody(page, body, baseUrl);
    if (bodiesApart) {
      if (facts == null) {
        bodies.remove(page);
      } else {
        bodies.put(page, new BodyFacts(body.html(), baseUrl, facts));
      }
    }
    return facts;
  }

  /**
   * The pages whose links need checking. A page's links can only break when its own links change, a
   * file appears or goes, or an anchor on another page changes; when none of that happened since a
   * build whose links were all good, only the re-rendered pages are checked.
   */
  synchronized Set<String> linksToCheck(Set<String> files, Set<String> pages) {
    if (!lastLinksClean || idsChanged || !files.equals(lastFiles)) {
      return pages;
    }
    return Set.copyOf(changed);
  }

  /** The pages re-read since the last {@link #checked}. */
  Set<String> changedPages() {
    return Set.copyOf(changed);
  }

  /** The pages whose policy needs checking: the changed ones after a clean check, else all. */
  synchronized Set<String> cspToCheck(Set<String> pages, Set<String> changedPages) {
    return lastCspClean ? changedPages : pages;
  }

  /** Records the outcome of checking the site with these {@code files}. */
  synchronized void checked(Set<String> files, boolean linksClean, boolean cspClean) {
    lastFiles = Set.copyOf(files);
    lastLinksClean = linksClean;
    lastCspClean = cspClean;
    changed.clear();
    idsChanged = false;
  }

  /** Forgets pages the site no longer has. */
  void retain(Set<String> pages) {
    Set<String> kept = pages instanceof HashSet<String> ? pages : new HashSet<>(pages);
    entries.keySet().retainAll(kept);
    bodies.keySet().retainAll(kept);
  }

  /** Has the store (if any) keep the facts of this site's {@code pages} for the next process. */
  void keep(Set<String> pages, String baseUrl) {
    PageFactsStore s = store;
    if (s != null) {
      s.save(pages, baseUrl);
    }
  }
}
