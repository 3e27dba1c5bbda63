package org.factsite.load;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;

/**
 * Reads a site folder's inputs: {@code site.yaml} and everything under {@code content/}, {@code
 * data/} and {@code templates/}. Hidden files and editor backups are skipped. A symbolic link is
 * followed only when it stays inside the site folder; one that points outside is an error.
 *
 * <p>Folders are walked first, without following links, and the files found are then read on all
 * cores. A plain file met by that walk lies inside the site as long as the folder the walk started
 * from does, so only links (and the start folder) need their real path looked up: one lookup per
 * file cost several {@code readlink} calls each and was the largest part of reading a big site.
 */
public final class SourceTree {
  public static final String[] INPUT_DIRS = {"content", "data", "templates"};
  public static final String CONFIG = "site.yaml";

  /** Largest single input file, in bytes. */
  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  /** Fewer files than this are read on the calling thread; handing them out costs more. */
  private static final int PARALLEL_FROM = 64;

  /**
   * A file found by the walk. {@code plain} holds its attributes when it is a regular file known to
   * lie inside the site; null when its real path must be checked first (links, and anything met
   * below a start folder that is not itself inside the site).
   */
  private record Found(String rel, Path path, BasicFileAttributes plain) {}

  /** What reading one file gave: its bytes, or a problem, or neither (not a regular file). */
  private record Read(String rel, byte[] bytes, Diagnostic problem) {}

  private SourceTree() {}

  public static Inputs read(Path root, Diagnostics diagnostics) throws IOException {
    Path realRoot = root.toRealPath();
    List<Found> found = new ArrayList<>();
    Path config = root.resolve(CONFIG);
    if (Files.exists(config, LinkOption.NOFOLLOW_LINKS)) {
      found.add(new Found(CONFIG, config, null));
    }
    for (String dir : INPUT_DIRS) {
      find(root, realRoot, dir, found, diagnostics);
    }
    TreeMap<String, byte[]> files = new TreeMap<>();
    readAll(realRoot, found, files, diagnostics);
    return new Inputs(files);
  }

  /**
   * Reads one input path into {@code files}: a file, or every file under a folder, by the same
   * rules as {@link #read}. A path that does not exist, or is ignored, adds nothing. The preview
   * server uses this to re-read only what changed.
   */
  public static void readPath(
      Path root, String rel, Map<String, byte[]> files, Diagnostics diagnostics)
      throws IOException {
    Path realRoot = root.toRealPath();
    List<Found> found = new ArrayList<>();
    find(root, realRoot, rel, found, diagnostics);
    readAll(realRoot, found, files, diagnostics);
  }

  /** Lists the files {@link #readPath} would read, without reading them. */
  private static void find(
      Path root, Path realRoot, String rel, List<Found> found, Diagnostics diagnostics)
      throws IOException {
    Path start = root.resolve(rel);
    if (!isInput(rel) || !Files.exists(start)) {
      return;
    }
    if (!Files.isDirectory(start)) {
      if (rel.contains("/") || rel.equals(CONFIG)) {
        found.add(new Found(rel, start, null));
      }
      return;
    }
    // The walk below does not follow links, so a regular file it meets lies under the start
    // folder's real path; when that is inside the site, so is the file.
    boolean startInside = start.toRealPath().startsWith(realRoot);
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
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
            if (!isIgnored(f)) {
              boolean plain = startInside && attrs.isRegularFile() && !attrs.isSymbolicLink();
              found.add(new Found(relative(root, f), f, plain ? attrs : null));
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Reads every found file, on all cores when there are many; results go in in walk order. */
  private static void readAll(
      Path realRoot, List<Found> found, Map<String, byte[]> files, Diagnostics diagnostics)
      throws IOException {
    ReadChecked read = new ReadChecked(realRoot);
    List<Read> reads;
    try {
      if (found.size() < PARALLEL_FROM) {
        reads = new ArrayList<>(found.size());
        for (Found f : found) {
          reads.add(read.apply(f));
        }
      } else {
        reads = found.parallelStream().map(read).toList();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Read r : reads) {
      if (r.problem() != null) {
        diagnostics.add(r.problem());
      } else if (r.bytes() != null) {
        files.put(r.rel(), r.bytes());
      }
    }
  }

  /** Reads one found file; a failure is thrown unchecked, for the parallel stream to pass on. */
  private static final class ReadChecked implements Function<Found, Read> {
    private final Path realRoot;

    ReadChecked(Path realRoot) {
      this.realRoot = realRoot;
    }

    @Override
    public Read apply(Found f) {
      try {
        return f.plain() != null
            ? readPlain(f.rel(), f.path(), f.plain())
            : readLinked(realRoot, f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A file whose real path is not known to be inside the site: look it up first. */
  private static Read readLinked(Path realRoot, Found f) throws IOException {
    Path real = f.path().toRealPath();
    if (!real.startsWith(realRoot)) {
      return new Read(
          f.rel(),
          null,
          Diagnostic.error(
                  new SourcePos(f.rel(), 1, 1), "symbolic link points outside the site folder")
              .withHint("copy the file into the site instead of linking to it"));
    }
    if (!Files.isRegularFile(real)) {
      return new Read(f.rel(), null, null);
    }
    return readPlain(f.rel(), real, Files.readAttributes(real, BasicFileAttributes.class));
  }

  private static Read readPlain(String rel, Path file, BasicFileAttributes attrs)
      throws IOException {
    if (attrs.size() > MAX_FILE_BYTES) {
      return new Read(
          rel,
          null,
          Diagnostic.error(
              new SourcePos(rel, 1, 1),
              "file is too large ("
                  + attrs.size()
                  + " bytes; the limit is "
                  + MAX_FILE_BYTES
                  + ")"));
    }
    return new Read(rel, bytes(file), null);
  }

  /**
   * A file's bytes, read through a {@link FileInputStream} rather than {@code Files.readAllBytes}:
   * the stream's classes come with the JVM's start, and a cold JVM read a thousand articles in
   * 11-15 ms that way against 17-24 ms through NIO's channel (a channel, its stream wrapper and a
   * temporary direct buffer for every file). The stream reads a file that grew since it was opened
   * to its end too.
   */
  private static byte[] bytes(Path file) throws IOException {
    try (FileInputStream in = new FileInputStream(file.toFile())) {
      return in.readAllBytes();
    }
  }

  static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
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
