package org.factsite.cli;

/**
 * The command line was wrong. {@link Main} prints the message as one line, then where the command's
 * help is, and exits with {@link ExitCode#USAGE}.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    // A message for the user, never a stack trace: no need to record one.
    super(message, null, false, false);
  }
}
