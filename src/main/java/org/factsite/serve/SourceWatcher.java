package org.factsite.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.factsite.load.SourceTree;

/**
 * Watches a site folder's inputs ({@code site.yaml}, {@code content/}, {@code data/}, {@code
 * templates/} and everything below them) and hands over batches of changed site-relative paths. An
 * editor's save is several events (write, rename, attribute change), so events are gathered until
 * {@link #QUIET_MS} pass without a new one, and the batch is delivered once.
 *
 * <p>The JDK watch service is not recursive on Linux, so every folder is registered, and new
 * folders as they appear. Under inotify a renamed folder keeps its watch key, so the key's own path
 * goes stale; this class keeps its own key-to-path map and updates it when the folder is registered
 * again under its new name.
 */
public final class SourceWatcher implements AutoCloseable {
  /** Quiet time that ends a burst of events. */
  public static final long QUIET_MS = 20;

  /** Receives each batch; {@code everything} means events were lost and all must be re-read. */
  public interface Listener {
    void changed(Set<String> paths, boolean everything);
  }

  private final Path root;
  private final WatchService service;
  private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  private SourceWatcher(Path root, Listener listener) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.service = FileSystems.getDefault().newWatchService();
    register(this.root);
    for (String d : SourceTree.INPUT_DIRS) {
      registerTree(this.root.resolve(d));
    }
    thread = new Thread(() -> loop(listener), "factsite-watcher");
    thread.setDaemon(true);
  }

  /** Starts watching {@code root}; events flow to {@code listener} on the watcher's thread. */
  public static SourceWatcher start(Path root, Listener listener) throws IOException {
    SourceWatcher w = new SourceWatcher(root, listener);
    w.thread.start();
    return w;
  }

  private void loop(Listener listener) {
    try {
      while (!closed) {
        Set<String> batch = new TreeSet<>();
        boolean[] overflow = {false};
        drain(service.take(), batch, overflow);
        WatchKey next;
        while ((next = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
          drain(next, batch, overflow);
        }
        if (!batch.isEmpty() || overflow[0]) {
          listener.changed(batch, overflow[0]);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Stopping: nothing left to do.
    }
  }

  private void drain(WatchKey key, Set<String> batch, boolean[] overflow) {
    Path dir = dirs.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || dir == null) {
        overflow[0] = true;
        continue;
      }
      Path changed = dir.resolve((Path) event.context());
      String rel = root.relativize(changed).toString().replace('\\', '/');
      if (!SourceTree.isInput(rel)) {
        continue;
      }
      batch.add(rel);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
        registerTree(changed);
      }
    }
    if (!key.reset()) {
      dirs.remove(key);
    }
  }

  private void registerTree(Path start) {
    if (!Files.isDirectory(start)) {
      return;
    }
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
                throws IOException {
              if (!d.equals(start) && SourceTree.isIgnored(d)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              register(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // The folder vanished while being registered; its delete event follows.
    }
  }

  private void register(Path d) throws IOException {
    dirs.put(d.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), d);
  }

  @Override
  public void close() {
    closed = true;
    try {
      service.close();
    } catch (IOException e) {
      // Closing anyway.
    }
    thread.interrupt();
  }
}
