package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.factsite.diag.Diagnostics;
import org.factsite.load.SourceTree;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The campaign's copy is written in its own words: no run of nine words from the source documents
 * appears on any page, except inside a marked quotation ({@code <blockquote>}).
 */
class OwnWordsTest {
  private static final Path SEEDS = Path.of("..", "shared", "seeds");
  private static final Pattern WORD = Pattern.compile("[a-z0-9']+");

  @Test
  void noNineWordRunOfTheSourcesAppearsOutsideQuotations() throws Exception {
    assumeTrue(Files.isDirectory(SEEDS), "source documents not beside the project");
    Set<String> grams = new HashSet<>();
    try (Stream<Path> s = Files.list(SEEDS)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        grams.addAll(nineGrams(Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    assertTrue(grams.size() > 100, "expected to read the source documents");
    Diagnostics d = new Diagnostics();
    BuildResult r = new SiteBuilder().build(SourceTree.read(Path.of("."), d), BuildOptions.DEFAULT);
    assertTrue(r.ok(), r.diagnostics().toString());
    List<String> copied = new ArrayList<>();
    r.files()
        .forEach(
            (path, bytes) -> {
              if (!path.endsWith(".html") && !path.endsWith(".csv") && !path.endsWith(".json")) {
                return;
              }
              String text = new String(bytes, StandardCharsets.UTF_8);
              if (path.endsWith(".html")) {
                Document doc = Jsoup.parse(text);
                doc.select("blockquote").remove();
                text = doc.text();
              }
              for (String g : nineGrams(text)) {
                if (grams.contains(g)) {
                  copied.add(path + ": \"" + g + "\"");
                }
              }
            });
    assertTrue(copied.isEmpty(), "copied from the sources:\n" + String.join("\n", copied));
  }

  static List<String> nineGrams(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(t);
    while (m.find()) {
      words.add(m.group());
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 9 <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + 9)));
    }
    return out;
  }
}
