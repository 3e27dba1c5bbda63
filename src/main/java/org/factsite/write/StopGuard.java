package org.factsite.write;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps a commit safe when the process is stopped (Ctrl-C, a kill) at any moment. Shutdown hooks
 * run while the commit's threads are still working, so every piece of work that touches the disk
 * (creating the staging folder, writing a file, the swap's renames) runs under a shared lock and
 * only while the process is not stopping, and the hook takes the lock exclusively to say that it
 * is. Once the hook holds the lock no work is in flight and none can start: it puts the previous
 * site back if the swap had moved it aside, or finishes removing it if the new site is in place,
 * and removes the staging folder, which nothing can re-create any more.
 */
final class StopGuard implements AutoCloseable {
  /** Work on the disk, run under the guard. */
  interface Work {
    void run() throws IOException;
  }

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Path output;
  private final Thread hook;
  private volatile boolean stopping;
  private volatile Path staging;
  private volatile Path aside; // where the previous site was moved for the swap

  StopGuard(Path output) {
    this.output = output;
    this.hook =
        new Thread(
            new Runnable() {
              @Override
              public void run() {
                onStop();
              }
            },
            "factsite-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Creates the staging folder in {@code parent}; the hook removes it if the process stops. */
  Path createStaging(Path parent, String prefix) throws IOException {
    work(
        new Work() {
          @Override
          public void run() throws IOException {
            staging = newFolder(parent, prefix);
          }
        });
    return staging;
  }

  /**
   * A new folder in {@code parent} named {@code prefix} and a number, readable by this user only on
   * POSIX systems: what {@code Files.createTempDirectory} makes, without seeding a secure random
   * generator for the name first (about 12 ms of a ten-article build in round 17's profile). The
   * number is the clock's; a name that is taken is tried again with another.
   */
  private static Path newFolder(Path parent, String prefix) throws IOException {
    FileAttribute<?>[] privately =
        parent.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
            }
            : new FileAttribute<?>[0];
    for (int tries = 0; ; tries++) {
      Path folder = parent.resolve(prefix + Long.toUnsignedString(System.nanoTime(), 36));
      try {
        return Files.createDirectory(folder, privately);
      } catch (FileAlreadyExistsException e) {
        if (tries >= 100) {
          throw e;
        }
      }
    }
  }

  /** Runs {@code work} unless the process is stopping, in which case it fails. */
  void work(Work work) throws IOException {
    lock.readLock().lock();
    try {
      if (stopping) {
        throw new IOException("stopped before the new site was put in place");
      }
      work.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs the swap's renames, with {@code old} the place the previous site is moved aside to. */
  void swap(Path old, Work renames) throws IOException {
    work(
        new Work() {
          @Override
          public void run() throws IOException {
            aside = old;
            renames.run();
          }
        });
  }

  private void onStop() {
    lock.writeLock().lock();
    try {
      stopping = true;
    } finally {
      lock.writeLock().unlock();
    }
    Path old = aside;
    if (old != null && Files.exists(old)) {
      if (Files.exists(output)) {
        deleteUntilGone(old); // the new site is in place: finish removing the old one
      } else {
        try {
          SiteWriter.move(old, output);
        } catch (IOException ignored) {
          // Nothing more can be done while the JVM stops; the old site is still at `old`.
        }
      }
    }
    if (staging != null) {
      deleteUntilGone(staging);
    }
  }

  /** The commit's own thread may be deleting the same folder; keep on until it is gone. */
  private static void deleteUntilGone(Path dir) {
    for (int attempt = 0; Files.exists(dir) && attempt < 50; attempt++) {
      SiteWriter.deleteQuietly(dir);
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException ignored) {
      // Already shutting down: the hook runs and cleans up.
    }
  }
}
