package org.factsite.keep;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
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
 * below 2<sup>−40</sup> for a 2 MB page), and the hash runs at about 1.3 GB/s under the launcher's
 * C1-only JIT, where SHA-256 manages about 120 MB/s. Each result carries a CRC-32C of its bytes, so
 * a damaged result counts as missing instead of being used.
 *
 * <p>The file is the results, then an index (name, input length, input hash, place, size and CRC of
 * each result), then the index's length. Opening reads only the index, on a background thread; a
 * result is read when it is looked up, so a large file does not sit in the heap. Results made by a
 * build are written into the next file as they are made, under a private name; the results it found
 * in the old file and the index are added at the end, and the next file is renamed over the old
 * one, only when this build's results differ from what it held. Anything unreadable counts as
 * empty. Thread-safe.
 */
public final class KeptFile {
  private static final String MAGIC = "factsite kept 1";
  private static final String TEMP_PREFIX = ".write-";
  private static final int PENDING_LIMIT = 1 << 20;
  private static final long MOD = (1L << 61) - 1;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** A result in the file: what it was made from, and where its bytes lie. */
  private record Entry(int inputLength, long inputHash, long offset, int size, int crc) {}

  /** What the file held: its context and key, and its results. */
  private record Index(String context, long key, Map<String, Entry> entries) {
    static final Index NONE = new Index(null, 0, Map.of());
  }

  /**
   * A result of this build: found in the file ({@code old}), or made now and already written into
   * the next file at {@code at}.
   */
  private record Result(int inputLength, long inputHash, Entry old, long at, int size, int crc) {
    /** The result {@code e} of the old file, kept as it is. */
    static Result found(Entry e) {
      return new Result(e.inputLength(), e.inputHash(), e, -1, e.size(), e.crc());
    }
  }

  /** An input looked up in vain: what a result made for it must be recorded with. */
  private record Miss(int inputLength, long inputHash) {}

  private final Path file;
  private final String identity;
  private final CompletableFuture<Index> index = new CompletableFuture<>();
  private final Map<String, Result> results = new ConcurrentHashMap<>();
  private final Map<String, Miss> misses = new ConcurrentHashMap<>();
  private final AtomicInteger hits = new AtomicInteger();
  private volatile FileChannel channel;
  private volatile long newKey;

  /** The next file, written while the build runs: results made now, then (at save) the rest. */
  private Path next;

  private FileChannel nextOut;

  /** How much of the next file is written. */
  private long nextSize;

  /**
   * Results made since the last write, written a run at a time ({@value #PENDING_LIMIT} bytes)
   * instead of one system call each: a 10,000-page build makes some 50,000 results.
   */
  private byte[] pending;

  private int pendingLength;

  /** A write into the next file failed: it is not finished, and the old file stays. */
  private boolean broken;

  /** Reads nothing but its own file, and writes nothing: see {@link #readOnly}. */
  private final boolean readOnly;

  /** Starts reading the index of {@code file} in the background. */
  public KeptFile(Path file, String identity) {
    this(file, identity, false);
  }

  /**
   * A file that is only read: its results are found as by any other, but {@link #keep} and {@link
   * #save} write nothing, so it stays as the last build that wrote it left it (for the preview
   * server, which must not replace a build's results with its own).
   */
  public static KeptFile readOnly(Path file, String identity) {
    return new KeptFile(file, identity, true);
  }

  private KeptFile(Path file, String identity, boolean readOnly) {
    this.file = file;
    this.identity = identity;
    this.readOnly = readOnly;
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
   * The result kept for {@code name} when it was made from exactly {@code input} in this {@code
   * context}, or null. A hit is remembered as a result of this build; after a miss, {@link #keep}
   * records what was made instead.
   */
  public byte[] find(String name, String context, byte[] input) {
    Index ix = index.join();
    long hash = hash(input, key(ix));
    Entry e = entry(ix, name, context);
    if (e != null && e.inputLength() == input.length && e.inputHash() == hash) {
      byte[] data = read(e);
      if (data != null) {
        results.put(name, Result.found(e));
        hits.incrementAndGet();
        return data;
      }
    }
    misses.put(name, new Miss(input.length, hash));
    return null;
  }

  /**
   * The keyed hash of {@code input} this file compares inputs with: for a caller that folds
   * something large that many results share into their context instead of into each input.
   */
  public long hashOf(byte[] input) {
    return hash(input, key(index.join()));
  }

  /**
   * Records {@code data} as this build's result for {@code name}, whose {@link #find} missed (else
   * nothing is recorded). It is written into the next file as the build goes (a megabyte at a time)
   * rather than held until {@link #save}: a large site's results would otherwise stay in the heap
   * for the whole build (at 10,000 pages, 150 MB that the collector copied, with two full
   * collections, about 0.5 s of pauses).
   */
  public void keep(String name, byte[] data) {
    Miss miss = misses.remove(name);
    if (miss == null || readOnly) {
      return;
    }
    long at;
    synchronized (this) {
      if (broken) {
        return;
      }
      try {
        if (nextOut == null) {
          openNext();
        }
        at = nextSize + pendingLength;
        append(data);
      } catch (IOException | RuntimeException e) {
        broken = true; // nothing of this build is kept: made again next time
        return;
      }
    }
    results.put(
        name, new Result(miss.inputLength(), miss.inputHash(), null, at, data.length, crc(data)));
  }

  /** Adds {@code data} to the next file after what is there and pending. */
  private void append(byte[] data) throws IOException {
    if (pendingLength + data.length > PENDING_LIMIT) {
      writePending();
    }
    if (data.length >= PENDING_LIMIT) {
      writeFully(nextOut, ByteBuffer.wrap(data), nextSize);
      nextSize += data.length;
      return;
    }
    if (pending == null) {
      pending = new byte[PENDING_LIMIT];
    }
    System.arraycopy(data, 0, pending, pendingLength, data.length);
    pendingLength += data.length;
  }

  private void writePending() throws IOException {
    if (pendingLength > 0) {
      writeFully(nextOut, ByteBuffer.wrap(pending, 0, pendingLength), nextSize);
      nextSize += pendingLength;
      pendingLength = 0;
    }
  }

  private void openNext() throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    removeStale(dir);
    next = newTemporary(dir);
    nextOut = FileChannel.open(next, StandardOpenOption.WRITE);
    nextSize = 0;
    pendingLength = 0;
  }

  /**
   * Keeps the result held for {@code name} in this {@code context} as one of this build's, unread:
   * for a result the build had no need to look up that a later build may (a page's body, say, when
   * the whole page was found). It is not trusted for that: a later {@link #find} compares it with
   * its own input and checks its CRC, as for any other result. A result this build already found or
   * made is left as it is.
   */
  public void carry(String name, String context) {
    Entry e = entry(index.join(), name, context);
    if (e != null && !misses.containsKey(name)) {
      results.putIfAbsent(name, Result.found(e));
    }
  }

  /**
   * Whether the file holds any result written in {@code context}: when not, every look-up misses.
   */
  public boolean holdsAny(String context) {
    Index ix = index.join();
    return Objects.equals(context, ix.context()) && !ix.entries().isEmpty();
  }

  /** The old file's result for {@code name}, when the file was written in this context. */
  private static Entry entry(Index ix, String name, String context) {
    return Objects.equals(context, ix.context()) ? ix.entries().get(name) : null;
  }

  /** Forgets this build's result for {@code name} (it must be made again next time). */
  public void forget(String name) {
    misses.remove(name);
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
    if (readOnly) {
      synchronized (this) {
        close();
      }
      return;
    }
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
    synchronized (this) {
      try {
        if (!same && !broken) {
          finishNext(keep, context, key(ix));
        }
      } catch (IOException | RuntimeException e) {
        // Kept results are an optimisation: the next build makes them again.
      } finally {
        close();
      }
    }
  }

  /**
   * Completes the next file and renames it over the old one: the results found in the old file are
   * copied after those made now, then the index and its length.
   */
  private void finishNext(Map<String, Result> keep, String context, long key) throws IOException {
    if (nextOut == null) {
      openNext();
    }
    writePending();
    KeptCodec.Writer head = new KeptCodec.Writer();
    head.string(MAGIC);
    head.string(identity);
    head.string(context == null ? "" : "=" + context);
    head.long64(key);
    Map<Result, Long> copiedTo = copyFound(keep.values());
    KeptCodec.Writer entries = new KeptCodec.Writer();
    int count = 0;
    for (Map.Entry<String, Result> e : keep.entrySet()) {
      Result r = e.getValue();
      long at = r.old() == null ? r.at() : copiedTo.get(r);
      entries.string(e.getKey());
      entries.varint(r.inputLength());
      entries.long64(r.inputHash());
      entries.long64(at);
      entries.varint(r.size());
      entries.varint(r.crc());
      count++;
    }
    head.varint(count);
    byte[] index = head.toByteArray();
    byte[] list = entries.toByteArray();
    writeFully(nextOut, ByteBuffer.wrap(index), nextSize);
    writeFully(nextOut, ByteBuffer.wrap(list), nextSize + index.length);
    writeFully(
        nextOut,
        ByteBuffer.allocate(4).putInt(0, index.length + list.length),
        nextSize + index.length + list.length);
    nextOut.close();
    nextOut = null;
    try {
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Copies the results found in the old file into the next one, in the kernel and a run of
   * neighbouring results at a time (a rebuild after one edit copies nearly all of a 70 MB file;
   * read into the heap and written back result by result, that was most of its extra time). A
   * result found was read whole and passed its CRC; one carried is checked when a build reads it.
   * Returns where each now lies.
   */
  private Map<Result, Long> copyFound(Collection<Result> results) throws IOException {
    List<Result> found = new ArrayList<>();
    for (Result r : results) {
      if (r.old() != null) {
        found.add(r);
      }
    }
    found.sort(Comparator.comparingLong(r -> r.old().offset()));
    Map<Result, Long> copiedTo = new IdentityHashMap<>(found.size() * 2);
    FileChannel in = channel;
    if (in == null && !found.isEmpty()) {
      throw new IOException("the kept file was closed");
    }
    int i = 0;
    while (i < found.size()) {
      long start = found.get(i).old().offset();
      long end = start;
      int j = i;
      // A run: results that follow one another in the old file.
      while (j < found.size() && found.get(j).old().offset() == end) {
        copiedTo.put(found.get(j), nextSize + (end - start));
        end += found.get(j).old().size();
        j++;
      }
      long copied = 0;
      nextOut.position(nextSize);
      while (copied < end - start) {
        long n = in.transferTo(start + copied, end - start - copied, nextOut);
        if (n <= 0) {
          throw new IOException("the kept file ended early");
        }
        copied += n;
      }
      nextSize += end - start;
      i = j;
    }
    return copiedTo;
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
    Path tmp = newTemporary(dir);
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

  /**
   * A new empty file in {@code dir} named {@value #TEMP_PREFIX}…{@code .tmp}, readable and writable
   * by this user only on POSIX systems: what {@code Files.createTempFile} makes, without seeding a
   * secure random generator for its name first (its security providers took about 7 ms of every
   * rebuild that changed what it kept). The folder is the user's own; a name that is taken is tried
   * again with another.
   */
  private static Path newTemporary(Path dir) throws IOException {
    FileAttribute<?>[] privately =
        dir.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    for (int tries = 0; ; tries++) {
      String number = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      try {
        return Files.createFile(dir.resolve(TEMP_PREFIX + number + ".tmp"), privately);
      } catch (FileAlreadyExistsException e) {
        if (tries >= 100) {
          throw e;
        }
      }
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

  private static void writeFully(FileChannel out, ByteBuffer b, long position) throws IOException {
    while (b.hasRemaining()) {
      out.write(b, position + b.position());
    }
  }

  private Index readIndex() throws IOException {
    if (!Files.isRegularFile(file)) {
      return Index.NONE;
    }
    FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
    boolean ok = false;
    try {
      long size = in.size();
      ByteBuffer length = ByteBuffer.allocate(4);
      if (size < 4 || in.read(length, size - 4) != 4) {
        return Index.NONE;
      }
      int headLength = length.getInt(0);
      if (headLength <= 0 || headLength > size - 4) {
        return Index.NONE;
      }
      long dataEnd = size - 4 - headLength;
      byte[] head = readAt(in, dataEnd, headLength);
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
      Map<String, Entry> entries = new HashMap<>(Math.max(16, Math.min(count, headLength) * 2));
      for (int i = 0; i < count; i++) {
        String name = r.string();
        Entry e = new Entry(r.varint(), r.long64(), r.long64(), r.varint(), r.varint());
        if (e.offset() < 0 || e.size() < 0 || e.offset() + e.size() > dataEnd) {
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

  /** Closes the old file, and removes a next file that was not finished. */
  private void close() {
    FileChannel in = channel;
    channel = null;
    try {
      if (in != null) {
        in.close();
      }
    } catch (IOException e) {
      // nothing was written through it
    }
    pending = null;
    pendingLength = 0;
    if (nextOut != null) {
      try {
        nextOut.close();
      } catch (IOException e) {
        // removed below
      }
      nextOut = null;
    }
    if (next != null) {
      try {
        Files.deleteIfExists(next);
      } catch (IOException e) {
        // a stale temporary file, removed by a later build
      }
      next = null;
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
    // h·key in 32-bit halves, inline: C1, the launcher's only compiler, makes a call of
    // Math.multiplyHigh (C2 would make it one instruction), and this runs at 1.5 times the speed.
    long k1 = key >>> 32;
    long k0 = key & 0xffff_ffffL;
    long h = bytes.length;
    int i = 0;
    for (int n = bytes.length - 8; i <= n; i += 7) {
      long h1 = h >>> 32;
      long h0 = h & 0xffff_ffffL;
      long mid = h1 * k0 + h0 * k1; // below 2^62
      long lo = h0 * k0; // below 2^64, unsigned
      // h·key = h1·k1·2^64 + mid·2^32 + lo, and 2^64 ≡ 8, 2^61 ≡ 1 modulo 2^61−1
      long r =
          ((h1 * k1) << 3) + (mid >>> 29) + ((mid & 0x1fff_ffffL) << 32) + (lo >>> 61) + (lo & MOD);
      r = (r & MOD) + (r >>> 61);
      r += (long) LONGS.get(bytes, i) & 0x00ff_ffff_ffff_ffffL;
      r = (r & MOD) + (r >>> 61);
      h = r >= MOD ? r - MOD : r;
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
