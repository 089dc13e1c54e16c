package io.github.tfgan.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The ops of {@link Network}'s layers that need no variables of their own: shapes, batch norm. */
final class LayerOps {
  private LayerOps() {}

  /**
   * The labels one-hot, {@code [batch, classes]}: a conditional network's input and projection take
   * products with it. (A clustered network's, with hundreds of clusters, look their rows up
   * instead: the same values, measured, at a fraction of the cost.)
   */
  static Operand<TFloat32> oneHot(Ops tf, Operand<TInt32> labels, int classes) {
    return tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
  }

  /**
   * A clustered generator's first layer, dense over z and the one-hot cluster: z times the kernel's
   * first rows, plus the cluster's row of the rest, looked up (the product with the one-hot, at a
   * fraction of the cost). The kernel is read after z is there, as a product with z reads it: in a
   * chain of iterations, after the update of the iteration before.
   *
   * @param z {@code [batch, noise]}
   * @param kernel {@code [noise + clusters, out]}
   */
  static Operand<TFloat32> clusterDense(
      Ops tf,
      Operand<TFloat32> z,
      int noise,
      Operand<TInt32> cluster,
      Operand<TFloat32> kernel,
      Operand<TFloat32> bias) {
    Ops afterZ = tf.withControlDependencyOps(List.of(z.op()));
    Operand<TFloat32> zRows =
        afterZ.slice(kernel, tf.constant(new int[] {0, 0}), tf.constant(new int[] {noise, -1}));
    Operand<TFloat32> clusterRows =
        afterZ.slice(kernel, tf.constant(new int[] {noise, 0}), tf.constant(new int[] {-1, -1}));
    return tf.nn.biasAdd(
        tf.math.add(tf.linalg.matMul(z, zRows), tf.gather(clusterRows, cluster, tf.constant(0))),
        bias);
  }

  static List<Long> strides(int stride) {
    return List.of(1L, (long) stride, (long) stride, 1L);
  }

  static long[] withBatch(int[] shape) {
    long[] out = new long[shape.length + 1];
    out[0] = -1;
    for (int i = 0; i < shape.length; i++) {
      out[i + 1] = shape[i];
    }
    return out;
  }

  /**
   * A transposed convolution's output size, batch first: a constant when the batch is known (the
   * training graph, whose gradients then need no shape ops), else read from the input.
   */
  static Operand<TInt32> outputSizes(Ops tf, Operand<TFloat32> h, int[] out) {
    long batch = h.shape().numDimensions() > 0 ? h.shape().get(0) : -1;
    if (batch > 0) {
      return tf.constant(new int[] {(int) batch, out[0], out[1], out[2]});
    }
    Operand<TInt32> n =
        tf.slice(tf.shape(h), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    return tf.concat(List.of(n, tf.constant(out)), tf.constant(0));
  }

  /** FusedBatchNormV3 over all axes but the last; a vector input is seen as [batch, 1, 1, C]. */
  static Operand<TFloat32> batchNorm(
      Ops tf, Operand<TFloat32> h, List<Operand<TFloat32>> v, int[] shape, boolean training) {
    int channels = shape[shape.length - 1];
    Operand<TFloat32> x4 =
        shape.length == 3 ? h : tf.reshape(h, tf.constant(new long[] {-1, 1, 1, channels}));
    Operand<TFloat32> empty = tf.constant(new float[0]);
    FusedBatchNorm<TFloat32, TFloat32> bn =
        tf.nn.fusedBatchNorm(
            x4,
            v.get(0),
            v.get(1),
            training ? empty : v.get(2),
            training ? empty : v.get(3),
            FusedBatchNorm.epsilon(Network.BN_EPSILON),
            FusedBatchNorm.isTraining(training));
    Operand<TFloat32> y = bn.y();
    if (training) {
      // moving ← moving − (1 − momentum)(moving − batch), in place, before the output is read.
      Operand<TFloat32> rate = tf.constant(1f - Network.BN_MOMENTUM);
      @SuppressWarnings("unchecked")
      Variable<TFloat32> mean = (Variable<TFloat32>) v.get(2);
      @SuppressWarnings("unchecked")
      Variable<TFloat32> variance = (Variable<TFloat32>) v.get(3);
      List<Op> updates =
          List.of(
              tf.train.applyGradientDescent(mean, rate, tf.math.sub(mean, bn.batchMean())),
              tf.train.applyGradientDescent(
                  variance, rate, tf.math.sub(variance, bn.batchVariance())));
      y = tf.withControlDependencies(updates).identity(y);
    }
    return shape.length == 3 ? y : tf.reshape(y, tf.constant(new long[] {-1, channels}));
  }

  /** Abramowitz and Stegun 7.1.26: erf(x) ≈ 1 − t(a1 + t(a2 + t(a3 + t(a4 + t·a5))))·e^(−x²). */
  private static final float AS_P = 0.3275911f;

  private static final float[] AS_A = {
    0.254829592f, -0.284496736f, 1.421413741f, -1.453152027f, 1.061405429f
  };

  /**
   * A cluster drawn by inverse transform from the first value of each row of standard-normal {@code
   * z}: with u = Φ(z₀) uniform, the number of cumulative shares below u, so that cluster k comes
   * with probability p_k. Φ(z) = (1 + erf(z / √2)) / 2, with erf by Abramowitz and Stegun 7.1.26
   * (error at most 1.5e-7) from ops that TFLite has (it has no {@code Erf}).
   *
   * @param logShares log p, {@code [k]}
   * @return {@code [batch]} int32 in [0, k)
   */
  static Operand<TInt32> inverseCdf(
      Ops tf, Operand<TFloat32> z, Operand<TFloat32> logShares, int k) {
    Operand<TFloat32> first =
        tf.slice(z, tf.constant(new int[] {0, 0}), tf.constant(new int[] {-1, 1}));
    Operand<TFloat32> x = tf.math.mul(tf.math.abs(first), tf.constant((float) (1 / Math.sqrt(2))));
    Operand<TFloat32> t =
        tf.math.div(
            tf.constant(1f), tf.math.add(tf.constant(1f), tf.math.mul(tf.constant(AS_P), x)));
    Operand<TFloat32> poly = tf.constant(AS_A[4]);
    for (int i = 3; i >= 0; i--) {
      poly = tf.math.add(tf.constant(AS_A[i]), tf.math.mul(t, poly));
    }
    Operand<TFloat32> tail =
        tf.math.mul(tf.math.mul(t, poly), tf.math.exp(tf.math.neg(tf.math.square(x))));
    Operand<TFloat32> erf = tf.math.mul(tf.math.sign(first), tf.math.sub(tf.constant(1f), tail));
    Operand<TFloat32> u = tf.math.mul(tf.constant(0.5f), tf.math.add(tf.constant(1f), erf));
    // The cumulative shares of clusters 0 .. k-2, normalised: u beyond j of them is cluster j.
    Operand<TFloat32> shares = tf.math.exp(logShares);
    Operand<TFloat32> cdf =
        tf.math.div(
            tf.math.cumsum(shares, tf.constant(0)),
            tf.reduceSum(shares, tf.constant(new int[] {0})));
    Operand<TFloat32> inner =
        tf.slice(cdf, tf.constant(new int[] {0}), tf.constant(new int[] {k - 1}));
    Operand<TFloat32> below = tf.dtypes.cast(tf.math.greater(u, inner), TFloat32.class);
    return tf.dtypes.cast(tf.reduceSum(below, tf.constant(new int[] {1})), TInt32.class);
  }

  /**
   * Each row's nearest centroid: argmin over k of ‖c_k‖² − 2⟨x, c_k⟩ (‖x‖² is the same for all k).
   *
   * @param x {@code [batch, values]}
   * @param centroids {@code [k, values]}
   * @return {@code [batch]} int32 in [0, k)
   */
  static Operand<TInt32> nearest(Ops tf, Operand<TFloat32> x, Operand<TFloat32> centroids) {
    Operand<TFloat32> norms = tf.reduceSum(tf.math.square(centroids), tf.constant(new int[] {1}));
    Operand<TFloat32> dots =
        tf.linalg.matMul(x, centroids, org.tensorflow.op.linalg.MatMul.transposeB(true));
    Operand<TFloat32> distances = tf.math.sub(norms, tf.math.mul(tf.constant(2f), dots));
    return tf.math.argMin(distances, tf.constant(1), TInt32.class);
  }
}
