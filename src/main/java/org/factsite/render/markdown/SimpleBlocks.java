package org.factsite.render.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Reads the block structure most articles are written in, making the nodes commonmark's own parser
 * (with the tables extension) makes of it, or says it cannot. Every block starts at the first
 * column, and every block but a paragraph line ends at a blank line or the end of the text. What it
 * reads:
 *
 * <ul>
 *   <li>paragraphs: lines that begin with a letter, a digit not opening a numbered list, a
 *       character beyond ASCII, a quotation mark, a bracket, or {@code *} or {@code `} that open
 *       emphasis or code;
 *   <li>headings {@code # } to {@code ###### } on one line, without any further {@code #};
 *   <li>lists whose items are {@code - } and one paragraph line, with no blank line between them;
 *   <li>quotes whose lines are {@code > } and a paragraph line;
 *   <li>tables: a row of cells between pipes, a valid delimiter row, rows that start with a pipe,
 *       without backslashes.
 * </ul>
 *
 * The text of each block goes to {@link SimpleInlines}, which also refuses what would make a
 * paragraph that opens with {@code [} a link definition or a footnote: it reads a bracket only as
 * an inline link's. Anything else (indented or tabbed lines, numbered lists, code, HTML, rules,
 * underlined headings, link definitions, footnotes, loose lists, lazy continuation lines, inline
 * syntax {@link SimpleInlines} leaves to commonmark) makes it give up, and the whole text goes to
 * commonmark. {@code SimpleBlocksTest} compares the two on random documents made of these blocks,
 * near misses and the syntax left to commonmark.
 */
final class SimpleBlocks {
  private final SimpleInlines inlines;

  SimpleBlocks(SimpleInlines inlines) {
    this.inlines = inlines;
  }

  /** The document commonmark's parser makes of {@code text}, before post-processing, or null. */
  Document read(String text) {
    List<String> lines = lines(text);
    Document doc = new Document();
    boolean afterList = false;
    int i = 0;
    int n = lines.size();
    while (i < n) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        i++;
        continue;
      }
      char c = line.charAt(0);
      // A list after a blank line would continue the list before it, as a loose list.
      boolean list = c == '-';
      int next =
          switch (c) {
            case '#' -> heading(line, doc) ? i + 1 : -1;
            case '-' -> afterList ? -1 : list(lines, i, doc);
            case '>' -> quote(lines, i, doc);
            case '|' -> table(lines, i, doc);
            default -> paragraph(lines, i, doc);
          };
      if (next < 0 || next < n && !lines.get(next).isEmpty()) {
        return null;
      }
      afterList = list;
      i = next;
    }
    return doc;
  }

  /**
   * The text's lines, split at line feeds; a carriage return stays in its line (and is refused).
   */
  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      lines.add(text.substring(start, end));
      start = end + 1;
    }
    return lines;
  }

  /**
   * Whether text from {@code at} can only be a paragraph's: it starts no other block, and a line of
   * it after a paragraph's line continues that paragraph.
   */
  private static boolean opensText(String s, int at) {
    int n = s.length();
    if (at >= n) {
      return false;
    }
    char c = s.charAt(at);
    if (isAsciiLetter(c) || c >= 128 || c == '"' || c == '\'' || c == '(') {
      return true;
    }
    if (isDigit(c)) {
      int i = at + 1;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      return i == n || s.charAt(i) != '.' && s.charAt(i) != ')';
    }
    return switch (c) {
      case '*' ->
          opensEmphasis(s, at + 1)
              || at + 1 < n && s.charAt(at + 1) == '*' && opensEmphasis(s, at + 2);
      case '`' -> at + 1 < n && s.charAt(at + 1) != '`';
      case '[' -> true;
      default -> false;
    };
  }

  private static boolean opensEmphasis(String s, int at) {
    return at < s.length() && SimpleInlines.isAsciiLetterOrDigit(s.charAt(at));
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Lines from {@code from} to the next blank line or the end, all paragraph text. */
  private int paragraph(List<String> lines, int from, Node parent) {
    int to = from;
    while (to < lines.size() && !lines.get(to).isEmpty()) {
      if (!opensText(lines.get(to), 0)) {
        return -1;
      }
      to++;
    }
    return addParagraph(lines.subList(from, to), parent) ? to : -1;
  }

  private boolean addParagraph(List<String> text, Node parent) {
    Paragraph p = new Paragraph();
    if (!inlines.readText(text, p)) {
      return false;
    }
    parent.appendChild(p);
    return true;
  }

  /** {@code ## Heading} without a closing sequence: the text between the marks and line's end. */
  private boolean heading(String line, Node parent) {
    int level = 0;
    while (level < line.length() && line.charAt(level) == '#') {
      level++;
    }
    if (level > 6 || level >= line.length() || line.charAt(level) != ' ') {
      return false;
    }
    int from = level;
    while (from < line.length() && line.charAt(from) == ' ') {
      from++;
    }
    int to = line.length();
    while (to > from && (line.charAt(to - 1) == ' ' || line.charAt(to - 1) == '\t')) {
      to--;
    }
    if (from == to || line.charAt(from) <= ' ' || line.indexOf('#', from) >= 0) {
      return false;
    }
    Heading h = new Heading();
    h.setLevel(level);
    if (!inlines.readText(List.of(line.substring(from, to)), h)) {
      return false;
    }
    parent.appendChild(h);
    return true;
  }

  /** Items {@code - text}, one line each, with no blank line between them: a tight list. */
  private int list(List<String> lines, int from, Node parent) {
    BulletList list = new BulletList();
    list.setMarker("-");
    list.setTight(true);
    int i = from;
    for (; i < lines.size() && lines.get(i).startsWith("- "); i++) {
      String line = lines.get(i);
      if (!opensText(line, 2)) {
        return -1;
      }
      ListItem item = new ListItem();
      item.setMarkerIndent(0);
      item.setContentIndent(2);
      if (!addParagraph(List.of(line.substring(2)), item)) {
        return -1;
      }
      list.appendChild(item);
    }
    if (i == from) {
      return -1;
    }
    parent.appendChild(list);
    return i;
  }

  /** Lines {@code > text}: a quote of one paragraph. */
  private int quote(List<String> lines, int from, Node parent) {
    List<String> text = new ArrayList<>();
    int i = from;
    for (; i < lines.size() && lines.get(i).startsWith("> "); i++) {
      String line = lines.get(i);
      if (!opensText(line, 2)) {
        return -1;
      }
      text.add(line.substring(2));
    }
    BlockQuote quote = new BlockQuote();
    if (text.isEmpty() || !addParagraph(text, quote)) {
      return -1;
    }
    parent.appendChild(quote);
    return i;
  }

  /** One column's alignment and width, as its delimiter row gives them. */
  private record Column(TableCell.Alignment alignment, int width) {}

  /**
   * A header row, a delimiter row and rows that start with a pipe, to a blank line or the end; as
   * the tables extension reads them (its {@code TableBlockParser}).
   */
  private int table(List<String> lines, int from, Node parent) {
    if (from + 1 >= lines.size()) {
      return -1;
    }
    String header = lines.get(from);
    String delimiters = lines.get(from + 1);
    if (header.indexOf('\\') >= 0
        || delimiters.isEmpty()
        || "|-:".indexOf(delimiters.charAt(0)) < 0) {
      return -1;
    }
    List<Column> columns = columns(delimiters);
    List<String> headerCells = cells(header);
    if (columns == null || columns.isEmpty() || columns.size() < headerCells.size()) {
      return -1;
    }
    TableBlock table = new TableBlock();
    TableHead head = new TableHead();
    table.appendChild(head);
    TableRow headerRow = new TableRow();
    head.appendChild(headerRow);
    int width = headerCells.size();
    for (int c = 0; c < width; c++) {
      TableCell cell = cell(headerCells.get(c), columns.get(c));
      if (cell == null) {
        return -1;
      }
      cell.setHeader(true);
      headerRow.appendChild(cell);
    }
    TableBody body = null;
    int i = from + 2;
    for (; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      String line = lines.get(i);
      // A row must start with a pipe here; a row of only a pipe ends a table, which is refused. The
      // cells past the header's are dropped unread, so a carriage return (a line end to
      // commonmark) is looked for here.
      if (line.charAt(0) != '|'
          || line.indexOf('\\') >= 0
          || line.indexOf('\r') >= 0
          || isPipeOnly(line)) {
        return -1;
      }
      List<String> cells = cells(line);
      TableRow row = new TableRow();
      for (int c = 0; c < width; c++) {
        TableCell cell = cell(c < cells.size() ? cells.get(c) : "", columns.get(c));
        if (cell == null) {
          return -1;
        }
        row.appendChild(cell);
      }
      if (body == null) {
        body = new TableBody();
        table.appendChild(body);
      }
      body.appendChild(row);
      // As the extension does when it has no source positions: one empty span per row.
      body.addSourceSpan(null);
    }
    parent.appendChild(table);
    return i;
  }

  private static boolean isPipeOnly(String line) {
    return skipSpaceTab(line, 1, line.length()) == line.length();
  }

  private TableCell cell(String content, Column column) {
    TableCell cell = new TableCell();
    cell.setAlignment(column.alignment());
    cell.setWidth(column.width());
    int start = skipSpaceTab(content, 0, content.length());
    int end = content.length();
    while (end > start && isSpaceTab(content.charAt(end - 1))) {
      end--;
    }
    return inlines.readText(List.of(content.substring(start, end)), cell) ? cell : null;
  }

  /** A row's cells between its pipes, as the extension splits a row without backslashes. */
  private static List<String> cells(String row) {
    int cellStart = 1;
    int cellEnd = row.length();
    while (cellEnd > cellStart && isSpaceTab(row.charAt(cellEnd - 1))) {
      cellEnd--;
    }
    List<String> cells = new ArrayList<>();
    for (int pipe = row.indexOf('|', cellStart);
        pipe >= 0 && pipe < cellEnd;
        pipe = row.indexOf('|', cellStart)) {
      cells.add(row.substring(cellStart, pipe));
      cellStart = pipe + 1;
    }
    if (cellStart < cellEnd) {
      cells.add(row.substring(cellStart, cellEnd));
    }
    return cells;
  }

  /** The columns a delimiter row gives, or null when it is not one (the extension's rules). */
  private static List<Column> columns(String s) {
    List<Column> columns = new ArrayList<>();
    int pipes = 0;
    boolean valid = false;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '|') {
        i++;
        pipes++;
        if (pipes > 1) {
          return null;
        }
        valid = true;
      } else if (c == '-' || c == ':') {
        if (pipes == 0 && !columns.isEmpty()) {
          return null;
        }
        int width = 0;
        boolean left = c == ':';
        if (left) {
          i++;
          width++;
        }
        int dashes = i;
        while (i < n && s.charAt(i) == '-') {
          i++;
        }
        if (i == dashes) {
          return null;
        }
        width += i - dashes;
        boolean right = i < n && s.charAt(i) == ':';
        if (right) {
          i++;
          width++;
        }
        columns.add(new Column(alignment(left, right), width));
        pipes = 0;
      } else if (isSpaceTab(c)) {
        i++;
      } else {
        return null;
      }
    }
    return valid ? columns : null;
  }

  private static TableCell.Alignment alignment(boolean left, boolean right) {
    if (left && right) {
      return TableCell.Alignment.CENTER;
    }
    if (left) {
      return TableCell.Alignment.LEFT;
    }
    return right ? TableCell.Alignment.RIGHT : null;
  }

  private static boolean isSpaceTab(char c) {
    return c == ' ' || c == '\t';
  }

  private static int skipSpaceTab(String s, int from, int to) {
    int i = from;
    while (i < to && isSpaceTab(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
