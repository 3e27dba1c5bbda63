package org.factsite.build;

/**
 * Receives each output file as soon as the build has made it, so that writing to disk overlaps the
 * building instead of waiting for it (the build command writes into a staging folder that only a
 * wholly successful build swaps in). Called from several threads at once.
 */
@FunctionalInterface
public interface OutputSink {
  /** Keeps the files in memory only: the preview server and the checks-only command. */
  OutputSink NONE =
      new OutputSink() {
        @Override
        public void accept(String sitePath, byte[] bytes) {}
      };

  void accept(String sitePath, byte[] bytes);

  /**
   * Told before the first file how many files the build is about to make, roughly (its pages and
   * charts): a hint for how to write them.
   */
  default void expect(int files) {}
}
