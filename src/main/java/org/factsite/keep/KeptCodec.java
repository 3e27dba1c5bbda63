package org.factsite.keep;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes and reads the numbers, strings and lists that kept results are made of. */
public final class KeptCodec {
  private KeptCodec() {}

  /**
   * Appends values to a growing byte array. Not thread-safe (a {@code ByteArrayOutputStream} locks
   * for every byte, and a page's key is written a few bytes at a time).
   */
  public static final class Writer {
    private byte[] bytes = new byte[512];
    private int size;

    private void write(int b) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, size * 2);
      }
      bytes[size++] = (byte) b;
    }

    private void write(byte[] b, int off, int len) {
      if (len > bytes.length - size) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
      }
      System.arraycopy(b, off, bytes, size, len);
      size += len;
    }

    public void varint(int v) {
      while ((v & ~0x7f) != 0) {
        write((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      write(v);
    }

    public void bool(boolean b) {
      write(b ? 1 : 0);
    }

    public void long64(long v) {
      for (int i = 0; i < 8; i++) {
        write((int) (v >>> (8 * i)));
      }
    }

    /**
     * Writes the string's UTF-8 bytes, marked when they are all ASCII: those are read back as a
     * plain copy, without the check for multi-byte characters (about a tenth of a rebuild that
     * reads back every page's body).
     */
    public void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length << 1 | (b.length == s.length() ? 1 : 0));
      write(b, 0, b.length);
    }

    public void strings(List<String> l) {
      varint(l.size());
      l.forEach(this::string);
    }

    /** Writes {@code b} with its length. */
    public void bytes(byte[] b) {
      varint(b.length);
      write(b, 0, b.length);
    }

    public byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }

  /** Reads what a {@link Writer} wrote; damaged input throws an unchecked exception. */
  public static final class Reader {
    private final byte[] data;
    private int at;

    public Reader(byte[] data, int at) {
      this.data = data;
      this.at = at;
    }

    public int position() {
      return at;
    }

    public int varint() {
      int v = 0;
      for (int shift = 0; shift < 32; shift += 7) {
        byte b = data[at++];
        v |= (b & 0x7f) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IllegalStateException("damaged number");
    }

    public boolean bool() {
      byte b = data[at++];
      if (b != 0 && b != 1) {
        throw new IllegalStateException("damaged flag");
      }
      return b == 1;
    }

    public long long64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v |= (data[at++] & 0xffL) << (8 * i);
      }
      return v;
    }

    public String string() {
      int v = varint();
      int n = v >>> 1;
      if (n > data.length - at) {
        throw new IllegalStateException("damaged string");
      }
      String s =
          new String(
              data, at, n, (v & 1) == 1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      at += n;
      return s;
    }

    public List<String> strings() {
      int n = varint();
      if (n < 0 || n > data.length - at) {
        throw new IllegalStateException("damaged list");
      }
      List<String> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        l.add(string());
      }
      return l;
    }

    /** Throws unless every byte was read. */
    public void end() {
      if (at != data.length) {
        throw new IllegalStateException("trailing bytes");
      }
    }
  }
}
