package io.github.tfgan.eval;

import io.github.tfgan.data.Dataset;
import io.github.tfgan.model.SeedStreams;
import java.util.HashMap;
import java.util.Map;

/**
 * The real samples of an evaluation on any data: from a seeded permutation of the data set, the
 * first {@code n} are the reference every set is measured against, the next {@code n} the "real"
 * row (the ceiling), so that the two never share a sample.
 *
 * @param reference {@code n × d} floats, row-major, as the data set reads them
 * @param heldOut another {@code n × d}
 */
record RealSamples(float[] reference, float[] heldOut) {
  /** Stream of the permutation that draws the real samples. */
  static final String STREAM = "eval/real";

  /**
   * Draws {@code n} reference and {@code n} other samples of {@code data}.
   *
   * @throws IllegalArgumentException naming {@code --samples} if the data hold fewer than 2n
   */
  static RealSamples draw(Dataset data, int n, long seed) {
    long size = data.size();
    if (n < Evaluation.NEIGHBOURS + 1 || 2L * n > size) {
      throw new IllegalArgumentException(
          "--samples: expected "
              + (Evaluation.NEIGHBOURS + 1)
              + " to "
              + size / 2
              + " (half of the "
              + size
              + " samples of "
              + data.source()
              + " are the reference, the other half the real row), found "
              + n);
    }
    int d = data.shape().size();
    SeedStreams.Generator random = new SeedStreams(seed).generator(STREAM, 0);
    // a partial Fisher–Yates shuffle: the first 2n places of a permutation of all indices
    long[] chosen = new long[2 * n];
    Map<Long, Long> swapped = new HashMap<>();
    for (int i = 0; i < 2 * n; i++) {
      long j = i + (long) (random.nextDouble() * (size - i));
      long atJ = swapped.getOrDefault(j, j);
      long atI = swapped.getOrDefault((long) i, (long) i);
      swapped.put(j, atI);
      chosen[i] = atJ;
    }
    float[] reference = new float[n * d];
    float[] heldOut = new float[n * d];
    for (int i = 0; i < n; i++) {
      data.read(chosen[i], reference, i * d);
      data.read(chosen[n + i], heldOut, i * d);
    }
    return new RealSamples(reference, heldOut);
  }

  /**
   * {@code n × d} values uniform in [lo, hi], stream {@link SeedStreams#UNIFORM_REFERENCE} of
   * {@code seed}.
   */
  static float[] uniform(int n, int d, double lo, double hi, long seed) {
    float[] noise = new float[n * d];
    SeedStreams.Generator random =
        new SeedStreams(seed).generator(SeedStreams.UNIFORM_REFERENCE, 0);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (lo + (hi - lo) * random.nextDouble());
    }
    return noise;
  }

  /** The smallest and largest of {@code values}. */
  static double[] range(float[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (float v : values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return new double[] {lo, hi};
  }

  /** All of {@code values} as doubles. */
  static double[] doubles(float[] values) {
    return Evaluation.flat(values, values.length);
  }
}
