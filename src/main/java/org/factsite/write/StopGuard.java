package org.factsite.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a commit safe when the process is stopped (Ctrl-C, a kill) at any moment. Shutdown hooks
 * run while the main thread is still working, so the hook and the swap's renames take one lock: the
 * hook either finds the previous site in place, or puts it back, or finds the new one whole; and
 * once stopping has begun the swap refuses to start. The staging folder is then removed.
 */
final class StopGuard implements AutoCloseable {
  /** The renames of a swap, run under the guard's lock. */
  interface Renames {
    void run() throws IOException;
  }

  private final Object lock = new Object();
  private final Path output;
  private final Path staging;
  private final Thread hook;
  private volatile boolean stopping;
  private Path aside; // guarded by lock: where the previous site was moved for the swap

  StopGuard(Path output, Path staging) {
    this.output = output;
    this.staging = staging;
    this.hook = new Thread(this::onStop, "factsite-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** True once the process is stopping: writers give up early. */
  boolean stopping() {
    return stopping;
  }

  /** Runs the swap's renames, with {@code old} the place the previous site is moved aside to. */
  void swap(Path old, Renames renames) throws IOException {
    synchronized (lock) {
      if (stopping) {
        throw new IOException("stopped before the new site was put in place");
      }
      aside = old;
      renames.run();
    }
  }

  private void onStop() {
    synchronized (lock) {
      stopping = true;
      if (aside != null && Files.exists(aside)) {
        if (Files.exists(output)) {
          deleteUntilGone(aside); // the new site is in place: finish removing the old one
        } else {
          try {
            SiteWriter.move(aside, output);
          } catch (IOException ignored) {
            // Nothing more can be done while the JVM stops; the old site is still at `aside`.
          }
        }
      }
    }
    deleteUntilGone(staging);
  }

  /** Deletes a folder that writer threads may still be adding their last file to. */
  private static void deleteUntilGone(Path dir) {
    for (int attempt = 0; attempt < 50 && Files.exists(dir); attempt++) {
      SiteWriter.deleteQuietly(dir);
      if (Files.exists(dir)) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
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
