package org.factsite.render.template;

import java.io.Writer;

/**
 * A writer into memory that notes where one given string was first written whole. FreeMarker writes
 * {@code ${page.body?no_esc}} with one {@link #write(String)} of the very string the model holds,
 * so comparing by identity finds the body's place for nothing, and never a copy of its text that
 * happens to stand elsewhere in the page.
 */
final class MarkingWriter extends Writer {
  /**
   * Room for the page at the start: what a page's frame (head, navigation, footer) usually takes,
   * beside the body when there is one, so that the buffer is not outgrown and copied mid-page.
   */
  private static final int FRAME_ROOM = 8192;

  private final StringBuilder out;
  private final String mark;
  private int markAt = -1;

  /** {@code mark} may be null: nothing is marked. */
  MarkingWriter(String mark) {
    this.mark = mark;
    this.out = new StringBuilder(mark == null ? FRAME_ROOM : FRAME_ROOM + mark.length());
  }

  @Override
  public void write(String s) {
    if (s == mark && markAt < 0 && s != null) {
      markAt = out.length();
    }
    out.append(s);
  }

  @Override
  public void write(String s, int off, int len) {
    out.append(s, off, off + len);
  }

  @Override
  public void write(char[] c, int off, int len) {
    out.append(c, off, len);
  }

  @Override
  public void write(int c) {
    out.append((char) c);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** What was written, and where the mark was first written whole ({@code -1}: never). */
  WrittenPage written() {
    return new WrittenPage(out.toString(), markAt);
  }
}
