package org.factsite.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides whether a folder may be used as build output. Refuses the file-system root, the home
 * folder, the site folder itself or any folder above it, an input folder or anything inside one,
 * and a non-empty folder that this tool did not create (it has no manifest).
 */
public final class OutputGuard {
  private OutputGuard() {}

  public static void check(Path siteRoot, Path output) throws OutputRefusedException, IOException {
    Path out = real(output);
    Path root = real(siteRoot);
    Path home = real(Path.of(System.getProperty("user.home")));
    if (out.getParent() == null) {
      throw new OutputRefusedException(
          "refusing to write to " + output + ": it is the file-system" + " root");
    }
    if (out.equals(home)) {
      throw new OutputRefusedException(
          "refusing to write to " + output + ": it is your home" + " folder");
    }
    if (root.startsWith(out)) {
      throw new OutputRefusedException(
          "refusing to write to " + output + ": it is the site folder" + " or a folder above it");
    }
    for (String input : List.of("content", "data", "templates")) {
      Path in = root.resolve(input);
      if (out.startsWith(in) || in.startsWith(out)) {
        throw new OutputRefusedException(
            "refusing to write to "
                + output
                + ": it overlaps the"
                + " input folder "
                + input
                + "/");
      }
    }
    if (Files.isSymbolicLink(output)) {
      throw new OutputRefusedException(
          "refusing to write to " + output + ": it is a symbolic" + " link");
    }
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new OutputRefusedException(
          "refusing to write to " + output + ": it is a file, not a" + " folder");
    }
    if (Files.isDirectory(output)
        && !Files.exists(output.resolve(Manifest.NAME))
        && !onlyKeepers(output)) {
      throw new OutputRefusedException(
          "refusing to write to "
              + output
              + ": it already holds"
              + " files this tool did not write (move them away or choose another folder)");
    }
  }

  /** True when the folder holds nothing, or only files that are always kept (CNAME, .git…). */
  private static boolean onlyKeepers(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.allMatch(p -> Manifest.KEEP.contains(p.getFileName().toString()));
    }
  }

  /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
  static Path real(Path p) throws IOException {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
  }
}
