package org.factsite.render.markdown;

import java.util.List;
import java.util.Random;

/**
 * Random Markdown documents for comparing our reading and writing of Markdown with commonmark's.
 * Half are written in the blocks {@link SimpleBlocks} reads, with a near miss now and then; in the
 * other half near misses and other syntax (HTML, references, code, footnotes, control characters)
 * are eight times as common.
 */
final class RandomMarkdown {
  private static final String[] WORDS = {"word", "Two", "x9", "été", "a", "Z", "1990", "中"};
  private static final String[] INLINE = {
    "*em*",
    "**strong**",
    "`code`",
    "[link](/posts/a/)",
    "[*x* y](../b/)",
    "!",
    "a_b",
    "{{chart x}}",
    "<b>",
    "&amp;",
    "\\*",
    "[ref]",
    "~",
    "|",
    "#",
    "]:",
    "  ",
    "\t",
    "\u0000",
    "\r"
  };

  private static final String[] SIMPLE = {"*em*", "**strong**", "`code`", "[link](/posts/a/)"};

  /** What a line may start with: mostly text, sometimes any block's marker or a near miss. */
  private static final String[] STARTS = {
    "",
    "",
    "",
    "",
    "",
    "",
    "*a ",
    "**b** ",
    "`c` ",
    "[d](/e/) ",
    "\"q\" ",
    "(p) ",
    "é ",
    "12 ",
    "1. ",
    "1) ",
    "2024. ",
    "* ",
    "*",
    "+ ",
    "- ",
    "-",
    "> ",
    ">",
    "# ",
    "#",
    "####### ",
    " ",
    "   ",
    "    ",
    "\t",
    "[^1]: ",
    "[a]: /x ",
    "[a\n",
    "``",
    "```",
    "~~~",
    "<div>",
    "---",
    "===",
    "***",
    "___",
    "|",
    "| a |",
    "{{chart x}} ",
    "_u_ ",
    "\r",
    "\u0000",
    "\f",
    ":",
    "=",
    "1234567890) "
  };

  private static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  private final Random r;
  private int miss;

  RandomMarkdown(Random r) {
    this.r = r;
  }

  private boolean odd(int n) {
    return r.nextInt(n * miss) == 0;
  }

  String text() {
    StringBuilder b = new StringBuilder(pick(r, WORDS));
    for (int i = r.nextInt(6); i > 0; i--) {
      b.append(odd(5) ? "" : " ");
      b.append(odd(30) ? pick(r, INLINE) : r.nextInt(5) == 0 ? pick(r, SIMPLE) : pick(r, WORDS));
    }
    if (odd(8)) {
      b.append(r.nextBoolean() ? "  " : " \t");
    }
    return b.toString();
  }

  /** A line of text, usually plain at its start, sometimes opened by another block's marker. */
  String line() {
    return (odd(12) ? pick(r, STARTS) : "") + text();
  }

  String heading() {
    String marks = "#".repeat(1 + r.nextInt(odd(10) ? 8 : 6));
    String between = odd(2) ? List.of("  ", "", "\t").get(r.nextInt(3)) : " ";
    String end = odd(2) ? List.of(" #", " ##  ", "#", "  ", "\t").get(r.nextInt(5)) : "";
    return marks + between + (odd(12) ? "" : line()) + end;
  }

  String table() {
    int columns = 1 + r.nextInt(3);
    StringBuilder b = new StringBuilder();
    b.append(row(columns));
    String[] delimiters = {"---", ":--", "--:", ":-:", "-", " --- "};
    StringBuilder d = new StringBuilder(odd(8) ? "" : "|");
    int delimited = odd(16) ? columns + r.nextInt(3) - 1 : columns;
    for (int c = 0; c < delimited; c++) {
      d.append(pick(r, delimiters)).append(odd(10) ? "||" : "|");
    }
    if (odd(16)) {
      d = new StringBuilder(pick(r, new String[] {"|", "| a |", "---", "|-x-|", " |---|", "|:|"}));
    }
    b.append('\n').append(d);
    for (int i = r.nextInt(5); i > 0; i--) {
      b.append('\n');
      b.append(
          odd(8)
              ? pick(r, new String[] {"|", "|  ", "a | b", "| a \\| b |", line()})
              : row(columns + (r.nextInt(4) == 0 ? r.nextInt(3) - 1 : 0)));
    }
    return b.toString();
  }

  String row(int cells) {
    StringBuilder b = new StringBuilder("|");
    for (int c = 0; c < cells; c++) {
      b.append(r.nextInt(6) == 0 ? "" : " " + text() + " ");
      if (c < cells - 1 || r.nextInt(6) != 0) {
        b.append('|');
      }
    }
    return b.append(r.nextInt(8) == 0 ? "  " : "").toString();
  }

  /** Lines that each start with {@code marker} (once in a while with something else). */
  String marked(String marker, int most) {
    StringBuilder b = new StringBuilder();
    for (int i = 1 + r.nextInt(most); i > 0; i--) {
      b.append(odd(16) ? pick(r, STARTS) : marker).append(line()).append('\n');
    }
    return b.toString().stripTrailing();
  }

  String block() {
    return switch (r.nextInt(7)) {
      case 0 -> heading();
      case 1 -> marked("- ", 4);
      case 2 -> marked("> ", 3);
      case 3 -> table();
      default -> {
        StringBuilder b = new StringBuilder(line());
        for (int i = r.nextInt(3); i > 0; i--) {
          b.append('\n').append(line());
        }
        yield b.toString();
      }
    };
  }

  String document() {
    miss = r.nextBoolean() ? 8 : 1;
    StringBuilder md = new StringBuilder();
    for (int i = 1 + r.nextInt(6); i > 0; i--) {
      md.append(block());
      md.append(
          odd(3) ? pick(r, new String[] {"\n\n\n", "\n", " \n\n", "\n \n", "\r\n\r\n"}) : "\n\n");
    }
    return r.nextInt(4) == 0 ? md.toString().stripTrailing() : md.toString();
  }

  /** The text with its control characters and trailing spaces made visible. */
  static String shown(String md) {
    return md.replace("\t", "\\t")
        .replace("\r", "\\r")
        .replace("\u0000", "\\0")
        .replace("\f", "\\f")
        .replace(" \n", "\u2423\n");
  }
}
