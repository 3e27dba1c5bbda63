package org.factsite.cli;

/** What the process tells its caller. */
public enum ExitCode {
  /** Everything worked. */
  OK(0),
  /** The site has errors; they were printed, and nothing was written. */
  BUILD_ERROR(1),
  /** The command line was wrong. */
  USAGE(2);

  public final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
