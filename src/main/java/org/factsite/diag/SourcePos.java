package org.factsite.diag;

/**
 * A place in an input file: a site-relative path with forward slashes, and a 1-based line and
 * column (0 when unknown).
 */
public record SourcePos(String path, int line, int column) {
  public SourcePos {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("path is required");
    }
    line = Math.max(0, line);
    column = Math.max(0, column);
  }

  public static SourcePos of(String path) {
    return new SourcePos(path, 0, 0);
  }

  /** {@code path:line:column}, leaving out what is unknown. */
  public String label() {
    if (line == 0) {
      return path;
    }
    return path + ":" + line + ":" + (column == 0 ? 1 : column);
  }
}
