package io.github.tfgan.cli;

import io.github.tfgan.io.Errors;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.concurrent.Callable;

/**
 * Puts the command line's words on library errors: the library names its paths and parameters
 * ({@code "/tmp/m: expected a SavedModel ..."}), the command line adds the flag that gave them
 * ({@code "--model /tmp/m: expected a SavedModel ..."}).
 */
final class Flags {
  private Flags() {}

  /**
   * Runs {@code action}; an error it throws about {@code flag}'s value is prefixed with the flag.
   */
  static <T> T on(String flag, Callable<T> action) throws Exception {
    try {
      return action.call();
    } catch (FileAlreadyExistsException e) {
      FileAlreadyExistsException named =
          new FileAlreadyExistsException(flag + " " + e.getFile(), null, e.getReason());
      named.initCause(e);
      throw named;
    } catch (IOException e) {
      throw new IOException(flag + " " + GanCli.describe(e), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flag + " " + Errors.describe(e), e);
    }
  }
}
