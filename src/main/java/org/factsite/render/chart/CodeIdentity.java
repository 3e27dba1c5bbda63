package org.factsite.render.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * Names the exact code that is drawing charts, so drawings kept between runs are reused only by the
 * same code (chart drawings, and what the checks read from pages): the jar (its path, size and time
 * of last change) and the Java runtime (font metrics, and so the layout of every label, come from
 * it).
 */
public final class CodeIdentity {
  private CodeIdentity() {}

  /** Empty when {@code c} was not loaded from a jar file (classes folders change unseen). */
  public static Optional<String> ofJarHolding(Class<?> c) {
    try {
      CodeSource source = c.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path jar = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return Optional.empty();
      }
      return Optional.of(
          String.join(
              " ",
              jar.toRealPath().toString(),
              Long.toString(Files.size(jar)),
              Long.toString(Files.getLastModifiedTime(jar).toMillis()),
              System.getProperty("java.vendor", ""),
              System.getProperty("java.runtime.version", "")));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
