package io.github.tfgan.config;

import java.util.Locale;

/** The GAN objective written on D's logits. */
public enum LossKind {
  /**
   * The article's: D maximises log D(x) + log(1 − D(G(z))), G maximises log D(G(z)) (the
   * non-saturating form), as sigmoid cross-entropy on logits.
   */
  STANDARD,
  /**
   * Least squares (Mao et al. 2017, TF-GAN's {@code least_squares_*_loss}) on D's logits: D
   * minimises ½(D(x) − 1)² + ½D(G(z))², G minimises ½(D(G(z)) − 1)². Its gradients do not vanish
   * when D is confident.
   */
  LEAST_SQUARES;

  /** The command-line name. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a command-line name, naming the flag on error. */
  public static LossKind parse(String name) {
    return Checks.byCliName("loss", values(), LossKind::cliName, name);
  }
}
