package io.github.tfgan.train;

import io.github.tfgan.model.SeedStreams;

/**
 * The generator's input noise: standard-normal z for each iteration, stream {@link
 * SeedStreams#NOISE} at the iteration, so a run can be repeated or resumed exactly, on any JDK.
 * Drawn in Java rather than by a TensorFlow random op: measured, the graph's {@code
 * StatelessRandomNormal} took about 1.8 ms of a 10 ms iteration for a 128 × 100 batch.
 */
final class NoiseStream {
  private final SeedStreams streams;

  /**
   * @param seed the run's seed
   */
  public NoiseStream(long seed) {
    this.streams = new SeedStreams(seed);
  }

  /** Fills {@code out} with the noise of the 0-based {@code iteration}. */
  public void fill(long iteration, float[] out) {
    streams.fillGaussian(SeedStreams.NOISE, iteration, out);
  }
}
