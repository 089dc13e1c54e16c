package io.github.tfgan.train;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * WGAN-GP's gradient penalty (Gulrajani et al. 2017): λ · mean over the batch of (‖∇ D(x̂)‖₂ − 1)²,
 * the gradient of D's logit with respect to its input at x̂ = εx + (1 − ε)G(z), a random point
 * between a real and a generated sample (ε ~ U[0, 1] per sample, fed per iteration: {@link
 * NoiseStream#fillMix}). As {@link R1Penalty}, for the rows of one shard, so that the gradient with
 * respect to x̂ is a plain backward pass and the penalty's gradient with respect to D's weights
 * starts from {@link #seed} (a second-order backward pass).
 *
 * <p>The norm is √(‖g‖² + {@value #EPSILON}), so that its gradient g/‖g‖ stays finite where g is 0.
 *
 * @param value the penalty's share from these rows (the mean divides by the whole batch, so the
 *     shares of a batch's shards add up to the penalty)
 * @param inputGradient g = ∇ D(x̂), [rows, width]
 * @param seed the penalty's gradient with respect to {@code inputGradient}, λ/batch · 2(‖g‖ − 1) ·
 *     g/‖g‖ per row
 */
record GradientPenalty(
    Operand<TFloat32> value, Operand<TFloat32> inputGradient, Operand<TFloat32> seed) {

  /** Added to ‖g‖² under the square root. */
  static final float EPSILON = 1e-12f;

  /**
   * @param discriminator D, applied to the interpolates here
   * @param real the real samples, [rows, width]
   * @param fake G(z), [rows, width]
   * @param mix ε, one per row, [rows, 1]
   * @param labels the rows' class labels for a conditional D; null otherwise
   * @param batch the whole batch's size, which the mean divides by
   * @param gamma λ
   * @param prefix a name prefix for the backward pass's ops, unique in the graph
   */
  static GradientPenalty of(
      Graph graph,
      Ops tf,
      io.github.tfgan.model.Network discriminator,
      Operand<TFloat32> real,
      Operand<TFloat32> fake,
      Operand<TFloat32> mix,
      Operand<org.tensorflow.types.TInt32> labels,
      int batch,
      float gamma,
      String prefix) {
    Operand<TFloat32> between =
        tf.math.add(tf.math.mul(mix, real), tf.math.mul(tf.math.sub(tf.constant(1f), mix), fake));
    Operand<TFloat32> logits = discriminator.apply(tf, between, labels);
    // As R1's: a constant of ones that waits for the logits, so that the backward pass reads D's
    // weights when the forward pass does.
    Ops afterLogits = tf.withControlDependencyOps(List.of(logits.op()));
    Output<?>[] dx =
        graph.addGradients(
            prefix,
            new Output<?>[] {logits.asOutput()},
            new Output<?>[] {between.asOutput()},
            new Output<?>[] {
              afterLogits
                  .fill(
                      afterLogits.constant(new long[] {real.shape().get(0), 1}),
                      afterLogits.constant(1f))
                  .asOutput()
            });
    @SuppressWarnings("unchecked")
    Output<TFloat32> grad = (Output<TFloat32>) dx[0];
    Operand<TFloat32> norm =
        tf.math.sqrt(
            tf.math.add(
                tf.reduceSum(
                    tf.math.square(grad),
                    tf.constant(1),
                    org.tensorflow.op.core.ReduceSum.keepDims(true)),
                tf.constant(EPSILON)));
    Operand<TFloat32> excess = tf.math.sub(norm, tf.constant(1f));
    Operand<TFloat32> value =
        tf.math.mul(
            tf.constant(gamma / batch),
            tf.reduceSum(tf.math.square(excess), LogitLoss.allAxes(tf)));
    Operand<TFloat32> seed =
        tf.math.mul(tf.math.mul(tf.constant(2f * gamma / batch), tf.math.div(excess, norm)), grad);
    return new GradientPenalty(value, grad, seed);
  }
}
