package io.github.tfgan.config;

import java.util.Locale;

/**
 * The GAN objective written on D's logits ℓ. Each loss is a mean over the batch; D(·) below is the
 * logit for {@link #HINGE} and {@link #WASSERSTEIN} and σ(logit) for the others.
 */
public enum LossKind {
  /**
   * The article's: D maximises log D(x) + log(1 − D(G(z))), G maximises log D(G(z)) (the
   * non-saturating form), as sigmoid cross-entropy on logits.
   */
  STANDARD,
  /**
   * The original minimax game (Goodfellow et al. 2014): D as {@link #STANDARD}; G minimises log(1 −
   * D(G(z))) = −softplus(ℓ), the saturating form whose gradient vanishes when D rejects G(z).
   */
  MINIMAX,
  /**
   * Least squares (Mao et al. 2017, TF-GAN's {@code least_squares_*_loss}) on D's logits: D
   * minimises ½(D(x) − 1)² + ½D(G(z))², G minimises ½(D(G(z)) − 1)². Its gradients do not vanish
   * when D is confident.
   */
  LEAST_SQUARES,
  /**
   * Hinge (Lim and Ye 2017; Miyato et al. 2018) on the logits: D minimises relu(1 − ℓ(x)) + relu(1
   * + ℓ(G(z))), G minimises −ℓ(G(z)).
   */
  HINGE,
  /**
   * Wasserstein (Arjovsky et al. 2017) on the logits, D as the critic: D minimises ℓ(G(z)) − ℓ(x),
   * G minimises −ℓ(G(z)). D must be kept Lipschitz, usually by the gradient penalty ({@link
   * GanConfig#gpGamma()}).
   */
  WASSERSTEIN;

  /** The command-line name. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether D's target for real images ({@link GanConfig#realLabel()}) enters this loss. */
  public boolean hasRealLabel() {
    return this == STANDARD || this == MINIMAX || this == LEAST_SQUARES;
  }

  /** Parses a command-line name, naming the flag on error. */
  public static LossKind parse(String name) {
    return Checks.byCliName("loss", values(), LossKind::cliName, name);
  }
}
