package org.factsite.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The eight-bytes-at-a-time scan agrees with a byte-by-byte one at every length and position, and
 * the text read with it is the text a strict decoder gives.
 */
class TextScanTest {
  private static int slow(byte[] b) {
    int found = 0;
    for (byte x : b) {
      if (x < 0) {
        found |= TextScan.NON_ASCII;
      } else if (x == '\r') {
        found |= TextScan.CARRIAGE_RETURN;
      }
    }
    return found;
  }

  @Test
  void findsEachKindOfByteAtEveryPlace() {
    for (int len = 0; len <= 40; len++) {
      byte[] plain = new byte[len];
      java.util.Arrays.fill(plain, (byte) 'a');
      assertEquals(0, TextScan.of(plain), "length " + len);
      for (int at = 0; at < len; at++) {
        for (byte odd :
            new byte[] {'\r', (byte) 0x80, (byte) 0xE2, (byte) 0xFF, '\n', 0x0C, 0x0E}) {
          byte[] b = plain.clone();
          b[at] = odd;
          assertEquals(slow(b), TextScan.of(b), "length " + len + ", byte " + odd + " at " + at);
        }
      }
    }
  }

  @Test
  void agreesWithAByteByByteScanOnRandomBytes() {
    Random r = new Random(7);
    for (int i = 0; i < 5000; i++) {
      byte[] b = new byte[r.nextInt(64)];
      for (int j = 0; j < b.length; j++) {
        // Mostly ASCII with the odd carriage return or high byte, as real files are.
        int k = r.nextInt(100);
        b[j] = (byte) (k < 2 ? '\r' : k < 4 ? 0x80 + r.nextInt(128) : 32 + r.nextInt(95));
      }
      assertEquals(slow(b), TextScan.of(b));
    }
  }

  @Test
  void textWithLfTurnsWindowsLineEndsIntoNewlinesAndKeepsTheRest() throws Exception {
    Inputs in =
        new Inputs(
            Map.of(
                "a", "x\r\ny\r\nlone\rcr\n".getBytes(StandardCharsets.UTF_8),
                "b", "\uFEFFcaf\u00e9 \u2013 12\r\n".getBytes(StandardCharsets.UTF_8),
                "c", "plain text, long enough for whole words\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("x\ny\nlone\rcr\n", in.textWithLf("a"));
    assertEquals("x\r\ny\r\nlone\rcr\n", in.text("a"));
    assertEquals("caf\u00e9 \u2013 12\n", in.textWithLf("b"));
    assertEquals("caf\u00e9 \u2013 12\r\n", in.text("b"));
    assertEquals("plain text, long enough for whole words\n", in.textWithLf("c"));
  }

  @Test
  void malformedUtf8IsRefusedNotReplaced() {
    Inputs in =
        new Inputs(Map.of("bad", new byte[] {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', (byte) 0xC3}));
    assertThrows(CharacterCodingException.class, () -> in.text("bad"));
    assertThrows(CharacterCodingException.class, () -> in.textWithLf("bad"));
  }
}
