package org.factsite.write;

/** The output folder is one the tool must not write to; the message says why, in one line. */
public final class OutputRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  public OutputRefusedException(String message) {
    super(message);
  }
}
