package org.factsite.load;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The input files of a site, by site-relative path with forward slashes ({@code content/a.md}), in
 * sorted order. Built from a folder by {@link SourceTree} or written inline by tests.
 */
public final class Inputs {
  private final SortedMap<String, byte[]> files;

  public Inputs(Map<String, byte[]> files) {
    this.files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
  }

  /** Inputs from text files, for tests and scaffolding. */
  public static Inputs ofText(Map<String, String> texts) {
    TreeMap<String, byte[]> m = new TreeMap<>();
    texts.forEach((k, v) -> m.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return new Inputs(m);
  }

  public boolean has(String path) {
    return files.containsKey(path);
  }

  public byte[] bytes(String path) {
    return files.get(path);
  }

  /** The file decoded as UTF-8; malformed bytes are refused rather than silently replaced. */
  public String text(String path) throws CharacterCodingException {
    byte[] b = files.get(path);
    return decode(b, TextScan.of(b));
  }

  /**
   * As {@link #text}, with Windows line ends ({@code \r\n}) turned into {@code \n}: how articles
   * are read. The one scan that finds whether the bytes are ASCII also finds whether there is any
   * {@code \r} to replace, so most files are read with no search for it.
   */
  public String textWithLf(String path) throws CharacterCodingException {
    byte[] b = files.get(path);
    int scan = TextScan.of(b);
    String s = decode(b, scan);
    return (scan & TextScan.CARRIAGE_RETURN) == 0 ? s : s.replace("\r\n", "\n");
  }

  private static String decode(byte[] b, int scan) throws CharacterCodingException {
    if ((scan & TextScan.NON_ASCII) == 0) {
      // Nearly every input is plain ASCII, which is valid UTF-8 as it stands; the JDK's ASCII
      // decoding is far cheaper than a strict decoder, which showed in the load profile. Latin-1
      // decodes ASCII bytes to the same text and, unlike US-ASCII, without scanning them again.
      return new String(b, StandardCharsets.ISO_8859_1);
    }
    String s =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(b))
            .toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** Paths under {@code prefix} (e.g. {@code "content/"}) ending in {@code suffix}, sorted. */
  public List<String> under(String prefix, String suffix) {
    List<String> out = new ArrayList<>();
    for (String p : files.subMap(prefix, prefix + Character.MAX_VALUE).keySet()) {
      if (p.endsWith(suffix)) {
        out.add(p);
      }
    }
    return Collections.unmodifiableList(out);
  }

  public SortedMap<String, byte[]> all() {
    return files;
  }
}
