package org.factsite.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link SourceTree} reads from a site folder: every input, in sorted order, links followed
 * only inside the site, and the same answer on the many-files path (read in parallel) as on the
 * few-files one.
 */
class SourceTreeTest {
  @TempDir Path dir;
  @TempDir Path elsewhere;

  private void write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static List<String> errors(Diagnostics d) {
    return d.all().stream().map(Diagnostic::headline).toList();
  }

  @Test
  void readsManyFilesInSortedOrderWithTheirBytes() throws IOException {
    write("site.yaml", "title: T\n");
    // Enough files for the parallel path, written in an order unlike the sorted one.
    for (int i = 499; i >= 0; i--) {
      write(String.format("content/posts/a-%03d.md", i), "article " + i + "\n");
    }
    write("data/figures.yaml", "statistics: []\n");
    write("templates/page.ftlh", "<p>${title}</p>\n");
    write("content/.hidden.md", "no\n");
    write("content/b.md~", "no\n");

    Diagnostics d = new Diagnostics();
    Inputs inputs = SourceTree.read(dir, d);

    assertEquals(List.of(), errors(d));
    List<String> paths = new ArrayList<>(inputs.all().keySet());
    assertEquals(503, paths.size());
    List<String> sorted = new ArrayList<>(paths);
    sorted.sort(null);
    assertEquals(sorted, paths);
    assertEquals("content/posts/a-000.md", paths.get(0));
    assertEquals("templates/page.ftlh", paths.get(paths.size() - 1));
    assertArrayEquals(
        "article 123\n".getBytes(StandardCharsets.UTF_8), inputs.bytes("content/posts/a-123.md"));
    assertFalse(inputs.has("content/.hidden.md"));
    assertFalse(inputs.has("content/b.md~"));
  }

  @Test
  void symlinksInsideTheSiteAreReadAsTheirTargets() throws IOException {
    write("site.yaml", "title: T\n");
    write("content/real.md", "the real one\n");
    write("content/shared/x.md", "in a linked folder\n");
    Files.createSymbolicLink(dir.resolve("content/alias.md"), dir.resolve("content/real.md"));
    Files.createSymbolicLink(dir.resolve("content/relative.md"), Path.of("real.md"));
    Files.createSymbolicLink(dir.resolve("content/linked"), dir.resolve("content/shared"));

    Diagnostics d = new Diagnostics();
    Inputs inputs = SourceTree.read(dir, d);

    assertEquals(List.of(), errors(d));
    assertEquals("the real one\n", new String(inputs.bytes("content/alias.md")));
    assertEquals("the real one\n", new String(inputs.bytes("content/relative.md")));
    assertEquals("in a linked folder\n", new String(inputs.bytes("content/shared/x.md")));
    // A linked folder is not walked into: its files are read once, where they really are.
    assertFalse(inputs.has("content/linked/x.md"));
  }

  @Test
  void linksOutOfTheSiteAreRefusedOnEveryPath() throws IOException {
    write("site.yaml", "title: T\n");
    for (int i = 0; i < 100; i++) {
      write("content/a-" + i + ".md", "ok\n");
    }
    Path secret = Files.writeString(elsewhere.resolve("secret.md"), "secret\n");
    Files.createSymbolicLink(dir.resolve("content/secret.md"), secret);
    Files.createDirectories(dir.resolve("data"));
    Files.createSymbolicLink(dir.resolve("data/figures.yaml"), secret);

    Diagnostics d = new Diagnostics();
    Inputs inputs = SourceTree.read(dir, d);

    assertEquals(
        List.of(
            "content/secret.md:1:1: symbolic link points outside the site folder",
            "data/figures.yaml:1:1: symbolic link points outside the site folder"),
        errors(d));
    assertFalse(inputs.has("content/secret.md"));
    assertFalse(inputs.has("data/figures.yaml"));
    assertTrue(inputs.has("content/a-99.md"));

    // The preview server's single-path re-read keeps the same rule.
    Diagnostics again = new Diagnostics();
    TreeMap<String, byte[]> files = new TreeMap<>();
    SourceTree.readPath(dir, "content/secret.md", files, again);
    assertEquals(
        List.of("content/secret.md:1:1: symbolic link points outside the site folder"),
        errors(again));
    assertTrue(files.isEmpty());
  }

  @Test
  void aFolderReachedThroughALinkOutOfTheSiteIsRefusedFileByFile() throws IOException {
    write("site.yaml", "title: T\n");
    Files.writeString(elsewhere.resolve("x.md"), "outside\n");
    Files.createDirectories(dir.resolve("content"));
    Files.createSymbolicLink(dir.resolve("content/linked"), elsewhere);

    Diagnostics d = new Diagnostics();
    TreeMap<String, byte[]> files = new TreeMap<>();
    // The preview server names the changed path itself, below the link.
    SourceTree.readPath(dir, "content/linked/x.md", files, d);

    assertEquals(
        List.of("content/linked/x.md:1:1: symbolic link points outside the site folder"),
        errors(d));
    assertTrue(files.isEmpty());
  }

  @Test
  void aTooLargeFileIsRefusedWithItsSize() throws IOException {
    write("site.yaml", "title: T\n");
    Path big = dir.resolve("content/big.md");
    Files.createDirectories(big.getParent());
    try (var ch =
        Files.newByteChannel(
            big,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.position(SourceTree.MAX_FILE_BYTES);
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}));
    }

    Diagnostics d = new Diagnostics();
    Inputs inputs = SourceTree.read(dir, d);

    assertEquals(
        List.of(
            "content/big.md:1:1: file is too large ("
                + (SourceTree.MAX_FILE_BYTES + 1)
                + " bytes; the limit is "
                + SourceTree.MAX_FILE_BYTES
                + ")"),
        errors(d));
    assertFalse(inputs.has("content/big.md"));
  }
}
