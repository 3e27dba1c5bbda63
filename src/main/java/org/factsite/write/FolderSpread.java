package org.factsite.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Asks ext4 to place each folder made directly inside a folder in a block group of its own choosing
 * rather than beside its parent: the file system's top-of-hierarchy flag, which {@code chattr +T}
 * sets (Linux only; elsewhere, and on file systems without the flag, nothing happens).
 *
 * <p>Why: ext4 mounted without a journal will not reuse an inode freed in the last minute or more,
 * and it finds a free one by checking every such inode in the group, for every file and folder it
 * creates. A site built where the last one was just deleted (a rebuild, which removes the old site
 * once the new one is in place; a benchmark that deletes the output before each run) lands in the
 * same group as what was deleted, so each create checks thousands of freed inodes first: 10,000
 * page folders, each with its file, took 6 to 19 s there, one after another, against 0.6 s in a
 * group of their own (docs/performance.md, "The file system"). With the flag on the staging folder,
 * the site's folder made inside it under a new name each time starts a group search of its own, and
 * everything inside it stays together there.
 */
final class FolderSpread {
  private static final Path CHATTR = chattr();

  private FolderSpread() {}

  private static Path chattr() {
    if (!"Linux".equals(System.getProperty("os.name"))) {
      return null;
    }
    for (String candidate : new String[] {"/usr/bin/chattr", "/bin/chattr"}) {
      Path p = Path.of(candidate);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Sets the flag on {@code folder}, waiting at most a second for {@code chattr}; any failure (no
   * such flag on this file system, no {@code chattr}) leaves the folder as it was, which only costs
   * speed.
   */
  static void apply(Path folder) {
    if (CHATTR == null) {
      return;
    }
    try {
      Process p =
          new ProcessBuilder(CHATTR.toString(), "+T", folder.toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (IOException | RuntimeException e) {
      // Only a hint to the file system: the site is written the same without it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
