package org.factsite.render.markdown;

import static org.factsite.render.markdown.MarkdownTrees.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * Reading simple inline syntax ourselves changes nothing: our Markdown parsed with {@link
 * SimpleInlineParser} makes the same nodes, and renders the same HTML, as with commonmark's own
 * inline parser, on random documents of plain text, the syntax {@link SimpleInlines} reads, that
 * syntax a little wrong, and syntax it leaves to commonmark.
 */
class SimpleInlineParserTest {
  private static final String PLAIN = "abcXYZ019 \t.,;:?'\"()%+-/=#$@éü—’中";
  private static final String SPECIAL = "*_`\\&<>[]!{}~^|\u0000\u00a0";
  private static final String[] WORDS = {"word", "Two", "x9", "été", "a", "Z"};
  private static final String[] ADDRESSES = {
    "/posts/article-00042/", "../x.html#top", "https://example.org/a?b=c", "mailto:a@b.org", "x_y~z"
  };
  private static final String[] AFTER = {
    "", " ", ".", "!", "?", ",", ")", "a", "*", "_", "'", "  "
  };

  private static String words(Random r) {
    StringBuilder b = new StringBuilder(WORDS[r.nextInt(WORDS.length)]);
    for (int i = r.nextInt(3); i > 0; i--) {
      b.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
    }
    return b.toString();
  }

  /** A link's text: words, and sometimes emphasis, code or a near miss. */
  private static String linkText(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> "*" + words(r) + "* " + words(r);
      case 1 -> words(r) + " `" + words(r) + "`";
      case 2 -> "**" + words(r) + "**";
      case 3 -> piece(r);
      default -> words(r);
    };
  }

  private static String pick(Random r, String from) {
    return String.valueOf(from.charAt(r.nextInt(from.length())));
  }

  /** One piece of inline text: mostly what the simple reader reads, sometimes near misses. */
  private static String piece(Random r) {
    return switch (r.nextInt(14)) {
      case 0, 1, 2 -> words(r);
      case 3 -> "*" + words(r) + "*";
      case 4 -> "**" + words(r) + "**";
      case 5 -> "`" + (r.nextInt(4) == 0 ? " " + words(r) + " " : words(r)) + "`";
      case 6 -> "[" + linkText(r) + "](" + ADDRESSES[r.nextInt(ADDRESSES.length)] + ")";
      case 7 -> "!";
      case 8 -> pick(r, SPECIAL);
      case 9 -> pick(r, "*`[]!(\"") + piece(r) + pick(r, "*`[]()!\" ");
      case 10 -> "*".repeat(1 + r.nextInt(3)) + words(r) + "*".repeat(1 + r.nextInt(3));
      case 11 -> "[" + words(r) + "](" + words(r) + (r.nextBoolean() ? " \"t\")" : ")");
      case 12 -> "`" + pick(r, "`* []") + words(r) + pick(r, "` *][") + "`";
      default -> pick(r, PLAIN);
    };
  }

  private static String line(Random r) {
    StringBuilder b = new StringBuilder();
    for (int n = 1 + r.nextInt(6); n > 0; n--) {
      b.append(piece(r));
      b.append(AFTER[r.nextInt(AFTER.length)]);
    }
    return b.toString();
  }

  private static String lines(Random r) {
    StringBuilder b = new StringBuilder(line(r));
    for (int n = r.nextInt(3); n > 0; n--) {
      b.append(List.of("", " ", "  ", "   ", "\t", " \t").get(r.nextInt(6))).append('\n');
      b.append(r.nextInt(4) == 0 ? " " : "").append(line(r));
    }
    return b.toString();
  }

  private static String document(Random r) {
    StringBuilder md = new StringBuilder();
    int blocks = 1 + r.nextInt(5);
    for (int i = 0; i < blocks; i++) {
      switch (r.nextInt(6)) {
        case 0 -> md.append("#".repeat(1 + r.nextInt(3))).append(' ').append(line(r));
        case 1 -> {
          md.append("| ").append(line(r)).append(" | ").append(line(r)).append(" |\n");
          md.append("|---|--:|\n");
          for (int row = r.nextInt(4); row > 0; row--) {
            md.append("| ").append(line(r)).append(" | ").append(line(r)).append(" |\n");
          }
        }
        case 2 -> md.append("> ").append(lines(r));
        case 3 -> md.append("- ").append(lines(r)).append("\n- ").append(line(r));
        default -> md.append(lines(r));
      }
      md.append(r.nextInt(5) == 0 ? "  \n\n" : "\n\n");
    }
    if (r.nextInt(10) == 0) {
      md.append("[word]: /defined\n[^1]: a note\n");
    }
    return md.toString();
  }

  @Test
  void simpleSyntaxReadsAsCommonmarksOwnInlineParserReadsIt() {
    Parser ours =
        MarkdownRenderer.builder(IncludeSourceSpans.NONE)
            .inlineParserFactory(SimpleInlineParser::new)
            .build();
    Parser theirs = MarkdownRenderer.builder(IncludeSourceSpans.NONE).build();
    int[] read = {0, 0};
    Parser counting =
        MarkdownRenderer.builder(IncludeSourceSpans.NONE)
            .inlineParserFactory(
                context -> {
                  SimpleInlines simple = new SimpleInlines(List.of('{'), true);
                  InlineParser full = new InlineParserImpl(context);
                  return (lines, block) -> {
                    boolean simply = simple.read(lines.getLines(), block);
                    read[simply ? 0 : 1]++;
                    if (!simply) {
                      full.parse(lines, block);
                    }
                  };
                })
            .build();
    HtmlRenderer html = HtmlRenderer.builder().extensions(MarkdownRenderer.EXTENSIONS).build();
    Random r = new Random(11);
    int tables = 0;
    for (int i = 0; i < 20_000; i++) {
      String md = document(r);
      Node expected = theirs.parse(md);
      Node actual = ours.parse(md);
      String expectedHtml = html.render(expected);
      tables += expectedHtml.contains("<td") ? 1 : 0;
      assertEquals(tree(expected), tree(actual), () -> "for:\n" + md);
      assertEquals(expectedHtml, html.render(actual), () -> "for:\n" + md);
      counting.parse(md);
    }
    assertTrue(tables > 2_000, "the random documents should hold tables: " + tables);
    assertTrue(
        read[0] > 10_000 && read[1] > 10_000,
        "both parsers should read many blocks: simple " + read[0] + ", commonmark " + read[1]);
  }

  private static Node read(SimpleInlines simple, String... lines) {
    Paragraph block = new Paragraph();
    List<SourceLine> ls = java.util.Arrays.stream(lines).map(l -> SourceLine.of(l, null)).toList();
    return simple.read(ls, block) ? block : null;
  }

  @Test
  void readsProseAndLeavesTheRestToCommonmark() {
    SimpleInlines simple = new SimpleInlines(List.of('{'), true);
    Consumer<String> reads = s -> assertTrue(read(simple, s) != null, s);
    Consumer<String> leaves = s -> assertEquals(null, read(simple, s), s);
    reads.accept("Plain words, with (brackets) and 10% off: yes? Yes!");
    reads.accept("*one* and **two** and `three` and [four](/posts/four/).");
    reads.accept("- *lemon* chart");
    reads.accept("[*mostly* `thread`](/posts/article-00163/) (*quiet*) \"**improve**\"!");
    leaves.accept("snake_case");
    leaves.accept("a*b*");
    leaves.accept("*a *");
    leaves.accept("***a***");
    leaves.accept("![image](/a.png)");
    leaves.accept("[ref]");
    leaves.accept("[a [b](/c)](/d)");
    leaves.accept("[text](/a \"title\")");
    leaves.accept("``two``");
    leaves.accept("{{chart a}}");
    leaves.accept("a &amp; b");
    assertEquals(
        "Paragraph spans=0\n  Text spans=0 [a]\n  HardLineBreak spans=0\n  Text spans=0 [b]\n"
            + "  SoftLineBreak spans=0\n  Text spans=0 [c]\n",
        tree(read(simple, "a  ", "b ", "c \t")));
  }

  @Test
  void extensionsThatClaimItsSyntaxLeaveItPlainTextOnly() {
    SimpleInlines starsTaken = new SimpleInlines(List.of('*'), true);
    assertEquals(null, read(starsTaken, "*a*"));
    assertEquals(null, read(starsTaken, "`a`"));
    assertTrue(read(starsTaken, "plain words") != null);
    assertEquals(null, read(new SimpleInlines(List.of(), false), "[a](/b)"));
    assertFalse(read(new SimpleInlines(List.of('é'), true), "été") != null);
  }
}
