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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.factsite.model.OutputPath;

/**
 * Commits a finished build to disk so that it either all lands or nothing changes: files are
 * written into a staging folder beside the output, files the tool does not own are carried over,
 * and the staging folder is swapped in with renames. If anything fails, the staging folder is
 * removed and the previous output stays exactly as it was.
 */
public final class SiteWriter {
  /** Threads writing files; more than the cores, since writes mostly wait on the disk. */
  private static final int WRITERS = 4;

  private SiteWriter() {}

  /** Writes {@code files} as the new contents of {@code output}. */
  public static void commit(Path siteRoot, Path output, Map<String, byte[]> files)
      throws OutputRefusedException, IOException {
    OutputGuard.check(siteRoot, output);
    Path parent = output.toAbsolutePath().normalize().getParent();
    String name = output.getFileName().toString();
    Files.createDirectories(parent);
    // Ctrl-C at any moment leaves a whole site, the previous one or the new one.
    try (StopGuard guard = new StopGuard(output)) {
      Path staging = guard.createStaging(parent, "." + name + ".staging-");
      try {
        writeAll(staging, files, guard);
        guard.work(
            () -> Files.write(staging.resolve(Manifest.NAME), Manifest.render(files.keySet())));
        swap(output, staging, parent, name, guard);
      } catch (IOException | RuntimeException e) {
        deleteQuietly(staging);
        throw e;
      }
    }
  }

  /**
   * Writes every file, with its folder, into {@code staging}, from several threads: each folder and
   * file create waits in the file system far longer than it uses the CPU (10,000 pages took 4 to 8
   * seconds one at a time on a busy disk). Concurrent creation of a shared parent folder is safe:
   * {@link Files#createDirectories} accepts a folder that appeared meanwhile.
   */
  private static void writeAll(Path staging, Map<String, byte[]> files, StopGuard guard)
      throws IOException {
    List<Map.Entry<Path, byte[]>> work = new ArrayList<>(files.size());
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path target = staging.resolve(new OutputPath(e.getKey()).value()).normalize();
      if (!target.startsWith(staging)) {
        throw new IOException("output path escapes the output folder: " + e.getKey());
      }
      work.add(Map.entry(target, e.getValue()));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            WRITERS,
            r -> {
              Thread t = new Thread(r, "factsite-writer");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> done = new ArrayList<>();
      int chunk = Math.max(1, (work.size() + WRITERS - 1) / WRITERS);
      for (int from = 0; from < work.size(); from += chunk) {
        List<Map.Entry<Path, byte[]>> slice =
            work.subList(from, Math.min(work.size(), from + chunk));
        done.add(
            pool.submit(
                () -> {
                  Path[] lastFolder = {null};
                  for (Map.Entry<Path, byte[]> e : slice) {
                    // Under the guard: once the process is stopping, nothing (not even a folder
                    // of the staging tree) is created again, so the hook's delete is final.
                    guard.work(
                        () -> {
                          Path folder = e.getKey().getParent();
                          if (!folder.equals(lastFolder[0])) {
                            Files.createDirectories(folder);
                            lastFolder[0] = folder;
                          }
                          Files.write(e.getKey(), e.getValue());
                        });
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the site", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("could not write the site: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void swap(Path output, Path staging, Path parent, String name, StopGuard guard)
      throws IOException {
    if (!Files.exists(output)) {
      guard.swap(null, () -> move(staging, output));
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
          () -> {
            Files.createDirectories(dest.getParent());
            Files.copy(
                p,
                dest,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
          });
    }
    // A fresh name, not a folder: nothing to leave behind if the process stops here.
    Path old =
        parent.resolve(
            "." + name + ".old-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()));
    guard.swap(
        old,
        () -> {
          move(output, old);
          try {
            move(staging, output);
          } catch (IOException e) {
            move(old, output);
            throw e;
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
