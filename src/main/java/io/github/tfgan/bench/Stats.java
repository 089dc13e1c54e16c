package io.github.tfgan.bench;

import java.util.Arrays;

/** Small summary statistics for timings. */
final class Stats {
  private Stats() {}

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }
}
