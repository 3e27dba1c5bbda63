package org.factsite.hostile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One hostile or broken input: the files to change in a built site (null deletes), the exit code
 * the build must end with and the exact first line of its error report.
 */
record Case(String name, Map<String, String> edits, int exitCode, String firstLine) {
  static Case of(String name, String path, String text, String firstLine) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(path, text);
    return new Case(name, m, 1, firstLine);
  }

  Case also(String path, String text) {
    Map<String, String> m = new LinkedHashMap<>(edits);
    m.put(path, text);
    return new Case(name, m, exitCode, firstLine);
  }

  @Override
  public String toString() {
    return name;
  }
}
