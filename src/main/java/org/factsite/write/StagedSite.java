package org.factsite.write;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.factsite.model.OutputPath;

/**
 * A new site being written into a staging folder beside the output while it is built, so the disk
 * work overlaps the rendering instead of waiting for it. Nothing the reader sees changes until
 * {@link #commit}, which carries over the files the tool does not own and swaps the staging folder
 * in; {@link #close} without a commit (a failed build, an error) removes the staging folder and
 * leaves the previous output exactly as it was. Ctrl-C at any moment leaves a whole site, the
 * previous one or the new one ({@link StopGuard}).
 *
 * <p>A file with the same bytes as the one the tool wrote there last time is linked from the
 * previous site rather than written again ({@link PreviousSite}).
 *
 * <p>{@link #write} may be called from many threads at once. A write that fails is remembered, the
 * writes after it are skipped, and {@link #commit} reports it.
 */
public final class StagedSite implements AutoCloseable {
  private final Path output;
  private final Path parent;
  private final String name;
  private final StopGuard guard;

  /** The staging folder beside the output; the new site is {@link #staging}, inside it. */
  private final Path wrapper;

  /** The new site's folder, named anew for every build, swapped in by {@link #commit}. */
  private final Path staging;

  private final PreviousSite previous;

  /**
   * The folders made so far, the new site's own first; only the folder thread uses it while writing
   * goes on, and the commit after that thread has finished.
   */
  private final Set<Path> folders = new HashSet<>();

  /**
   * From how many files on the site's folder is placed apart ({@link FolderSpread}): asking starts
   * a process, which a small site's build can feel (the campaign site on the disk took 0.560
   * against 0.590 s in one set of alternating runs, though not in another), while the freed inodes
   * a small site's creates pass over cost it little.
   */
  static final int SPREAD_FROM = 200;

  private volatile int expected;

  /** A file {@link #write} was given, not yet handed to the folder thread. */
  private record Queued(String sitePath, byte[] bytes) {}

  /**
   * How many files {@link #write} gathers before handing them to the folder thread together: each
   * hand-over wakes a thread that waits for work, and a wake per file (two, with the file thread)
   * cost a 1,000-page build in memory about 10 ms of its page threads' time.
   */
  static final int BATCH = 16;

  private final List<Queued> queued = new ArrayList<>(BATCH);

  private volatile IOException failure;

  /**
   * Two threads do the disk work, in the order the files arrive, while the build's threads go on
   * rendering: one makes the folders and hands each file on to the other, which creates and fills
   * it. Creating files and folders costs the kernel far more than the copy costs, most of all on a
   * file system without a journal shortly after a large delete (docs/performance.md, "The file
   * system"), so the two halves of that cost run side by side: 10,000 pages from scratch on such a
   * disk took 8.3 s at the median against 11.0 s with one thread doing both (5 alternating runs).
   * Not two that each make folders: the page folders all sit in one folder, and creates there queue
   * on its lock (and spin, using a core the rendering needs); each file is created in a folder of
   * its own. A second file thread gained nothing.
   */
  private final ExecutorService folderMaker = oneThread("factsite-folders");

  private final ExecutorService fileWriter = oneThread("factsite-writer");

  private boolean committed;

  private StagedSite(Path output, Path parent, String name, StopGuard guard, Path wrapper) {
    this.output = output;
    this.parent = parent;
    this.name = name;
    this.guard = guard;
    this.wrapper = wrapper;
    this.staging = wrapper.resolve("site-" + Long.toUnsignedString(System.nanoTime(), 36));
    this.previous = PreviousSite.at(output);
  }

  /**
   * Checks that {@code output} is a folder the tool may replace ({@link OutputGuard}) and creates
   * its staging folder.
   */
  public static StagedSite open(Path siteRoot, Path output)
      throws OutputRefusedException, IOException {
    OutputGuard.check(siteRoot, output);
    Path parent = output.toAbsolutePath().normalize().getParent();
    String name = output.getFileName().toString();
    Files.createDirectories(parent);
    StopGuard guard = new StopGuard(output);
    try {
      Path wrapper = guard.createStaging(parent, "." + name + ".staging-");
      return new StagedSite(output, parent, name, guard, wrapper);
    } catch (IOException | RuntimeException e) {
      guard.close();
      throw e;
    }
  }

  /**
   * Says how many files the build is about to write, roughly, before the first: a site of {@link
   * #SPREAD_FROM} or more is placed apart from what was deleted lately ({@link FolderSpread}).
   */
  public void expect(int files) {
    expected = files;
  }

  /**
   * Queues one file of the new site (a site path such as {@code posts/a/index.html}) for writing
   * and returns at once.
   */
  public void write(String sitePath, byte[] bytes) {
    if (failure == null) {
      synchronized (queued) {
        queued.add(new Queued(sitePath, bytes));
      }
      handOnQueued(BATCH);
    }
  }

  /** Hands the files queued so far to the folder thread, when there are at least {@code least}. */
  private void handOnQueued(int least) {
    List<Queued> batch;
    synchronized (queued) {
      if (queued.size() < least) {
        return;
      }
      batch = new ArrayList<>(queued);
      queued.clear();
    }
    folderMaker.execute(new MakeFolders(batch));
  }

  /**
   * A batch's turn on the folder thread: each file's path checked and its folder made, then the
   * files handed on to the file thread together.
   */
  private final class MakeFolders implements Runnable {
    private final List<Queued> files;

    MakeFolders(List<Queued> files) {
      this.files = files;
    }

    @Override
    public void run() {
      List<FileWrite> writes = new ArrayList<>(files.size());
      for (Queued f : files) {
        onDisk(f.sitePath(), new MakeFolder(f, writes));
      }
      fileWriter.execute(new WriteFiles(writes));
    }
  }

  /** One file's step on the folder thread: its folder made, its write added to the batch's. */
  private final class MakeFolder implements StopGuard.Work {
    private final Queued file;
    private final List<FileWrite> writes;

    MakeFolder(Queued file, List<FileWrite> writes) {
      this.file = file;
      this.writes = writes;
    }

    @Override
    public void run() throws IOException {
      writes.add(makeFolder(file.sitePath(), file.bytes()));
    }
  }

  /** A batch's turn on the file thread. */
  private final class WriteFiles implements Runnable {
    private final List<FileWrite> writes;

    WriteFiles(List<FileWrite> writes) {
      this.writes = writes;
    }

    @Override
    public void run() {
      for (FileWrite w : writes) {
        onDisk(w.sitePath, w);
      }
    }
  }

  /** One file's step on the file thread, once its folder is made. */
  private final class FileWrite implements StopGuard.Work {
    private final String sitePath;
    private final String path;
    private final Path target;
    private final byte[] bytes;

    FileWrite(String sitePath, String path, Path target, byte[] bytes) {
      this.sitePath = sitePath;
      this.path = path;
      this.target = target;
      this.bytes = bytes;
    }

    @Override
    public void run() throws IOException {
      writeFile(path, target, bytes);
    }
  }

  /** Checks the path and makes its folder; returns the file's write, for the file thread. */
  private FileWrite makeFolder(String sitePath, byte[] bytes) throws IOException {
    String path = new OutputPath(sitePath).value();
    Path target = staging.resolve(path).normalize();
    if (!target.startsWith(staging)) {
      throw new IOException("output path escapes the output folder: " + sitePath);
    }
    Path folder = target.getParent();
    if (folders.isEmpty()) {
      makeRoot();
    }
    if (folders.add(folder)) {
      Files.createDirectories(folder);
    }
    return new FileWrite(sitePath, path, target, bytes);
  }

  /**
   * Makes the new site's folder, on the folder thread before its first file (or at the commit of a
   * site without files), placed apart when the build is large.
   */
  private void makeRoot() throws IOException {
    if (expected >= SPREAD_FROM) {
      FolderSpread.apply(wrapper);
    }
    Files.createDirectory(staging);
    folders.add(staging);
  }

  /** On the file thread: links the file from the previous site if it is unchanged, or writes it. */
  private void writeFile(String path, Path target, byte[] bytes) throws IOException {
    if (!previous.linkIfUnchanged(path, bytes, target)) {
      // A stream rather than Files.write: its classes come with the JVM's start, and a cold JVM
      // wrote a thousand pages in 13-17 ms that way against 17-22 ms through NIO's channel.
      try (FileOutputStream out = new FileOutputStream(target.toFile())) {
        out.write(bytes);
      }
    }
  }

  /**
   * Runs one step of writing {@code sitePath} under the guard (once the process is stopping,
   * nothing, not even a folder of the staging tree, is created again, so the stop hook's delete is
   * final), unless an earlier step failed; a failure is remembered for {@link #commit}.
   */
  private void onDisk(String sitePath, StopGuard.Work step) {
    if (failure != null) {
      return;
    }
    try {
      guard.work(step);
    } catch (IOException e) {
      fail(e);
    } catch (RuntimeException e) {
      fail(new IOException("could not write " + sitePath + ": " + e.getMessage(), e));
    }
  }

  private static ExecutorService oneThread(String name) {
    return Executors.newSingleThreadExecutor(new Daemon(name));
  }

  /** Makes the writing threads, which must not keep the JVM alive. */
  private static final class Daemon implements ThreadFactory {
    private final String name;

    Daemon(String name) {
      this.name = name;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    }
  }

  /** Waits until every queued file is written: the folders first, as they hand on the files. */
  private void drain() throws IOException {
    handOnQueued(1);
    awaitDone(folderMaker);
    awaitDone(fileWriter);
  }

  private static void awaitDone(ExecutorService threads) throws IOException {
    threads.shutdown();
    try {
      if (!threads.awaitTermination(1, TimeUnit.HOURS)) {
        throw new IOException("timed out writing the site");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the site", e);
    }
  }

  private synchronized void fail(IOException e) {
    if (failure == null) {
      failure = e;
    }
  }

  /**
   * Puts the new site in place: {@code files} are every site path written (they make the manifest
   * of what the tool owns). Fails, leaving the previous output as it was, if any write failed.
   */
  public void commit(Set<String> files) throws IOException {
    drain();
    if (failure != null) {
      throw failure;
    }
    if (folders.isEmpty()) {
      guard.work(this::makeRoot);
    }
    guard.work(
        new StopGuard.Work() {
          @Override
          public void run() throws IOException {
            Files.write(staging.resolve(Manifest.NAME), Manifest.render(files));
          }
        });
    SiteWriter.swap(output, staging, parent, name, guard);
    committed = true;
    SiteWriter.deleteQuietly(wrapper); // empty now
  }

  private static void stop(ExecutorService threads) {
    threads.shutdownNow();
    try {
      threads.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Removes the staging folder unless the site was committed. */
  @Override
  public void close() {
    stop(folderMaker);
    stop(fileWriter);
    try {
      if (!committed) {
        SiteWriter.deleteQuietly(wrapper);
      }
    } finally {
      guard.close();
    }
  }
}
