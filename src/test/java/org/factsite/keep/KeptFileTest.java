package org.factsite.keep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results kept between builds: found only for the same input, never when damaged. */
class KeptFileTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve("kept.bin");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** One build: looks up each name with input "in-NAME", makes "out-NAME" on a miss, saves. */
  private KeptFile build(String... names) {
    KeptFile kept = new KeptFile(file(), "code 1");
    for (String name : names) {
      byte[] found = kept.find(name, "ctx", bytes("in-" + name));
      if (found == null) {
        kept.keep(name, bytes("out-" + name));
      } else {
        assertArrayEquals(bytes("out-" + name), found);
      }
    }
    kept.save(Set.of(names), "ctx");
    return kept;
  }

  @Test
  void aResultIsFoundByTheNextBuildForTheSameInputOnly() {
    assertEquals(0, build("a", "b").hits());
    assertEquals(2, build("a", "b").hits());
    KeptFile other = new KeptFile(file(), "code 1");
    assertNull(other.find("a", "ctx", bytes("in-A")), "another input, same length");
    assertNull(other.find("a", "other ctx", bytes("in-a")), "another context");
    assertNull(new KeptFile(file(), "code 2").find("a", "ctx", bytes("in-a")));
  }

  @Test
  void whatIsKeptIsReadableByItsOwnerOnlyAndLeavesNoTemporaryFileBehind() throws IOException {
    build("a", "b");
    KeptFile.replace(dir.resolve("whole.bin"), tmp -> Files.write(tmp, bytes("x")));
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      for (Path f : List.of(file(), dir.resolve("whole.bin"))) {
        assertEquals(
            "rw-------",
            java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
            f.toString());
      }
    }
    try (var files = Files.list(dir)) {
      assertTrue(
          files.noneMatch(f -> KeptFile.isTemporary(f.getFileName().toString())),
          "a temporary file was left");
    }
  }

  @Test
  void aFileHoldsResultsOnlyForTheContextItWasWrittenIn() {
    assertFalse(new KeptFile(file(), "code 1").holdsAny("ctx"), "no file yet");
    build("a");
    assertTrue(new KeptFile(file(), "code 1").holdsAny("ctx"));
    assertFalse(new KeptFile(file(), "code 1").holdsAny("other ctx"));
    assertFalse(new KeptFile(file(), "code 2").holdsAny("ctx"), "written by other code");
    build();
    assertFalse(new KeptFile(file(), "code 1").holdsAny("ctx"), "saved with no results");
  }

  @Test
  void anUnchangedSetOfResultsLeavesTheFileAlone() throws IOException {
    build("a", "b");
    Object before = Files.readAttributes(file(), "unix:ino");
    build("a", "b");
    assertEquals(before, Files.readAttributes(file(), "unix:ino"), "not rewritten");
    build("a");
    assertNotEquals(before, Files.readAttributes(file(), "unix:ino"), "b dropped: rewritten");
    assertEquals(1, build("a", "b").hits());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file()), files.toList(), "no file being written is left behind");
    }
  }

  @Test
  void resultsCarriedIntoARewrittenFileAreFoundWhole() {
    build("a", "b", "c", "d", "e", "f");
    // a dropped, d dropped in the middle, g new: the found ones are copied as two runs
    assertEquals(4, build("b", "c", "e", "f", "g").hits());
    // the helper checks every found result's bytes
    assertEquals(5, build("b", "c", "e", "f", "g").hits());
    assertEquals(2, build("g", "b", "h").hits());
    assertEquals(3, build("h", "g", "b").hits());
  }

  @Test
  void aResultCarriedUnreadIsFoundByALaterBuild() throws IOException {
    build("a", "b", "c");
    // A build that needs only a and b carries c, in its context, without reading it.
    KeptFile second = new KeptFile(file(), "code 1");
    second.find("a", "ctx", bytes("in-a"));
    second.keep("a", bytes("out-a"));
    assertNotNull(second.find("b", "ctx", bytes("in-b")));
    second.carry("c", "ctx");
    second.carry("z", "ctx"); // never kept: nothing to carry
    Object before = Files.readAttributes(file(), "unix:ino");
    second.save(Set.of("a", "b", "c", "z"), "ctx");
    assertEquals(before, Files.readAttributes(file(), "unix:ino"), "all as it was: not rewritten");
    assertEquals(3, build("a", "b", "c").hits());

    // Carried into a rewritten file (b made anew), c is still found, and only for its own input.
    KeptFile third = new KeptFile(file(), "code 1");
    assertNull(third.find("b", "ctx", bytes("in-B")));
    third.keep("b", bytes("out-B"));
    third.carry("c", "ctx");
    third.save(Set.of("b", "c"), "ctx");
    KeptFile fourth = new KeptFile(file(), "code 1");
    assertArrayEquals(bytes("out-c"), fourth.find("c", "ctx", bytes("in-c")));
    assertNull(new KeptFile(file(), "code 1").find("c", "ctx", bytes("in-C")));
    assertNull(new KeptFile(file(), "code 1").find("a", "ctx", bytes("in-a")), "a not carried");

    // Nothing is carried from another context.
    KeptFile other = new KeptFile(file(), "code 1");
    other.carry("c", "other ctx");
    other.save(Set.of("c"), "other ctx");
    assertNull(new KeptFile(file(), "code 1").find("c", "other ctx", bytes("in-c")));
  }

  @Test
  void resultsLargeAndSmallAroundTheWriteBufferAreFoundWhole() {
    // Sizes either side of the megabyte the file buffers before writing, and runs that cross it.
    int[] sizes = {10, 700_000, 400_000, (1 << 20) - 1, 1 << 20, 3 << 20, 1, 999_999, 5};
    Random random = new Random(3);
    byte[][] data = new byte[sizes.length][];
    KeptFile first = new KeptFile(file(), "code 1");
    for (int i = 0; i < sizes.length; i++) {
      data[i] = new byte[sizes[i]];
      random.nextBytes(data[i]);
      assertNull(first.find("r" + i, "ctx", bytes("in" + i)));
      first.keep("r" + i, data[i]);
    }
    first.save(names(sizes.length), "ctx");
    KeptFile second = new KeptFile(file(), "code 1");
    for (int i = 0; i < sizes.length; i++) {
      assertArrayEquals(data[i], second.find("r" + i, "ctx", bytes("in" + i)), "result " + i);
    }
    assertEquals(sizes.length, second.hits());
  }

  private static Set<String> names(int n) {
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      names.add("r" + i);
    }
    return names;
  }

  @Test
  void aReadOnlyFileFindsResultsButNeverWrites() throws IOException {
    build("a", "b");
    byte[] before = Files.readAllBytes(file());
    Object inode = Files.readAttributes(file(), "unix:ino");
    KeptFile preview = KeptFile.readOnly(file(), "code 1");
    assertArrayEquals(bytes("out-a"), preview.find("a", "ctx", bytes("in-a")));
    assertNull(preview.find("c", "ctx", bytes("in-c")));
    preview.keep("c", bytes("out-c"));
    preview.save(Set.of("a", "c"), "ctx"); // b dropped, c new: a writer would rewrite the file
    assertArrayEquals(before, Files.readAllBytes(file()));
    assertEquals(inode, Files.readAttributes(file(), "unix:ino"));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file()), files.toList(), "nothing else written beside it");
    }
    assertEquals(2, build("a", "b").hits());
  }

  @Test
  void aDamagedResultIsMadeAgainAndTheOthersAreStillFound() throws IOException {
    build("a", "b", "c");
    byte[] whole = Files.readAllBytes(file());
    String text = new String(whole, StandardCharsets.ISO_8859_1);
    int at = text.lastIndexOf("out-b");
    whole[at + 4] = 'x';
    Files.write(file(), whole);
    KeptFile kept = new KeptFile(file(), "code 1");
    assertNull(kept.find("b", "ctx", bytes("in-b")), "fails its CRC");
    assertArrayEquals(bytes("out-a"), kept.find("a", "ctx", bytes("in-a")));
    assertArrayEquals(bytes("out-c"), kept.find("c", "ctx", bytes("in-c")));
  }

  @Test
  void aTruncatedOrGarbledFileCountsAsEmpty() throws IOException {
    build("a", "b", "c");
    byte[] whole = Files.readAllBytes(file());
    Random random = new Random(9);
    for (int cut = 0; cut < whole.length; cut += 7) {
      Files.write(file(), java.util.Arrays.copyOf(whole, cut));
      KeptFile kept = new KeptFile(file(), "code 1");
      for (String name : new String[] {"a", "b", "c"}) {
        byte[] found = kept.find(name, "ctx", bytes("in-" + name));
        if (found != null) {
          assertArrayEquals(bytes("out-" + name), found, "cut at " + cut);
        }
      }
      byte[] garbled = whole.clone();
      garbled[random.nextInt(garbled.length)] ^= (byte) (1 + random.nextInt(255));
      Files.write(file(), garbled);
      kept = new KeptFile(file(), "code 1");
      for (String name : new String[] {"a", "b", "c"}) {
        byte[] found = kept.find(name, "ctx", bytes("in-" + name));
        if (found != null) {
          assertArrayEquals(bytes("out-" + name), found, "garbled");
        }
      }
    }
    build("a", "b", "c"); // finds what survived, makes the rest
    assertEquals(3, build("a", "b", "c").hits(), "rewritten whole");
  }

  @Test
  void equalLengthInputsThatDifferHashDifferently() {
    Random random = new Random(5);
    for (int n = 0; n < 2000; n++) {
      byte[] a = new byte[1 + random.nextInt(40)];
      random.nextBytes(a);
      byte[] b = a.clone();
      b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
      long key = 2 + (random.nextLong() >>> 4);
      assertNotEquals(KeptFile.hash(a, key), KeptFile.hash(b, key), "one byte changed");
    }
  }

  @Test
  void theHashIsThePolynomialItIsSaidToBe() {
    BigInteger p = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
    Random random = new Random(11);
    long[] keys = {2, 3, (1L << 32) - 1, 1L << 32, 1L << 60, (1L << 61) - 2};
    for (int n = 0; n < 3000; n++) {
      byte[] bytes = new byte[random.nextInt(60)];
      if (n % 3 == 0) {
        java.util.Arrays.fill(bytes, (byte) 0xff); // the largest coefficients
      } else {
        random.nextBytes(bytes);
      }
      long key = n < keys.length ? keys[n] : 2 + ((random.nextLong() >>> 3) % ((1L << 61) - 3));
      // Seven bytes to a coefficient, little-endian, then the bytes left one each.
      BigInteger k = BigInteger.valueOf(key);
      BigInteger h = BigInteger.valueOf(bytes.length);
      int i = 0;
      for (; i + 8 <= bytes.length; i += 7) {
        long c = 0;
        for (int j = 6; j >= 0; j--) {
          c = c << 8 | (bytes[i + j] & 0xff);
        }
        h = h.multiply(k).add(BigInteger.valueOf(c)).mod(p);
      }
      for (; i < bytes.length; i++) {
        h = h.multiply(k).add(BigInteger.valueOf(bytes[i] & 0xff)).mod(p);
      }
      assertEquals(h.longValue(), KeptFile.hash(bytes, key), "length " + bytes.length);
    }
  }
}
