package org.factsite.render.markdown;

import java.util.List;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.delimiter.DelimiterProcessor;

/**
 * Inline parsing that reads a block whose text is one line of plain words (a table cell, most
 * headings) as the one text node commonmark's own inline parser makes of it, and hands every other
 * block to that parser. Commonmark's parser sets up fresh state for every block it reads (a map of
 * its content parsers, a scanner), which for the two dozen cells of a table of figures cost more
 * than reading them.
 *
 * <p>"Plain" is deliberately narrow: letters, digits, spaces, tabs and punctuation that no inline
 * syntax starts with ({@code . , ; : ? ' " ( ) % + - / = # $ @}), less any character an extension
 * added to the inline syntax. {@code PlainLineInlineParserTest} compares the two parsers' output on
 * random text built from plain and special characters.
 */
final class PlainLineInlineParser implements InlineParser {
  private static final boolean[] PLAIN = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      PLAIN[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      PLAIN[c] = true;
      PLAIN[Character.toUpperCase(c)] = true;
    }
    for (char c : " \t.,;:?'\"()%+-/=#$@".toCharArray()) {
      PLAIN[c] = true;
    }
  }

  private final InlineParserContext context;
  private final boolean[] plain;
  private final boolean otherCharsPlain;
  private InlineParser full;

  PlainLineInlineParser(InlineParserContext context) {
    this.context = context;
    boolean[] p = PLAIN.clone();
    boolean others = true;
    for (InlineContentParserFactory f : context.getCustomInlineContentParserFactories()) {
      for (char c : f.getTriggerCharacters()) {
        others &= exclude(p, c);
      }
    }
    for (DelimiterProcessor d : context.getCustomDelimiterProcessors()) {
      others &= exclude(p, d.getOpeningCharacter());
      others &= exclude(p, d.getClosingCharacter());
    }
    for (char c : context.getCustomLinkMarkers()) {
      others &= exclude(p, c);
    }
    this.plain = p;
    this.otherCharsPlain = others;
  }

  /** Takes {@code c} out of the plain ones; false when it is not ASCII. */
  private static boolean exclude(boolean[] plain, char c) {
    if (c < plain.length) {
      plain[c] = false;
      return true;
    }
    return false;
  }

  @Override
  public void parse(SourceLines lines, Node block) {
    List<SourceLine> ls = lines.getLines();
    if (ls.size() == 1 && ls.get(0).getSourceSpan() == null) {
      CharSequence line = ls.get(0).getContent();
      if (isPlain(line)) {
        if (line.length() > 0) {
          // As commonmark reads the last line of a block: trailing spaces and tabs dropped.
          int end = line.length();
          while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
          }
          block.appendChild(new Text(line.subSequence(0, end).toString()));
        }
        return;
      }
    }
    if (full == null) {
      full = new InlineParserImpl(context);
    }
    full.parse(lines, block);
  }

  private boolean isPlain(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 128 ? !plain[c] : !(otherCharsPlain && Character.isLetterOrDigit(c))) {
        return false;
      }
    }
    return true;
  }
}
