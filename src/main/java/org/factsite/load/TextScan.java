package org.factsite.load;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What a file's bytes hold that decides how to turn them into text: any byte outside ASCII, any
 * carriage return. Found in one pass that reads eight bytes at a time: the load profile showed two
 * byte-by-byte passes over every article (one for ASCII, one for {@code \r}) at about a sixth of
 * loading, since the JIT compiler the launcher uses (C1) does not vectorise either loop.
 */
final class TextScan {
  /** Some byte is not ASCII, so the text must go through the strict UTF-8 decoder. */
  static final int NON_ASCII = 1;

  /** Some byte is a carriage return, so Windows line ends may need turning into {@code \n}. */
  static final int CARRIAGE_RETURN = 2;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long ONES = 0x0101010101010101L;
  private static final long CRS = 0x0D0D0D0D0D0D0D0DL;

  private TextScan() {}

  /** {@link #NON_ASCII} and {@link #CARRIAGE_RETURN}, or-ed, for what {@code b} holds. */
  static int of(byte[] b) {
    int i = 0;
    for (int end = b.length - 7; i < end; i += 8) {
      long x = (long) LONGS.get(b, i);
      long c = x ^ CRS;
      // (c - ONES) & ~c sets a byte's high bit where that byte of c is zero, i.e. where x holds
      // '\r' (the usual has-zero-byte test; exact once bytes with the high bit set are excluded,
      // and any such byte is reported as NON_ASCII anyway). Either way the word is looked at again
      // byte by byte below, so a rare false alarm only costs time.
      if (((x | ((c - ONES) & ~c)) & HIGH_BITS) != 0) {
        break;
      }
    }
    int found = 0;
    for (; i < b.length && found != (NON_ASCII | CARRIAGE_RETURN); i++) {
      if (b[i] < 0) {
        found |= NON_ASCII;
      } else if (b[i] == '\r') {
        found |= CARRIAGE_RETURN;
      }
    }
    return found;
  }
}
