package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the checks read from each page, kept on disk between builds: a later process gets exactly
 * the facts a parse would give, and parses again every page whose bytes, base address or reading
 * code changed, every page that had a problem, and everything when the file is damaged.
 */
class PageFactsStoreTest {
  private static final String BASE = "https://example.org/repo/";
  private static final String CLEAN =
      "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\""
          + " content=\"default-src 'none'; img-src 'self'\"></head><body>"
          + "<h2 id=\"a\">A</h2><p><a href=\"../b/#x\">b</a> <img src=\"p.svg\" alt=\"p\"></p>";

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("facts").resolve("site.bin");
  }

  private static Map<String, byte[]> pages() {
    Map<String, byte[]> pages = new LinkedHashMap<>();
    int i = 0;
    for (String html : PageFactsEquivalenceTest.HAND_MADE) {
      pages.put("hand/" + i++ + "/index.html", utf8(html));
    }
    Random random = new Random(11);
    for (int n = 0; n < 300; n++) {
      // Under a good policy, so that the pages with and without problems are both many.
      String page = PageFactsEquivalenceTest.randomPage(random);
      pages.put("posts/p" + n + "/index.html", utf8(CLEAN + page));
    }
    pages.put("index.html", utf8(CLEAN));
    return pages;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads every page through a store on {@code file} as one build would, then saves it. */
  private PageFactsStore build(String code, Map<String, byte[]> pages, String base) {
    PageFactsStore store = new PageFactsStore(file(), code);
    pages.forEach(
        (page, html) ->
            assertEquals(
                PageFactsEquivalenceTest.describe(PageFacts.of(page, html, base)),
                PageFactsEquivalenceTest.describe(store.facts(page, html, base)),
                () -> "facts differ for " + page));
    store.save(pages.keySet(), base);
    return store;
  }

  private static long clean(Map<String, byte[]> pages, String base) {
    return pages.entrySet().stream()
        .map(e -> PageFacts.of(e.getKey(), e.getValue(), base))
        .filter(f -> f.cspProblems().isEmpty() && f.figureProblems().isEmpty())
        .count();
  }

  @Test
  void aLaterBuildGetsTheSameFactsWithoutParsingItsUnchangedPages() {
    Map<String, byte[]> pages = pages();
    assertEquals(0, build("jar 1", pages, BASE).hits(), "nothing kept yet");
    long clean = clean(pages, BASE);
    assertTrue(
        clean > 30 && clean < pages.size() - 30, clean + " of the pages are free of problems");
    assertEquals(clean, build("jar 1", pages, BASE).hits());
    assertEquals(clean, build("jar 1", pages, BASE).hits(), "an unchanged store stays whole");
    Map<String, byte[]> one = Map.of("index.html", utf8(CLEAN));
    assertEquals(0, build("jar 1", one, null).hits(), "another base address: read again");
    assertEquals(1, build("jar 1", one, null).hits(), "a site without a base address is kept too");
  }

  @Test
  void aPageWhoseBytesChangedIsReadAgainEvenAtTheSameLength() {
    build("jar 1", Map.of("index.html", utf8(CLEAN)), BASE);
    byte[] edited = utf8(CLEAN.replace("../b/#x", "../c/#x"));
    PageFactsStore later = new PageFactsStore(file(), "jar 1");
    PageFacts facts = later.facts("index.html", edited, BASE);
    assertEquals(0, later.hits());
    assertTrue(facts.refs().contains("../c/#x"), facts.refs().toString());
    assertFalse(facts.refs().contains("../b/#x"));
  }

  @Test
  void anotherPageAddressBaseAddressOrCodeReadsThePageAgain() {
    byte[] html = utf8(CLEAN);
    build("jar 1", Map.of("index.html", html), BASE);
    PageFactsStore s = new PageFactsStore(file(), "jar 1");
    s.facts("other/index.html", html, BASE);
    s.facts("index.html", html, "https://example.org/fork/");
    assertEquals(0, s.hits());
    PageFactsStore newCode = new PageFactsStore(file(), "jar 2");
    newCode.facts("index.html", html, BASE);
    assertEquals(0, newCode.hits());
    PageFactsStore same = new PageFactsStore(file(), "jar 1");
    same.facts("index.html", html, BASE);
    assertEquals(1, same.hits());
  }

  @Test
  void aPageWithAProblemIsNotKeptSoItsProblemIsFoundEveryTime() {
    byte[] script = utf8(CLEAN + "<script>alert(1)</script>");
    build("jar 1", Map.of("index.html", script), BASE);
    PageFactsStore later = new PageFactsStore(file(), "jar 1");
    assertFalse(later.facts("index.html", script, BASE).cspProblems().isEmpty());
    assertEquals(0, later.hits());
  }

  @Test
  void pagesTheSiteNoLongerHasAreDropped() {
    build("jar 1", Map.of("a/index.html", utf8(CLEAN), "b/index.html", utf8(CLEAN)), BASE);
    build("jar 1", Map.of("a/index.html", utf8(CLEAN)), BASE);
    PageFactsStore later = new PageFactsStore(file(), "jar 1");
    later.facts("b/index.html", utf8(CLEAN), BASE);
    assertEquals(0, later.hits(), "b was dropped when a build no longer had it");
  }

  @Test
  void aDamagedFileCountsAsEmptyAndIsReplaced() throws IOException {
    Map<String, byte[]> pages = pages();
    build("jar 1", pages, BASE);
    byte[] whole = Files.readAllBytes(file());
    long clean = clean(pages, BASE);
    for (int cut : new int[] {0, 5, whole.length / 2, whole.length - 1}) {
      Files.write(file(), java.util.Arrays.copyOf(whole, cut));
      assertEquals(0, build("jar 1", pages, BASE).hits(), "cut at " + cut);
      assertEquals(clean, build("jar 1", pages, BASE).hits(), "rewritten after cut at " + cut);
    }
    byte[] garbage = whole.clone();
    new Random(3).nextBytes(garbage);
    Files.write(file(), garbage);
    assertEquals(0, build("jar 1", pages, BASE).hits());
    assertEquals(clean, build("jar 1", pages, BASE).hits());
  }
}
