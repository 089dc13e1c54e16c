package io.github.tfgan.data;

import io.github.tfgan.model.DataScaling;

/**
 * Per-feature mean and standard deviation of a data set, computed in double precision in one pass
 * (Welford's update): what {@link DataScaling#standard} needs to standardise float data.
 *
 * @param mean per-feature means
 * @param std per-feature population standard deviations; a constant feature gets 1, so that it
 *     passes through unscaled
 * @param min the smallest value of any feature
 * @param max the largest value of any feature
 */
public record FeatureStatistics(float[] mean, float[] std, float min, float max) {

  /** Statistics of every sample of {@code data}. */
  public static FeatureStatistics of(Dataset data) {
    int d = data.shape().size();
    double[] mean = new double[d];
    double[] m2 = new double[d];
    float[] row = new float[d];
    long n = data.size();
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (long i = 0; i < n; i++) {
      data.read(i, row, 0);
      for (float v : row) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      double k = i + 1;
      for (int f = 0; f < d; f++) {
        double delta = row[f] - mean[f];
        mean[f] += delta / k;
        m2[f] += delta * (row[f] - mean[f]);
      }
    }
    float[] meanF = new float[d];
    float[] stdF = new float[d];
    for (int f = 0; f < d; f++) {
      meanF[f] = (float) mean[f];
      double sd = Math.sqrt(m2[f] / Math.max(1, n));
      stdF[f] = sd > 1e-12 && Float.isFinite((float) sd) && (float) sd > 0f ? (float) sd : 1f;
    }
    return new FeatureStatistics(meanF, stdF, min, max);
  }

  /** The standardisation these statistics define. */
  public DataScaling scaling() {
    return DataScaling.standard(mean, std);
  }
}
