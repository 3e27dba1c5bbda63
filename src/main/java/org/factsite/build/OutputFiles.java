package org.factsite.build;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files one build makes, collected from many threads and passed on to its {@link OutputSink} as
 * they arrive. A concurrent map, not a synchronised sorted one: every page's thread adds to it, and
 * the sorted copy is made once at the end.
 */
final class OutputFiles {
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final OutputSink sink;

  OutputFiles(OutputSink sink) {
    this.sink = sink;
  }

  void put(String sitePath, byte[] bytes) {
    files.put(sitePath, bytes);
    sink.accept(sitePath, bytes);
  }

  int size() {
    return files.size();
  }

  /** Every file so far, for the checks: a plain map that answers look-ups quickly. */
  Map<String, byte[]> view() {
    return files;
  }

  SortedMap<String, byte[]> sorted() {
    return new TreeMap<>(files);
  }
}
