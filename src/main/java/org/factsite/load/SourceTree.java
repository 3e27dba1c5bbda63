package org.factsite.load;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.TreeMap;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;

/**
 * Reads a site folder's inputs: {@code site.yaml} and everything under {@code content/}, {@code
 * data/} and {@code templates/}. Hidden files and editor backups are skipped. A symbolic link is
 * followed only when it stays inside the site folder; one that points outside is an error.
 */
public final class SourceTree {
  public static final String[] INPUT_DIRS = {"content", "data", "templates"};
  public static final String CONFIG = "site.yaml";

  /** Largest single input file, in bytes. */
  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private SourceTree() {}

  public static Inputs read(Path root, Diagnostics diagnostics) throws IOException {
    Path realRoot = root.toRealPath();
    TreeMap<String, byte[]> files = new TreeMap<>();
    Path config = root.resolve(CONFIG);
    if (Files.exists(config, LinkOption.NOFOLLOW_LINKS)) {
      readFile(realRoot, config, CONFIG, files, diagnostics);
    }
    for (String dir : INPUT_DIRS) {
      readPath(root, dir, files, diagnostics);
    }
    return new Inputs(files);
  }

  /**
   * Reads one input path into {@code files}: a file, or every file under a folder, by the same
   * rules as {@link #read}. A path that does not exist, or is ignored, adds nothing. The preview
   * server uses this to re-read only what changed.
   */
  public static void readPath(
      Path root, String rel, java.util.Map<String, byte[]> files, Diagnostics diagnostics)
      throws IOException {
    Path realRoot = root.toRealPath();
    Path start = root.resolve(rel);
    if (!isInput(rel) || !Files.exists(start)) {
      return;
    }
    if (!Files.isDirectory(start)) {
      if (rel.contains("/") || rel.equals(CONFIG)) {
        readFile(realRoot, start, rel, files, diagnostics);
      }
      return;
    }
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            if (!d.equals(start) && isIgnored(d)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (Files.isSymbolicLink(d) && !d.toRealPath().startsWith(realRoot)) {
              diagnostics.error(
                  new SourcePos(relative(root, d), 1, 1),
                  "symbolic link points outside the site folder",
                  "copy the files into the site instead of linking to them");
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            if (!isIgnored(f)) {
              readFile(realRoot, f, relative(root, f), files, diagnostics);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * True when {@code rel} (site-relative, forward slashes) is {@code site.yaml} or lies in an input
   * folder, with no hidden or backup name on the way.
   */
  public static boolean isInput(String rel) {
    String[] parts = rel.split("/");
    for (String part : parts) {
      if (part.isEmpty() || isIgnored(Path.of(part))) {
        return false;
      }
    }
    return rel.equals(CONFIG) || java.util.Arrays.asList(INPUT_DIRS).contains(parts[0]);
  }

  private static void readFile(
      Path realRoot,
      Path f,
      String rel,
      java.util.Map<String, byte[]> files,
      Diagnostics diagnostics)
      throws IOException {
    Path real = f.toRealPath();
    if (!real.startsWith(realRoot)) {
      diagnostics.error(
          new SourcePos(rel, 1, 1),
          "symbolic link points outside the site folder",
          "copy the file into the site instead of linking to it");
      return;
    }
    if (!Files.isRegularFile(real)) {
      return;
    }
    if (Files.size(real) > MAX_FILE_BYTES) {
      diagnostics.error(
          new SourcePos(rel, 1, 1),
          "file is too large ("
              + Files.size(real)
              + " bytes; the limit is "
              + MAX_FILE_BYTES
              + ")");
      return;
    }
    files.put(rel, Files.readAllBytes(real));
  }

  static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /** Hidden files, editor backups and swap files are not inputs. */
  public static boolean isIgnored(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".")
        || name.endsWith("~")
        || name.endsWith(".swp")
        || name.endsWith(".tmp")
        || name.startsWith("#");
  }
}
