package io.github.tfgan.cli;

import io.github.tfgan.io.Errors;

/**
 * A flag's value that the command cannot use: {@link GanCli} prints the message and exits with 2,
 * as for any other usage error (a runtime error exits with 1).
 */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message names the flag, what was expected and what was found
   */
  UsageError(String message) {
    super(message);
  }

  /**
   * A usage error for {@code flag}, from a library message; the library's own parameter name at its
   * start ({@code "loss: expected ..."}) gives way to the flag.
   */
  static UsageError of(String flag, RuntimeException cause) {
    String message = Errors.describe(cause).replaceFirst("^[A-Za-z0-9]+: ", "");
    UsageError e = new UsageError(flag + ": " + message);
    e.initCause(cause);
    return e;
  }
}
