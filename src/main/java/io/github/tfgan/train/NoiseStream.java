package io.github.tfgan.train;

import java.util.SplittableRandom;

/**
 * The generator's input noise: standard-normal z for each iteration, a pure function of (seed,
 * iteration), so a run can be repeated or resumed exactly. Drawn in Java (Java 17's ziggurat
 * normal) rather than by a TensorFlow random op: measured, the graph's {@code
 * StatelessRandomNormal} took about 1.8 ms of a 10 ms iteration for a 128 × 100 batch.
 */
public final class NoiseStream {
  private final long seed;

  /**
   * @param seed the run's seed
   */
  public NoiseStream(long seed) {
    this.seed = seed;
  }

  /** Fills {@code out} with the noise of the 0-based {@code iteration}. */
  public void fill(long iteration, float[] out) {
    SplittableRandom random =
        new SplittableRandom(mix(seed) ^ mix(iteration + 0x632BE59BD9B4E019L));
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) random.nextGaussian();
    }
  }

  /** SplitMix64's finaliser: spreads nearby inputs (seeds 1, 2, 3...) far apart. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
