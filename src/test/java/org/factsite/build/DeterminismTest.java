package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inputs give byte-identical output, whatever the folder, time zone or run. */
class DeterminismTest {
  @Test
  void twoBuildsInDifferentFoldersAndTimeZonesAreIdentical(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("first/site-a");
    Path b = tmp.resolve("second/elsewhere/site-b");
    copyCampaign(a);
    copyCampaign(b);
    TimeZone original = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      assertEquals(0, TestSite.cli(a, "build", "--quiet").exitCode());
      TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
      assertEquals(0, TestSite.cli(b, "build", "--quiet").exitCode());
    } finally {
      TimeZone.setDefault(original);
    }
    Map<String, byte[]> one = tree(a.resolve("site"));
    Map<String, byte[]> two = tree(b.resolve("site"));
    assertEquals(one.keySet(), two.keySet());
    for (String k : one.keySet()) {
      assertEquals(
          new String(one.get(k), java.nio.charset.StandardCharsets.ISO_8859_1),
          new String(two.get(k), java.nio.charset.StandardCharsets.ISO_8859_1),
          k);
    }
  }

  static void copyCampaign(Path to) throws IOException {
    Files.createDirectories(to);
    Files.copy(Path.of("site.yaml"), to.resolve("site.yaml"));
    for (String dir : new String[] {"content", "data", "templates"}) {
      Path from = Path.of(dir);
      try (Stream<Path> s = Files.walk(from)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          Path target = to.resolve(p.toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target);
          }
        }
      }
    }
  }

  static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          out.put(root.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
    }
    return out;
  }
}
