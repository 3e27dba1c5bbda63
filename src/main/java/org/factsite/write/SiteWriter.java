package org.factsite.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Commits a finished build to disk so that it either all lands or nothing changes: files are
 * written into a staging folder beside the output ({@link StagedSite}), files the tool does not own
 * are carried over, and the staging folder is swapped in with renames. If anything fails, the
 * staging folder is removed and the previous output stays exactly as it was.
 */
public final class SiteWriter {
  private SiteWriter() {}

  /**
   * Writes {@code files}, all made already, as the new contents of {@code output}. (The build
   * command instead writes each page into a {@link StagedSite} as it is made.)
   */
  public static void commit(Path siteRoot, Path output, Map<String, byte[]> files)
      throws OutputRefusedException, IOException {
    try (StagedSite staged = StagedSite.open(siteRoot, output)) {
      files.forEach(staged::write);
      staged.commit(files.keySet());
    }
  }

  static void swap(Path output, Path staging, Path parent, String name, StopGuard guard)
      throws IOException {
    if (!Files.exists(output)) {
      guard.swap(
          null,
          new StopGuard.Work() {
            @Override
            public void run() throws IOException {
              move(staging, output);
            }
          });
      return;
    }
    Set<String> owned = Manifest.read(output);
    // Carry over everything the tool did not write (CNAME, .git, a file someone added).
    List<Path> carried = new ArrayList<>();
    try (Stream<Path> entries = Files.walk(output)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        if (p.equals(output) || Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        String rel = output.relativize(p).toString().replace('\\', '/');
        String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
        boolean keep =
            Manifest.KEEP.contains(top) && !top.equals(Manifest.NAME) && !top.equals(".nojekyll");
        if (!owned.contains(rel) && !rel.equals(Manifest.NAME) || keep) {
          Path dest = staging.resolve(rel);
          if (keep || !Files.exists(dest)) {
            carried.add(p);
          }
        }
      }
    }
    for (Path p : carried) {
      Path dest = staging.resolve(output.relativize(p));
      guard.work(
          new StopGuard.Work() {
            @Override
            public void run() throws IOException {
              Files.createDirectories(dest.getParent());
              Files.copy(
                  p,
                  dest,
                  StandardCopyOption.REPLACE_EXISTING,
                  StandardCopyOption.COPY_ATTRIBUTES,
                  java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
          });
    }
    // A fresh name, not a folder: nothing to leave behind if the process stops here.
    Path old =
        parent.resolve(
            "." + name + ".old-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
    guard.swap(
        old,
        new StopGuard.Work() {
          @Override
          public void run() throws IOException {
            move(output, old);
            try {
              move(staging, output);
            } catch (IOException e) {
              move(old, output);
              throw e;
            }
          }
        });
    deleteQuietly(old);
  }

  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static void deleteQuietly(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      // Tolerates another thread deleting the same tree (the stop hook and a failing commit
      // both clean up): a file already gone is skipped, not a reason to stop.
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) {
              try {
                Files.deleteIfExists(d);
              } catch (IOException notEmptyYet) {
                // Another deleter is still emptying it; whoever finishes last removes it.
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException | UncheckedIOException ignored) {
      // Best effort: a leftover staging folder is harmless and named as such.
    }
  }
}
