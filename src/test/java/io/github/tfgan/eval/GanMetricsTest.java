package io.github.tfgan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each metric on inputs with known answers. */
class GanMetricsTest {

  @Test
  void oneClassScoresOneAndCoversOneClass() {
    double[][] p = new double[50][10];
    int[] predicted = new int[50];
    for (double[] row : p) {
      row[3] = 1.0;
    }
    java.util.Arrays.fill(predicted, 3);
    assertEquals(1.0, GanMetrics.classifierScore(p), 1e-12);
    double[] shares = GanMetrics.classShares(predicted, 10);
    assertEquals(1.0, shares[3], 1e-12);
    assertEquals(1, GanMetrics.coveredClasses(shares, 0.05));
  }

  @Test
  void confidentUniformClassesScoreTheNumberOfClasses() {
    double[][] p = new double[100][10];
    int[] predicted = new int[100];
    for (int i = 0; i < 100; i++) {
      p[i][i % 10] = 1.0;
      predicted[i] = i % 10;
    }
    assertEquals(10.0, GanMetrics.classifierScore(p), 1e-9);
    assertEquals(10, GanMetrics.coveredClasses(GanMetrics.classShares(predicted, 10), 0.05));
  }

  @Test
  void frechetDistanceOfASetToItselfIsZero() {
    double[][] x = gaussian(new Random(1), 500, 4, 0.0, 1.0);
    assertEquals(0.0, GanMetrics.frechetDistance(x, x), 1e-9);
  }

  @Test
  void frechetDistanceMatchesTheClosedFormForTwoGaussians() {
    // Diagonal covariances: FD = ‖μ1 − μ2‖² + Σ (v1 + v2 − 2√(v1·v2)).
    double[] mu1 = {0, 1, 2};
    double[] mu2 = {1, 1, 0};
    double[][] c1 = {{4, 0, 0}, {0, 1, 0}, {0, 0, 9}};
    double[][] c2 = {{1, 0, 0}, {0, 1, 0}, {0, 0, 4}};
    double expected = (1 + 0 + 4) + (4 + 1 - 2 * 2) + (1 + 1 - 2) + (9 + 4 - 2 * 6);
    assertEquals(expected, GanMetrics.frechetDistance(mu1, c1, mu2, c2), 1e-9);
    // A full (rotated) covariance against itself, shifted: FD = ‖shift‖².
    double[][] full = {{2, 0.8, 0.3}, {0.8, 1.5, -0.4}, {0.3, -0.4, 1.2}};
    assertEquals(
        3.0, GanMetrics.frechetDistance(new double[] {1, 1, 1}, full, new double[3], full), 1e-8);
  }

  @Test
  void matrixSquareRootSquaresBack() {
    double[][] a = {{2, 0.8, 0.3}, {0.8, 1.5, -0.4}, {0.3, -0.4, 1.2}};
    double[][] r = SymmetricMatrices.sqrt(a);
    double[][] back = SymmetricMatrices.multiply(r, r);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(a[i], back[i], 1e-10);
    }
  }

  @Test
  void parzenEstimateOfAGaussianMatchesItsAnalyticLogDensity() {
    // Samples from N(0, s²I); with a window σ the estimate tends to the density of N(0, (s²+σ²)I).
    Random random = new Random(7);
    int d = 2;
    double s = 1.0;
    double sigma = 0.3;
    float[][] samples = toFloat(gaussian(random, 20_000, d, 0, s));
    float[][] test = toFloat(gaussian(random, 400, d, 0, s));
    double var = s * s + sigma * sigma;
    double analytic = 0;
    for (float[] x : test) {
      double sq = 0;
      for (float v : x) {
        sq += v * v;
      }
      analytic += (-0.5 * d * Math.log(2 * Math.PI * var) - sq / (2 * var)) / test.length;
    }
    GanMetrics.LogLikelihood ll = GanMetrics.parzenLogLikelihood(samples, test, sigma);
    assertEquals(analytic, ll.mean(), 0.03);
    assertEquals(true, ll.standardError() > 0 && ll.standardError() < 0.1);
    double chosen =
        GanMetrics.chooseParzenSigma(samples, test, new double[] {0.01, 0.05, 0.3, 3.0});
    assertEquals(0.3, chosen, 1e-12);
  }

  private static double[][] gaussian(Random r, int n, int d, double mean, double sd) {
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = mean + sd * r.nextGaussian();
      }
    }
    return x;
  }

  private static float[][] toFloat(double[][] x) {
    float[][] f = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      f[i] = new float[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        f[i][j] = (float) x[i][j];
      }
    }
    return f;
  }
}
