package org.factsite.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.factsite.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * Reading simple YAML ourselves changes nothing: whatever {@link SimpleYaml} reads, Jackson reads
 * as the same nodes at the same positions, on random documents of the simple form, near misses and
 * YAML it leaves to Jackson.
 */
class SimpleYamlTest {
  private static final String[] KEYS = {
    "title", "date", "tags", "slug", "on", "No", "_x", "a-b", "summary", "figure", "x1"
  };
  private static final String[] SCALARS = {
    "\"A quoted title: with colon\"",
    "'single quoted'",
    "\"\"",
    "\"été ☂\"",
    "Plain words here",
    "word",
    "git",
    "2020-04-01",
    "4096",
    "0",
    "Yes please",
    "on hold",
    "a, b",
    "(x) y/z",
    "x.y_z-1",
    "'#1, [a]'"
  };
  private static final String[] ODD = {
    "1990-1-3",
    "007",
    "-3",
    "+4",
    "1.5",
    "1e3",
    "0x1F",
    "yes",
    "No",
    "TRUE",
    "off",
    "null",
    "~",
    "y",
    "a: b",
    "a #b",
    "\"a\\\"b\"",
    "'it''s'",
    "\"unclosed",
    "&anchor x",
    "*alias",
    "!!str x",
    "|",
    ">",
    "-",
    "? x",
    "a  b",
    "12:30",
    "\"tab\there\"",
    "%x",
    "@x",
    "`x`",
    "[a]",
    "{a: b}"
  };

  private static String scalar(Random r) {
    return r.nextInt(8) == 0 ? ODD[r.nextInt(ODD.length)] : SCALARS[r.nextInt(SCALARS.length)];
  }

  private static String value(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> {
        List<String> items = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          items.add(scalar(r));
        }
        yield "["
            + String.join(r.nextBoolean() ? ", " : ",", items)
            + (r.nextBoolean() ? "]" : " ]");
      }
      case 1 -> r.nextInt(4) == 0 ? "" : scalar(r);
      default -> scalar(r);
    };
  }

  private static String document(Random r) {
    StringBuilder b = new StringBuilder();
    for (int n = 1 + r.nextInt(6); n > 0; n--) {
      switch (r.nextInt(40)) {
        case 0 -> b.append("# a comment\n");
        case 1 -> b.append('\n');
        case 2 -> b.append("  nested: x\n");
        case 3 -> b.append("- item\n");
        default -> {
          b.append(KEYS[r.nextInt(KEYS.length)]).append(r.nextInt(30) == 0 ? ":" : ": ");
          b.append(r.nextInt(6) == 0 ? "  " : "").append(value(r));
          b.append(
              r.nextInt(20) == 0
                  ? " # note"
                  : r.nextInt(20) == 0 ? "\t" : r.nextInt(5) == 0 ? " " : "");
          b.append('\n');
        }
      }
    }
    return b.toString();
  }

  @Test
  void whatItReadsJacksonReadsAlike() {
    YamlReader reader = new YamlReader();
    Random r = new Random(7);
    int simple = 0;
    int jackson = 0;
    for (int i = 0; i < 20_000; i++) {
      String doc = document(r);
      YamlNode ours = SimpleYaml.read("f.md", doc, 1);
      if (ours == null) {
        jackson++;
        continue;
      }
      simple++;
      Diagnostics d = new Diagnostics();
      Optional<YamlNode> theirs = reader.readWithJackson("f.md", doc, 1, doc, d);
      assertEquals(List.of(), d.all(), () -> "Jackson refused what we read:\n" + doc);
      assertEquals(theirs.orElseThrow(), ours, () -> "for:\n" + doc);
      assertEquals(keys(theirs.get()), keys(ours), () -> "key order for:\n" + doc);
    }
    assertTrue(simple > 1_000 && jackson > 1_000, "simple " + simple + ", jackson " + jackson);
  }

  private static List<String> keys(YamlNode node) {
    return List.copyOf(((YamlNode.Mapping) node).entries().keySet());
  }

  @Test
  void readsFrontMatterAndLeavesTheRestToJackson() {
    String front =
        "title: \"Column Steady: Valley\"\n"
            + "date: 1990-01-03\n"
            + "summary: \"Paragraph rarely split.\"\n"
            + "tags: [\"git\", \"java\"]\n"
            + "slug: article-00002\n";
    YamlNode node = SimpleYaml.read("a.md", front, 1);
    assertNotNull(node);
    assertEquals(
        new YamlReader().readWithJackson("a.md", front, 1, front, new Diagnostics()).get(), node);
    assertNull(SimpleYaml.read("a.md", "title: x\ntitle: y\n", 1), "a key twice");
    assertNull(SimpleYaml.read("a.md", "draft: yes\n", 1), "a word YAML reads as true");
    assertNull(SimpleYaml.read("a.md", "figures:\n  a: 1\n", 1), "nesting");
    assertNull(SimpleYaml.read("a.md", "a: \"x\\ty\"\n", 1), "an escape");
    assertNull(SimpleYaml.read("a.md", "a: 1.5\n", 1), "a decimal");
    assertNull(SimpleYaml.read("a.md", "", 1), "nothing");
  }
}
