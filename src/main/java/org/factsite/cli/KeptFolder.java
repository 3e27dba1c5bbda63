package org.factsite.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.factsite.build.KeptStores;
import org.factsite.render.chart.CodeIdentity;

/**
 * Where a site's drawn charts, loaded articles, rendered Markdown, rendered pages and what the
 * checks read from its pages are kept between runs: the user's cache folder ($XDG_CACHE_HOME, else
 * ~/.cache), never the site folder.
 */
final class KeptFolder {
  private KeptFolder() {}

  /**
   * The stores of the site in {@code siteDir}, which a build reads and writes; empty when the
   * running code cannot be told apart from other versions (not run from a jar: classes folders
   * change unseen).
   */
  static Optional<KeptStores> of(Path siteDir) {
    return stores(siteDir, false);
  }

  /** As {@link #of}, only read: what the preview server may use of its builds' results. */
  static Optional<KeptStores> readOnly(Path siteDir) {
    return stores(siteDir, true);
  }

  private static Optional<KeptStores> stores(Path siteDir, boolean readOnly) {
    return CodeIdentity.ofJarHolding(KeptFolder.class)
        .map(
            identity -> {
              String siteKey = siteKey(realPath(siteDir));
              return readOnly
                  ? KeptStores.readOnlyIn(root(), siteKey, identity)
                  : KeptStores.in(root(), siteKey, identity);
            });
  }

  private static Path root() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    return (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache"))
        .resolve("factsite");
  }

  private static Path realPath(Path siteDir) {
    try {
      return siteDir.toRealPath();
    } catch (IOException e) {
      return siteDir.toAbsolutePath().normalize();
    }
  }

  /**
   * Names a site's kept results in the cache folder: two CRCs of its folder's real path. Only a
   * name (every kept result is checked against its input), and cheaper to start than SHA-256, whose
   * provider costs a fresh JVM about 20 ms.
   */
  static String siteKey(Path siteRoot) {
    byte[] path = siteRoot.toString().getBytes(StandardCharsets.UTF_8);
    CRC32 a = new CRC32();
    a.update(path);
    CRC32C b = new CRC32C();
    b.update(path);
    String hex = Long.toHexString(a.getValue() << 32 | b.getValue());
    return "0".repeat(16 - hex.length()) + hex;
  }
}
