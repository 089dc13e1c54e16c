package io.github.tfgan.config;

import java.util.Locale;

/**
 * Which data a run trains on: one of the built-in sets (28x28 grey images in the IDX format, which
 * keep the article's scaling and flat exports), or the user's own files ({@link #CUSTOM}).
 */
public enum Dataset {
  /** The MNIST handwritten digits, as the article uses. */
  MNIST,
  /** Fashion-MNIST: same format and sizes, clothing instead of digits. */
  FASHION,
  /** The user's own data (any shape and format {@code --data} reads). */
  CUSTOM;

  /** True for MNIST and Fashion-MNIST, false for {@link #CUSTOM}. */
  public boolean builtIn() {
    return this != CUSTOM;
  }

  /** The name used on the command line and in config files. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a command-line name.
   *
   * @throws IllegalArgumentException naming the flag and the accepted values
   */
  public static Dataset parse(String name) {
    return Checks.byCliName("dataset", values(), Dataset::cliName, name);
  }
}
