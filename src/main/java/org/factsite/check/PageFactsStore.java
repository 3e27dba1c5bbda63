package org.factsite.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps each page's {@link PageFacts} on disk between builds, so a build whose pages came out the
 * same as last time reads their facts from one file instead of parsing every page again (parsing is
 * about 40% of a 10,000-page build's CPU). A page's facts depend only on its bytes, its path, the
 * site's base address and the code that read them; the file records the code ({@code identity}) and
 * the base address, and each page's length and a keyed hash of its bytes.
 *
 * <p>The hash is a polynomial over the page's bytes modulo 2<sup>61</sup>−1 at a point drawn at
 * random when the file is first made and kept in it: without that secret, no page can be written to
 * collide with another (two different pages of equal length agree with a probability below
 * 2<sup>−50</sup>), and it is computed at several hundred MB/s where SHA-256 manages about 100 MB/s
 * under the launcher's C1-only JIT.
 *
 * <p>Only pages without problems are kept, so a page that fails a check is read again on every
 * build until it is fixed. The file lives in the user's cache folder, never in the site; anything
 * unreadable counts as empty, and it is replaced whole (written under a private name, then
 * renamed), so a reader never sees half of it. Thread-safe: pages are looked up by the threads that
 * render them.
 */
public final class PageFactsStore {
  private static final String MAGIC = "factsite page facts 1";
  private static final long MOD = (1L << 61) - 1;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** What the file held: the base address its facts were read for, its key, and the pages. */
  private record Kept(String baseUrl, long key, Map<String, Entry> pages, byte[] data) {
    static final Kept NONE = new Kept(null, 0, Map.of(), new byte[0]);
  }

  /** One page in the file: its length, its hash and where its encoded facts lie. */
  private record Entry(int length, long hash, int offset, int size) {}

  /** A page of this build: its length, its hash and its encoded facts. */
  private record Seen(int length, long hash, byte[] facts, boolean wasKept) {}

  private final Path file;
  private final String identity;
  private final CompletableFuture<Kept> kept;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final AtomicInteger hits = new AtomicInteger();
  private volatile long newKey;

  /**
   * Starts reading {@code file} in the background; {@code identity} names the code that reads pages
   * (facts kept by other code are not used).
   */
  public PageFactsStore(Path file, String identity) {
    this.file = file;
    this.identity = identity;
    this.kept = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                kept.complete(read(file, identity));
              } catch (RuntimeException | Error e) {
                kept.complete(Kept.NONE);
              }
            },
            "factsite-kept-facts");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * This page's facts: the kept ones when its bytes are those they were read from (for the same
   * base address), otherwise read now.
   */
  PageFacts facts(String page, byte[] html, String baseUrl) {
    Kept k = kept.join();
    long hash = hash(html, key(k));
    Entry e = Objects.equals(baseUrl, k.baseUrl()) ? k.pages().get(page) : null;
    if (e != null && e.length() == html.length && e.hash() == hash) {
      try {
        PageFacts facts = decode(k.data(), e.offset());
        byte[] encoded = new byte[e.size()];
        System.arraycopy(k.data(), e.offset(), encoded, 0, e.size());
        seen.put(page, new Seen(html.length, hash, encoded, true));
        hits.incrementAndGet();
        return facts;
      } catch (RuntimeException damaged) {
        // read the page instead, and keep what that gives
      }
    }
    PageFacts facts = PageFacts.of(page, html, baseUrl);
    if (facts.cspProblems().isEmpty() && facts.figureProblems().isEmpty()) {
      seen.put(page, new Seen(html.length, hash, encode(facts), false));
    } else {
      seen.remove(page);
    }
    return facts;
  }

  /** How many pages' facts came from the file in this build. */
  public int hits() {
    return hits.get();
  }

  /**
   * Replaces the file with the facts of this build's pages, unless they are exactly the pages it
   * already held. A failure only means the next build reads more pages.
   */
  void save(Set<String> pages, String baseUrl) {
    Kept k = kept.join();
    Map<String, Seen> keep = new TreeMap<>();
    seen.forEach(
        (page, s) -> {
          if (pages.contains(page)) {
            keep.put(page, s);
          }
        });
    boolean same =
        k != Kept.NONE
            && Objects.equals(baseUrl, k.baseUrl())
            && keep.size() == k.pages().size()
            && keep.values().stream().allMatch(Seen::wasKept);
    if (same) {
      return;
    }
    long key = key(k);
    try {
      Encoder out = new Encoder();
      out.string(MAGIC);
      out.string(identity);
      out.string(baseUrl == null ? "" : "=" + baseUrl);
      out.long64(key);
      out.varint(keep.size());
      keep.forEach(
          (page, s) -> {
            out.string(page);
            out.varint(s.length());
            out.long64(s.hash());
            out.varint(s.facts().length);
            out.bytes.write(s.facts(), 0, s.facts().length);
          });
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".write-", ".tmp");
      try {
        Files.write(tmp, out.bytes.toByteArray());
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // The store is an optimisation: the next build reads the pages instead.
    }
  }

  /** The key pages are hashed with: the file's, or a fresh secret one when there was none. */
  private long key(Kept k) {
    if (k.key() != 0) {
      return k.key();
    }
    synchronized (this) {
      if (newKey == 0) {
        long r;
        do {
          r = new SecureRandom().nextLong() & MOD;
        } while (r < 2 || r >= MOD);
        newKey = r;
      }
      return newKey;
    }
  }

  /**
   * A polynomial hash of {@code bytes} at the point {@code key}, modulo the prime 2<sup>61</sup>−1,
   * eight bytes at a time (each eight split into 61 and 3 bits, so every coefficient is below the
   * modulus). Two different inputs of the same length collide for at most one key in
   * 2<sup>50</sup>.
   */
  static long hash(byte[] bytes, long key) {
    long h = bytes.length;
    int i = 0;
    for (int n = bytes.length - 7; i < n; i += 8) {
      long w = (long) LONGS.get(bytes, i);
      h = addMod(mulMod(h, key), w & MOD);
      h = addMod(mulMod(h, key), w >>> 61);
    }
    for (; i < bytes.length; i++) {
      h = addMod(mulMod(h, key), bytes[i] & 0xff);
    }
    return h;
  }

  private static long mulMod(long a, long b) {
    long lo = a * b;
    long hi = Math.multiplyHigh(a, b);
    long r = (lo & MOD) + ((lo >>> 61) | (hi << 3));
    return r >= MOD ? r - MOD : r;
  }

  private static long addMod(long a, long b) {
    long r = a + b;
    return r >= MOD ? r - MOD : r;
  }

  private static Kept read(Path file, String identity) {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      return Kept.NONE;
    }
    try {
      Decoder in = new Decoder(data, 0);
      if (!in.string().equals(MAGIC) || !in.string().equals(identity)) {
        return Kept.NONE;
      }
      String base = in.string();
      String baseUrl = base.isEmpty() ? null : base.substring(1);
      long key = in.long64();
      int count = in.varint();
      Map<String, Entry> pages = new HashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        String page = in.string();
        int length = in.varint();
        long hash = in.long64();
        int size = in.varint();
        if (size < 0 || in.at + size > data.length) {
          return Kept.NONE;
        }
        pages.put(page, new Entry(length, hash, in.at, size));
        in.at += size;
      }
      if (in.at != data.length || key < 2 || key >= MOD) {
        return Kept.NONE;
      }
      return new Kept(baseUrl, key, pages, data);
    } catch (RuntimeException e) {
      return Kept.NONE; // damaged: every page is read again and the file rewritten
    }
  }

  static byte[] encode(PageFacts f) {
    Encoder out = new Encoder();
    out.strings(List.copyOf(f.ids()));
    out.strings(f.refs());
    out.varint(f.assets().size());
    f.assets().forEach(out::strings);
    out.varint(f.targets().size());
    f.targets()
        .forEach(
            (k, v) -> {
              out.string(k);
              out.bytes.write(v.isPresent() ? 1 : 0);
              if (v.isPresent()) {
                out.string(v.get());
              }
            });
    return out.bytes.toByteArray();
  }

  static PageFacts decode(byte[] data, int offset) {
    Decoder in = new Decoder(data, offset);
    Set<String> ids = new HashSet<>(in.strings());
    List<String> refs = in.strings();
    int groups = in.varint();
    List<List<String>> assets = new ArrayList<>(groups);
    for (int i = 0; i < groups; i++) {
      assets.add(in.strings());
    }
    int n = in.varint();
    Map<String, Optional<String>> targets = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String k = in.string();
      targets.put(k, in.data[in.at++] == 1 ? Optional.of(in.string()) : Optional.empty());
    }
    return new PageFacts(ids, refs, assets, List.of(), targets, List.of());
  }

  /** Writes varints, longs and UTF-8 strings. */
  private static final class Encoder {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);

    void varint(int v) {
      while ((v & ~0x7f) != 0) {
        bytes.write((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      bytes.write(v);
    }

    void long64(long v) {
      for (int i = 0; i < 8; i++) {
        bytes.write((int) (v >>> (8 * i)));
      }
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length);
      bytes.write(b, 0, b.length);
    }

    void strings(List<String> l) {
      varint(l.size());
      l.forEach(this::string);
    }
  }

  /** Reads what {@link Encoder} wrote; a damaged input throws a runtime exception. */
  private static final class Decoder {
    final byte[] data;
    int at;

    Decoder(byte[] data, int at) {
      this.data = data;
      this.at = at;
    }

    int varint() {
      int v = 0;
      for (int shift = 0; shift < 32; shift += 7) {
        byte b = data[at++];
        v |= (b & 0x7f) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IllegalStateException("bad number");
    }

    long long64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (data[at++] & 0xffL) << (8 * i);
      }
      return v;
    }

    String string() {
      int n = varint();
      if (n < 0 || at + n > data.length) {
        throw new IllegalStateException("bad string");
      }
      String s = new String(data, at, n, StandardCharsets.UTF_8);
      at += n;
      return s;
    }

    List<String> strings() {
      int n = varint();
      if (n < 0 || n > data.length) {
        throw new IllegalStateException("bad list");
      }
      List<String> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        l.add(string());
      }
      return l;
    }
  }
}
