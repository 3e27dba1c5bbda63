package org.factsite.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;

/**
 * The site a build is about to replace, offered for reuse: a new file whose bytes are the same as
 * the file the tool wrote there last time is hard-linked into the staging folder instead of written
 * again. On a rebuild most pages have not changed, and a link makes no new file (no inode to find,
 * no blocks to fill) and, once the old site is removed, frees none; on a disk mounted with online
 * discard, deleting and re-creating every page was most of the cost of replacing a large site. An
 * unchanged page also keeps its modification time, so tools that copy only changed files see it as
 * unchanged.
 *
 * <p>Only the files the previous site's manifest lists are offered (the tool never reuses a file
 * someone else put there), only plain files (not links), and only when every byte matches. Where
 * the file system has no hard links, or anything else goes wrong, the file is simply written.
 */
final class PreviousSite {
  private static final PreviousSite NONE = new PreviousSite(null, Set.of());

  private final Path output;
  private final Set<String> owned;

  private PreviousSite(Path output, Set<String> owned) {
    this.output = output;
    this.owned = owned;
  }

  /** The files the tool wrote into {@code output} last time; none if it holds no site of ours. */
  static PreviousSite at(Path output) {
    try {
      if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
        return NONE;
      }
      Set<String> owned = Manifest.read(output);
      return owned.isEmpty() ? NONE : new PreviousSite(output, owned);
    } catch (IOException e) {
      return NONE;
    }
  }

  /**
   * Links {@code target} to the previous site's {@code sitePath} (a normalised output path) when
   * that file has exactly {@code bytes}; false, having made nothing, when it cannot.
   */
  boolean linkIfUnchanged(String sitePath, byte[] bytes, Path target) {
    if (!owned.contains(sitePath)) {
      return false;
    }
    Path old = output.resolve(sitePath);
    try {
      BasicFileAttributes a =
          Files.readAttributes(old, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile()
          || a.size() != bytes.length
          || !Arrays.equals(Files.readAllBytes(old), bytes)) {
        return false;
      }
      Files.createLink(target, old);
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
