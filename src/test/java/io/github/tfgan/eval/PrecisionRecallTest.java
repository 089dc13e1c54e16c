package io.github.tfgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall (Kynkäänniemi et al. 2019) against examples worked by hand, the TensorFlow
 * computation against the plain-Java one, and the data-space Fréchet distance against {@link
 * GanMetrics#frechetDistance}.
 */
class PrecisionRecallTest {

  private static double[][] column(double... values) {
    double[][] rows = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new double[] {values[i]};
    }
    return rows;
  }

  /**
   * k = 1 on a line. Real 0, 1, 3: nearest-neighbour radii 1, 1, 2, balls [-1, 1], [0, 2], [1, 5].
   * Generated -3, 0.5, 4, 10: radii 3.5, 3.5, 3.5, 6. Precision: 0.5 (in [-1, 1]) and 4 (in [1, 5])
   * of 4 = 0.5. Recall: 0, 1 and 3 all lie in 0.5's ball [-3, 4] = 1.
   */
  @Test
  void firstNeighbourBallsOnALine() {
    GanMetrics.PrecisionRecall pr =
        GanMetrics.precisionRecall(column(0, 1, 3), column(-3, 0.5, 4, 10), 1);
    assertEquals(0.5, pr.precision(), 1e-12);
    assertEquals(1.0, pr.recall(), 1e-12);
  }

  /**
   * k = 3, the paper's. Real 0, 1, 2, 3, 10: third-neighbour radii 3, 2, 2, 3, 9 (balls [-3, 3],
   * [-1, 3], [0, 4], [0, 6], [1, 19]). Generated 5, 20, 30, 40, 50: radii 35, 20, 20, 20, 30.
   * Precision: only 5 is in a real ball ([0, 6]); 20 is just outside the outlier's [1, 19]: 1/5.
   * Recall: the generated 5's ball [-30, 40] holds every real point: 1. An outlier's wide ball is
   * how a spread-out set buys recall.
   */
  @Test
  void thirdNeighbourBallsOnALine() {
    double[][] real = column(0, 1, 2, 3, 10);
    double[][] generated = column(5, 20, 30, 40, 50);
    assertEquals(9.0 * 9.0, GanMetrics.kthNeighbourDistances(real, 3)[4], 1e-12);
    GanMetrics.PrecisionRecall pr = GanMetrics.precisionRecall(real, generated, 3);
    assertEquals(0.2, pr.precision(), 1e-12);
    assertEquals(1.0, pr.recall(), 1e-12);
    // the other way round, the real set is the one whose samples mostly miss
    GanMetrics.PrecisionRecall swapped = GanMetrics.precisionRecall(generated, real, 3);
    assertEquals(1.0, swapped.precision(), 1e-12);
    assertEquals(0.2, swapped.recall(), 1e-12);
  }

  @Test
  void tensorflowGivesTheHandWorkedFigures() {
    try (KnnBalls knn = new KnnBalls()) {
      GanMetrics.PrecisionRecall a =
          knn.precisionRecall(new double[] {0, 1, 3}, 3, new double[] {-3, 0.5, 4, 10}, 4, 1, 1);
      assertEquals(0.5, a.precision(), 1e-12);
      assertEquals(1.0, a.recall(), 1e-12);
      GanMetrics.PrecisionRecall b =
          knn.precisionRecall(
              new double[] {0, 1, 2, 3, 10}, 5, new double[] {5, 20, 30, 40, 50}, 5, 1, 3);
      assertEquals(0.2, b.precision(), 1e-12);
      assertEquals(1.0, b.recall(), 1e-12);
    }
  }

  @Test
  void tensorflowMatchesThePlainJavaComputation() {
    Random r = new Random(5);
    int d = 6;
    double[][] real = new double[700][d];
    double[][] generated = new double[600][d];
    for (double[] row : real) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextGaussian();
      }
    }
    for (double[] row : generated) {
      for (int j = 0; j < d; j++) {
        row[j] = 0.7 * r.nextGaussian() + (j == 0 ? 1.0 : 0.0);
      }
    }
    GanMetrics.PrecisionRecall java = GanMetrics.precisionRecall(real, generated, 3);
    try (KnnBalls knn = new KnnBalls()) {
      GanMetrics.PrecisionRecall tf =
          knn.precisionRecall(flat(real), real.length, flat(generated), generated.length, d, 3);
      assertEquals(java.precision(), tf.precision(), 1e-12);
      assertEquals(java.recall(), tf.recall(), 1e-12);
    }
    // neither trivial: the shifted, narrower set misses some of the real one, and vice versa
    assertTrue(java.precision() > 0.5 && java.precision() < 1, "precision " + java.precision());
    assertTrue(java.recall() > 0.1 && java.recall() < 1, "recall " + java.recall());
  }

  @Test
  void setsNoLargerThanKAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GanMetrics.precisionRecall(column(0, 1, 2), column(0, 1, 2, 3), 3));
    assertTrue(e.getMessage().contains("3 real"), e.getMessage());
  }

  @Test
  void dataSpaceFrechetDistanceMatchesTheJacobiOneBothWays() {
    Random r = new Random(9);
    int d = 7;
    double[][] a = new double[40][d];
    double[][] b = new double[30][d];
    for (double[] row : a) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextGaussian() * (1 + j);
      }
    }
    for (double[] row : b) {
      for (int j = 0; j < d; j++) {
        row[j] = 0.5 + r.nextGaussian() + (j == 2 ? row[0] : 0);
      }
    }
    double expected = GanMetrics.frechetDistance(a, b);
    double viaCovariances = DataFrechet.distance(flat(a), a.length, flat(b), b.length, d, false);
    double viaSamples = DataFrechet.distance(flat(a), a.length, flat(b), b.length, d, true);
    assertEquals(expected, viaCovariances, 1e-6 * expected);
    assertEquals(expected, viaSamples, 1e-6 * expected);
    // more values than samples: the samples' way, as pixels take it
    double[][] wide = new double[12][50];
    double[][] wide2 = new double[15][50];
    for (double[][] set : new double[][][] {wide, wide2}) {
      for (double[] row : set) {
        for (int j = 0; j < row.length; j++) {
          row[j] = r.nextGaussian();
        }
      }
    }
    // (rank-deficient covariances: the roots of their zero eigenvalues' round-off, ~1e-8 each,
    // are in every way but the samples')
    double w = GanMetrics.frechetDistance(wide, wide2);
    assertEquals(w, DataFrechet.distance(flat(wide), 12, flat(wide2), 15, 50, true), 1e-6 * w);
    assertEquals(w, DataFrechet.distance(flat(wide), 12, flat(wide2), 15, 50, false), 1e-6 * w);
  }

  private static double[] flat(double[][] rows) {
    int d = rows[0].length;
    double[] out = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, out, i * d, d);
    }
    return out;
  }
}
