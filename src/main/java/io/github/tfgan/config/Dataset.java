package io.github.tfgan.config;

import java.util.Locale;

/** The data sets {@code train} can use; both are 28x28 grey images in the IDX format. */
public enum Dataset {
  /** The MNIST handwritten digits, as the article uses. */
  MNIST,
  /** Fashion-MNIST: same format and sizes, clothing instead of digits. */
  FASHION;

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
