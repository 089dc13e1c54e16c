package io.github.tfgan.spark;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** Turns the library's errors about an input into errors that also name the job's flag. */
final class Flags {
  private Flags() {}

  /**
   * Runs {@code work}; an {@link IllegalArgumentException} or {@link UncheckedIOException} from it
   * becomes an {@link IllegalArgumentException} starting with {@code flag}.
   */
  static <T> T on(String flag, Supplier<T> work) {
    try {
      return work.get();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new IllegalArgumentException(flag + " " + e.getMessage(), e);
    }
  }
}
