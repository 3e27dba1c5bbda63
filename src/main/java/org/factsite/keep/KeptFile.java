package org.factsite.keep;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * One file of results a build keeps for the next one, each made from one input (a page's bytes, an
 * article's text) and found again only when that input is the same. The file is the tool's own, in
 * the user's cache folder, never in a site; it records the code that made it ({@code identity}) and
 * a context (a site's base address, say): with another code or context nothing in it is used.
 *
 * <p>Inputs are compared by length and by a polynomial hash modulo 2<sup>61</sup>−1 at a point
 * drawn at random when the file is first made and kept in it. Without that secret no input can be
 * written to collide with another (two different inputs of equal length agree with a probability
 * below 2<sup>−40</sup> for a 2 MB page), and the hash runs at several hundred MB/s under the
 * launcher's C1-only JIT, where SHA-256 manages about 120 MB/s. Each result carries a CRC-32C of
 * its bytes, so a damaged result counts as missing instead of being used.
 *
 * <p>The file is an index (name, input length, input hash, place, size and CRC of each result)
 * followed by the results. Opening reads only the index, on a background thread; a result is read
 * when it is looked up, so a large file does not sit in the heap. The file is replaced whole
 * (written under a private name, then renamed), and only when this build's results differ from what
 * it held. Anything unreadable counts as empty. Thread-safe.
 */
public final class KeptFile {
  private static final String MAGIC = "factsite kept 1";
  private static final String TEMP_PREFIX = ".write-";
  private static final long MOD = (1L << 61) - 1;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** A result in the file: what it was made from, and where its bytes lie. */
  private record Entry(int inputLength, long inputHash, long offset, int size, int crc) {}

  /** What the file held: its context and key, and its results. */
  private record Index(String context, long key, Map<String, Entry> entries) {
    static final Index NONE = new Index(null, 0, Map.of());
  }

  /** A result of this build: read from the file ({@code data} null) or made now. */
  private record Result(int inputLength, long inputHash, Entry old, byte[] data) {}

  /**
   * An input looked up: its hash, and the kept result when there was one.
   *
   * @param kept the result's bytes, or null when none was kept for this input
   */
  public record Lookup(String name, int inputLength, long inputHash, byte[] kept) {}

  private final Path file;
  private final String identity;
  private final CompletableFuture<Index> index = new CompletableFuture<>();
  private final Map<String, Result> results = new ConcurrentHashMap<>();
  private final AtomicInteger hits = new AtomicInteger();
  private volatile FileChannel channel;
  private volatile long newKey;

  /** Starts reading the index of {@code file} in the background. */
  public KeptFile(Path file, String identity) {
    this.file = file;
    this.identity = identity;
    Thread reader =
        new Thread(
            () -> {
              Index read = Index.NONE;
              try {
                read = readIndex();
              } catch (IOException | RuntimeException e) {
                // missing or damaged: nothing is kept, and the file is rewritten
              }
              index.complete(read);
            },
            "factsite-kept-" + file.getFileName());
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Looks up the result kept for {@code name} when it was made from exactly {@code input} in this
   * {@code context}. A hit is remembered as a result of this build.
   */
  public Lookup find(String name, String context, byte[] input) {
    Index ix = index.join();
    long hash = hash(input, key(ix));
    Entry e = Objects.equals(context, ix.context()) ? ix.entries().get(name) : null;
    if (e != null && e.inputLength() == input.length && e.inputHash() == hash) {
      byte[] data = read(e);
      if (data != null) {
        results.put(name, new Result(input.length, hash, e, null));
        hits.incrementAndGet();
        return new Lookup(name, input.length, hash, data);
      }
    }
    return new Lookup(name, input.length, hash, null);
  }

  /**
   * The keyed hash of {@code input} this file compares inputs with: for a caller that folds
   * something large that many results share into their context instead of into each input.
   */
  public long hashOf(byte[] input) {
    return hash(input, key(index.join()));
  }

  /** Records {@code data} as this build's result for the input of a {@link #find} that missed. */
  public void keep(Lookup miss, byte[] data) {
    results.put(miss.name(), new Result(miss.inputLength(), miss.inputHash(), null, data));
  }

  /** Forgets this build's result for {@code name} (it must be made again next time). */
  public void forget(String name) {
    results.remove(name);
  }

  /** How many look-ups found their result. */
  public int hits() {
    return hits.get();
  }

  /**
   * Replaces the file with this build's results for {@code names}, unless the file already holds
   * exactly those. A failure only means the next build makes more of them again.
   */
  public void save(Set<String> names, String context) {
    Index ix = index.join();
    Map<String, Result> keep = new TreeMap<>();
    results.forEach(
        (name, r) -> {
          if (names.contains(name)) {
            keep.put(name, r);
          }
        });
    boolean same =
        ix != Index.NONE
            && Objects.equals(context, ix.context())
            && keep.size() == ix.entries().size()
            && keep.values().stream().allMatch(r -> r.old() != null);
    try {
      if (!same) {
        write(keep, context, key(ix));
      }
    } catch (IOException | RuntimeException e) {
      // Kept results are an optimisation: the next build makes them again.
    } finally {
      close();
    }
  }

  private void write(Map<String, Result> keep, String context, long key) throws IOException {
    Map<String, byte[]> data = new HashMap<>();
    for (Map.Entry<String, Result> r : keep.entrySet()) {
      byte[] bytes = r.getValue().data() != null ? r.getValue().data() : read(r.getValue().old());
      if (bytes != null) {
        data.put(r.getKey(), bytes);
      }
    }
    KeptCodec.Writer head = new KeptCodec.Writer();
    head.string(MAGIC);
    head.string(identity);
    head.string(context == null ? "" : "=" + context);
    head.long64(key);
    head.varint(data.size());
    long offset = 0;
    for (Map.Entry<String, Result> r : keep.entrySet()) {
      byte[] bytes = data.get(r.getKey());
      if (bytes == null) {
        continue;
      }
      head.string(r.getKey());
      head.varint(r.getValue().inputLength());
      head.long64(r.getValue().inputHash());
      head.long64(offset);
      head.varint(bytes.length);
      head.varint(crc(bytes));
      offset += bytes.length;
    }
    byte[] headBytes = head.toByteArray();
    replace(
        file,
        tmp -> {
          try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            writeFully(out, ByteBuffer.allocate(4).putInt(0, headBytes.length));
            writeFully(out, ByteBuffer.wrap(headBytes));
            for (Map.Entry<String, Result> r : keep.entrySet()) {
              byte[] bytes = data.get(r.getKey());
              if (bytes != null) {
                writeFully(out, ByteBuffer.wrap(bytes));
              }
            }
          }
        });
  }

  /** Writes a file's new content into the temporary file it is given. */
  public interface Filler {
    void fill(Path tmp) throws IOException;
  }

  /**
   * Replaces {@code target} whole: {@code fill} writes a private file beside it ({@value
   * #TEMP_PREFIX}…{@code .tmp}), which is then renamed over it, so a reader sees the old file or
   * the new one, never half of one. Temporary files that a stopped process left there more than an
   * hour ago are removed.
   */
  public static void replace(Path target, Filler fill) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    removeStale(dir);
    Path tmp = Files.createTempFile(dir, TEMP_PREFIX, ".tmp");
    try {
      fill.fill(tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Whether {@code name} is one of the temporary files {@link #replace} makes. */
  public static boolean isTemporary(String name) {
    return name.startsWith(TEMP_PREFIX) && name.endsWith(".tmp");
  }

  private static void removeStale(Path dir) {
    long hourAgo = System.currentTimeMillis() - 3_600_000;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, TEMP_PREFIX + "*.tmp")) {
      for (Path f : files) {
        if (Files.getLastModifiedTime(f).toMillis() < hourAgo) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException | RuntimeException e) {
      // left for a later build to remove
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  private Index readIndex() throws IOException {
    if (!Files.isRegularFile(file)) {
      return Index.NONE;
    }
    FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
    boolean ok = false;
    try {
      ByteBuffer length = ByteBuffer.allocate(4);
      if (in.read(length, 0) != 4) {
        return Index.NONE;
      }
      int headLength = length.getInt(0);
      if (headLength <= 0 || headLength > in.size() - 4) {
        return Index.NONE;
      }
      byte[] head = readAt(in, 4, headLength);
      if (head == null) {
        return Index.NONE;
      }
      KeptCodec.Reader r = new KeptCodec.Reader(head, 0);
      if (!r.string().equals(MAGIC) || !r.string().equals(identity)) {
        return Index.NONE;
      }
      String context = r.string();
      long key = r.long64();
      int count = r.varint();
      long dataStart = 4L + headLength;
      Map<String, Entry> entries = new HashMap<>(Math.max(16, count * 2));
      for (int i = 0; i < count; i++) {
        String name = r.string();
        Entry e = new Entry(r.varint(), r.long64(), dataStart + r.long64(), r.varint(), r.varint());
        if (e.offset() < dataStart || e.size() < 0 || e.offset() + e.size() > in.size()) {
          return Index.NONE;
        }
        entries.put(name, e);
      }
      if (r.position() != head.length || key < 2 || key >= MOD) {
        return Index.NONE;
      }
      channel = in;
      ok = true;
      return new Index(context.isEmpty() ? null : context.substring(1), key, entries);
    } finally {
      if (!ok) {
        in.close();
      }
    }
  }

  /** A kept result's bytes, or null when they cannot be read whole or fail their CRC. */
  private byte[] read(Entry e) {
    FileChannel in = channel;
    if (in == null) {
      return null;
    }
    try {
      byte[] b = readAt(in, e.offset(), e.size());
      return b != null && crc(b) == e.crc() ? b : null;
    } catch (IOException | RuntimeException x) {
      return null;
    }
  }

  private static byte[] readAt(FileChannel in, long position, int size) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(size);
    while (b.hasRemaining()) {
      if (in.read(b, position + b.position()) < 0) {
        return null;
      }
    }
    return b.array();
  }

  private void close() {
    FileChannel in = channel;
    channel = null;
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // nothing was written through it
      }
    }
  }

  private static int crc(byte[] b) {
    CRC32C c = new CRC32C();
    c.update(b);
    return (int) c.getValue();
  }

  /** The key inputs are hashed with: the file's, or a fresh secret one when there was none. */
  private long key(Index ix) {
    if (ix.key() != 0) {
      return ix.key();
    }
    synchronized (this) {
      if (newKey == 0) {
        SecureRandom random = new SecureRandom();
        long r;
        do {
          r = random.nextLong() & MOD;
        } while (r < 2 || r >= MOD);
        newKey = r;
      }
      return newKey;
    }
  }

  /**
   * A polynomial hash of {@code bytes} at the point {@code key}, modulo the prime 2<sup>61</sup>−1,
   * seven bytes to a coefficient (so every coefficient is below the modulus, and two inputs of the
   * same length have the same coefficients only when they are equal). Two different inputs of the
   * same length n collide for at most n/7 keys of the 2<sup>61</sup>: below 2<sup>−40</sup> for a 2
   * MB page.
   */
  static long hash(byte[] bytes, long key) {
    long h = bytes.length;
    int i = 0;
    for (int n = bytes.length - 8; i <= n; i += 7) {
      h = addMod(mulMod(h, key), (long) LONGS.get(bytes, i) & 0x00ff_ffff_ffff_ffffL);
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
}
