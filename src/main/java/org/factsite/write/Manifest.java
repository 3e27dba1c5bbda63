package org.factsite.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The list of files the tool wrote into an output folder, kept inside it. Only these are ever
 * replaced or removed; anything else in the folder (CNAME, .git, files someone added) is kept.
 */
final class Manifest {
  static final String NAME = ".factsite-manifest";

  /** Files that survive every rebuild even when the tool once wrote them. */
  static final Set<String> KEEP = Set.of("CNAME", ".git", ".nojekyll", NAME);

  private Manifest() {}

  static Set<String> read(Path dir) throws IOException {
    Path f = dir.resolve(NAME);
    Set<String> out = new TreeSet<>();
    if (Files.isRegularFile(f)) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(line.strip());
        }
      }
    }
    return out;
  }

  static byte[] render(Set<String> paths) {
    StringBuilder b = new StringBuilder();
    for (String p : new TreeSet<>(paths)) {
      b.append(p).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
