package io.github.tfgan.eval;

import io.github.tfgan.runtime.GraphSession;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.linalg.SelfAdjointEig;
import org.tensorflow.types.TFloat64;

/**
 * The Fréchet distance of {@link GanMetrics#frechetDistance} for samples of many values (pixels),
 * with TensorFlow's symmetric eigensolver in float64 instead of Jacobi rotations. The trace term
 * tr((Σ₁^½ Σ₂ Σ₁^½)^½) is computed one of two exact ways, whichever is smaller:
 *
 * <ul>
 *   <li>up to {@value #COVARIANCE_MAX} values per sample, from the d × d covariances: Σ₁^½ by an
 *       eigendecomposition, then the eigenvalues of Σ₁^½ Σ₂ Σ₁^½;
 *   <li>beyond, from the samples: with A and B the centred samples (rows), the sum of the singular
 *       values of A·Bᵀ / √((n₁ − 1)(n₂ − 1)) — the same number, from an n × n matrix.
 * </ul>
 */
final class DataFrechet {
  /** Values per sample up to which the covariances are used. */
  static final int COVARIANCE_MAX = 1024;

  private DataFrechet() {}

  /** The Fréchet distance between {@code n1} rows {@code a} and {@code n2} rows {@code b} of d. */
  static double distance(double[] a, int n1, double[] b, int n2, int d) {
    return distance(a, n1, b, n2, d, d > COVARIANCE_MAX);
  }

  /** As {@link #distance(double[], int, double[], int, int)}, the way chosen (tests). */
  static double distance(double[] a, int n1, double[] b, int n2, int d, boolean fromSamples) {
    if (n1 < 2 || n2 < 2) {
      throw new IllegalArgumentException(
          "samples: expected at least 2 in each set, found " + n1 + " and " + n2);
    }
    double[] ac = a.clone();
    double[] bc = b.clone();
    double[] mu1 = centre(ac, n1, d);
    double[] mu2 = centre(bc, n2, d);
    double diff = 0;
    for (int j = 0; j < d; j++) {
      diff += (mu1[j] - mu2[j]) * (mu1[j] - mu2[j]);
    }
    double trace1 = sumOfSquares(ac) / (n1 - 1);
    double trace2 = sumOfSquares(bc) / (n2 - 1);
    double root =
        fromSamples ? rootTraceFromSamples(ac, n1, bc, n2, d) : rootTrace(ac, n1, bc, n2, d);
    return Math.max(0.0, diff + trace1 + trace2 - 2 * root);
  }

  /** Subtracts the column means in place and returns them. */
  private static double[] centre(double[] x, int n, int d) {
    double[] mu = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mu[j] += x[i * d + j] / n;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i * d + j] -= mu[j];
      }
    }
    return mu;
  }

  private static double sumOfSquares(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }

  /** tr((Σ₁^½ Σ₂ Σ₁^½)^½) from the d × d covariances. */
  private static double rootTrace(double[] ac, int n1, double[] bc, int n2, int d) {
    try (GraphSession runtime = GraphSession.open()) {
      Ops tf = Ops.create(runtime.graph());
      Placeholder<TFloat64> a = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, d)));
      Placeholder<TFloat64> b = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, d)));
      Operand<TFloat64> cov1 =
          tf.math.div(tf.linalg.matMul(a, a, MatMul.transposeA(true)), tf.constant(n1 - 1.0));
      Operand<TFloat64> cov2 =
          tf.math.div(tf.linalg.matMul(b, b, MatMul.transposeA(true)), tf.constant(n2 - 1.0));
      SelfAdjointEig<TFloat64> eig = tf.linalg.selfAdjointEig(cov1, SelfAdjointEig.computeV(true));
      Operand<TFloat64> sqrtE = tf.math.sqrt(tf.math.maximum(eig.e(), tf.constant(0.0)));
      Operand<TFloat64> s1 =
          tf.linalg.matMul(
              tf.math.mul(eig.v(), tf.reshape(sqrtE, tf.constant(new long[] {1, -1}))),
              eig.v(),
              MatMul.transposeB(true));
      Operand<TFloat64> inner = tf.linalg.matMul(tf.linalg.matMul(s1, cov2), s1);
      Operand<TFloat64> symmetric =
          tf.math.mul(
              tf.math.add(inner, tf.linalg.transpose(inner, tf.constant(new int[] {1, 0}))),
              tf.constant(0.5));
      return sumOfRoots(runtime, tf, symmetric, a, ac, n1, b, bc, n2, d);
    }
  }

  /** tr((Σ₁^½ Σ₂ Σ₁^½)^½) as the sum of the singular values of A·Bᵀ / √((n₁ − 1)(n₂ − 1)). */
  private static double rootTraceFromSamples(double[] ac, int n1, double[] bc, int n2, int d) {
    try (GraphSession runtime = GraphSession.open()) {
      Ops tf = Ops.create(runtime.graph());
      Placeholder<TFloat64> a = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, d)));
      Placeholder<TFloat64> b = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, d)));
      Operand<TFloat64> m =
          tf.math.div(
              tf.linalg.matMul(a, b, MatMul.transposeB(true)),
              tf.constant(Math.sqrt((n1 - 1.0) * (n2 - 1.0))));
      Operand<TFloat64> gram =
          n1 <= n2
              ? tf.linalg.matMul(m, m, MatMul.transposeB(true))
              : tf.linalg.matMul(m, m, MatMul.transposeA(true));
      return sumOfRoots(runtime, tf, gram, a, ac, n1, b, bc, n2, d);
    }
  }

  /** Σ √max(λ, 0) over the eigenvalues λ of the symmetric {@code matrix}. */
  private static double sumOfRoots(
      GraphSession runtime,
      Ops tf,
      Operand<TFloat64> matrix,
      Placeholder<TFloat64> a,
      double[] ac,
      int n1,
      Placeholder<TFloat64> b,
      double[] bc,
      int n2,
      int d) {
    Operand<TFloat64> e = tf.linalg.selfAdjointEig(matrix, SelfAdjointEig.computeV(false)).e();
    Operand<TFloat64> sum =
        tf.sum(tf.math.sqrt(tf.math.maximum(e, tf.constant(0.0))), tf.constant(0));
    try (TFloat64 at = TFloat64.tensorOf(Shape.of(n1, d), DataBuffers.of(ac, true, false));
        TFloat64 bt = TFloat64.tensorOf(Shape.of(n2, d), DataBuffers.of(bc, true, false));
        Result r = runtime.runner().feed(a, at).feed(b, bt).fetch(sum).run()) {
      return ((TFloat64) r.get(0)).getDouble();
    }
  }
}
