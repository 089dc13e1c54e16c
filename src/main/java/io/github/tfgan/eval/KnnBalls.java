package io.github.tfgan.eval;

import io.github.tfgan.runtime.GraphSession;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * The precision and recall of {@link GanMetrics#precisionRecall}, with the pairwise distances
 * computed by TensorFlow MatMuls in float64 (‖x − y‖² = ‖x‖² + ‖y‖² − 2x·y), chunk by chunk, so
 * that 10,000 × 10,000 pairs take seconds. One pass over each set gives its k-NN radii; one pass
 * over the generated × real distances gives both memberships.
 */
final class KnnBalls implements AutoCloseable {
  private static final int CHUNK = 500;
  private final GraphSession runtime = GraphSession.open();
  private final Placeholder<TFloat64> rows;
  private final Placeholder<TFloat64> all;
  private final Placeholder<TFloat64> rowRadii;
  private final Placeholder<TFloat64> allRadii;
  private final Placeholder<TInt32> neighbours;
  private final Operand<TFloat64> kth;
  private final Operand<TFloat64> rowMargin;
  private final Operand<TFloat64> columnMargin;

  KnnBalls() {
    try {
      Ops tf = Ops.create(runtime.graph());
      rows = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, -1)));
      all = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, -1)));
      rowRadii = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
      allRadii = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1)));
      neighbours = tf.placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
      Operand<TFloat64> rr = tf.sum(tf.math.square(rows), tf.constant(1), Sum.keepDims(true));
      Operand<TFloat64> aa = tf.sum(tf.math.square(all), tf.constant(1), Sum.keepDims(true));
      Operand<TFloat64> cross = tf.linalg.matMul(rows, all, MatMul.transposeB(true));
      Operand<TFloat64> d2 =
          tf.math.maximum(
              tf.math.sub(
                  tf.math.add(rr, tf.linalg.transpose(aa, tf.constant(new int[] {1, 0}))),
                  tf.math.mul(tf.constant(2.0), cross)),
              tf.constant(0.0));
      // the k + 1 smallest distances of each row, itself (0) first
      TopK<TFloat64, TInt32> nearest = tf.nn.topK(tf.math.neg(d2), neighbours, TInt32.class);
      kth = tf.math.neg(nearest.values());
      // ≤ 0 where a row lies in some ball of all's (its distance minus that ball's radius)
      Operand<TFloat64> toAll =
          tf.math.sub(d2, tf.reshape(allRadii, tf.constant(new long[] {1, -1})));
      rowMargin = tf.math.neg(tf.max(tf.math.neg(toAll), tf.constant(1)));
      // ≤ 0 where a point of all lies in some ball of the rows'
      Operand<TFloat64> toRows =
          tf.math.sub(d2, tf.reshape(rowRadii, tf.constant(new long[] {-1, 1})));
      columnMargin = tf.math.neg(tf.max(tf.math.neg(toRows), tf.constant(0), Max.keepDims(false)));
    } catch (RuntimeException | Error e) {
      runtime.close();
      throw e;
    }
  }

  /**
   * Precision and recall of {@code generated} against {@code real}, {@code n} rows of {@code d}
   * each (row-major), as {@link GanMetrics#precisionRecall}.
   */
  GanMetrics.PrecisionRecall precisionRecall(
      double[] real, int nReal, double[] generated, int nGenerated, int d, int k) {
    if (k < 1 || nReal <= k || nGenerated <= k) {
      throw new IllegalArgumentException(
          "k: expected 1 ≤ k < the size of each set, found k = "
              + k
              + " with "
              + nReal
              + " real and "
              + nGenerated
              + " generated samples");
    }
    double[] realRadii = radii(real, nReal, d, k);
    double[] generatedRadii = radii(generated, nGenerated, d, k);
    int precise = 0;
    double[] recalled = new double[nReal];
    Arrays.fill(recalled, Double.POSITIVE_INFINITY);
    try (TFloat64 allT = matrix(real, nReal, d);
        TFloat64 allR = TFloat64.vectorOf(realRadii)) {
      for (int start = 0; start < nGenerated; start += CHUNK) {
        int m = Math.min(CHUNK, nGenerated - start);
        try (TFloat64 chunk =
                matrix(Arrays.copyOfRange(generated, start * d, (start + m) * d), m, d);
            TFloat64 chunkR =
                TFloat64.vectorOf(Arrays.copyOfRange(generatedRadii, start, start + m));
            Result r =
                runtime
                    .runner()
                    .feed(rows, chunk)
                    .feed(all, allT)
                    .feed(rowRadii, chunkR)
                    .feed(allRadii, allR)
                    .fetch(rowMargin)
                    .fetch(columnMargin)
                    .run()) {
          double[] rowM = toArray((TFloat64) r.get(0), m);
          double[] colM = toArray((TFloat64) r.get(1), nReal);
          for (double v : rowM) {
            if (v <= 0) {
              precise++;
            }
          }
          for (int j = 0; j < nReal; j++) {
            recalled[j] = Math.min(recalled[j], colM[j]);
          }
        }
      }
    }
    int recall = 0;
    for (double v : recalled) {
      if (v <= 0) {
        recall++;
      }
    }
    return new GanMetrics.PrecisionRecall(precise / (double) nGenerated, recall / (double) nReal);
  }

  /** Squared distance of each of the {@code n} rows to its k-th nearest other row. */
  double[] radii(double[] x, int n, int d, int k) {
    double[] radii = new double[n];
    try (TFloat64 allT = matrix(x, n, d);
        TInt32 kt = TInt32.scalarOf(k + 1)) {
      for (int start = 0; start < n; start += CHUNK) {
        int m = Math.min(CHUNK, n - start);
        try (TFloat64 chunk = matrix(Arrays.copyOfRange(x, start * d, (start + m) * d), m, d);
            Result r =
                runtime
                    .runner()
                    .feed(rows, chunk)
                    .feed(all, allT)
                    .feed(neighbours, kt)
                    .fetch(kth)
                    .run()) {
          double[] v = toArray((TFloat64) r.get(0), m * (k + 1));
          for (int i = 0; i < m; i++) {
            radii[start + i] = v[i * (k + 1) + k];
          }
        }
      }
    }
    return radii;
  }

  private static TFloat64 matrix(double[] values, int n, int d) {
    return TFloat64.tensorOf(Shape.of(n, d), DataBuffers.of(values, true, false));
  }

  private static double[] toArray(TFloat64 t, int size) {
    double[] out = new double[size];
    t.asRawTensor().data().asDoubles().read(out);
    return out;
  }

  @Override
  public void close() {
    runtime.close();
  }
}
