package io.github.tfgan.train;

import java.util.Locale;

/**
 * What one iteration measured.
 *
 * @param iteration 1-based iteration number
 * @param dLoss discriminator loss before its update, with its gradient penalties when it has any
 * @param gLoss generator loss before its update (after D's update of the same iteration)
 * @param dReal mean D(x) = σ(logit) over the real batch, for every loss
 * @param dFake mean D(G(z)) over the fake batch
 * @param learningRate learning rate used by both updates
 */
public record IterationMetrics(
    long iteration, float dLoss, float gLoss, float dReal, float dFake, float learningRate) {

  /** The article's log line with the diagnostics GAN users read. */
  public String logLine() {
    return String.format(
        Locale.ROOT,
        "Iteration %d: D loss = %.4f, G loss = %.4f, D(x) = %.2f, D(G(z)) = %.2f",
        iteration,
        dLoss,
        gLoss,
        dReal,
        dFake);
  }

  /** Whether both losses are finite numbers. */
  public boolean isFinite() {
    return Float.isFinite(dLoss) && Float.isFinite(gLoss);
  }
}
