package org.factsite.model;

import java.util.Locale;

/**
 * A file path inside the output root, normalised, with forward slashes and no leading slash ({@code
 * lockdown-figures/index.html}). The constructor refuses anything that could escape the root:
 * {@code ..} segments, absolute paths, backslashes, NUL and control characters, and percent signs
 * (so encoded traversal like {@code %2e%2e} cannot be decoded later).
 */
public record OutputPath(String value) implements Comparable<OutputPath> {
  public OutputPath {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("empty output path");
    }
    if (value.startsWith("/") || value.contains("\\") || value.contains("%")) {
      throw new IllegalArgumentException("output path must be relative and plain: " + value);
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < 0x20 || value.charAt(i) == 0x7f) {
        throw new IllegalArgumentException("control character in output path");
      }
    }
    for (String segment : value.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("output path has an empty, . or .. segment: " + value);
      }
    }
  }

  /** The key two paths collide on: on case-insensitive file systems they are one file. */
  public String collisionKey() {
    return value.toLowerCase(Locale.ROOT);
  }

  /** How many folders deep the file is: {@code index.html} is 0, {@code a/index.html} is 1. */
  public int depth() {
    int d = 0;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == '/') {
        d++;
      }
    }
    return d;
  }

  /** The relative prefix from this file back to the output root: "./" or "../../". */
  public String rootPrefix() {
    return depth() == 0 ? "./" : "../".repeat(depth());
  }

  /** The site path a link to this page uses: {@code a/index.html} is {@code a/}. */
  public String sitePath() {
    if (value.equals("index.html")) {
      return "";
    }
    if (value.endsWith("/index.html")) {
      return value.substring(0, value.length() - "index.html".length());
    }
    return value;
  }

  @Override
  public int compareTo(OutputPath o) {
    return value.compareTo(o.value);
  }
}
