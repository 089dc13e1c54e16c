package io.github.tfgan.train;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * R1 (Mescheder et al. 2018): γ/2 · mean over the real batch of ‖∇ₓ logit(x)‖², for the rows of one
 * D pass over real images, so the gradient with respect to them is a plain backward pass.
 *
 * @param value the penalty's share from these rows (the mean divides by the whole batch, so the
 *     shares of a batch's shards add up to the penalty)
 * @param inputGradient ∇ₓ logit(x), [rows, 784]
 * @param seed the penalty's gradient with respect to {@code inputGradient}, γ/batch · ∇ₓ logit(x):
 *     what the penalty's (second-order) gradient with respect to D's weights starts from
 */
record R1Penalty(Operand<TFloat32> value, Operand<TFloat32> inputGradient, Operand<TFloat32> seed) {

  /**
   * @param logits D's logits on {@code images}, [rows, 1]
   * @param images the real images D was applied to, [rows, 784]
   * @param batch the whole batch's size, which the mean divides by
   * @param prefix a name prefix for the backward pass's ops, unique in the graph
   */
  static R1Penalty of(
      Graph graph,
      Ops tf,
      Operand<TFloat32> logits,
      Operand<TFloat32> images,
      int batch,
      float gamma,
      String prefix) {
    // The initial gradient is a constant of ones (the gradient of the sum of the logits): a
    // constant, unlike the OnesLike that addGradients would insert, needs no gradient of its own.
    // It waits for the logits, so that the backward pass reads D's weights when the forward pass
    // does: in a chain of iterations, after the previous iteration's update of D.
    Ops afterLogits = tf.withControlDependencyOps(List.of(logits.op()));
    Output<?>[] dx =
        graph.addGradients(
            prefix,
            new Output<?>[] {logits.asOutput()},
            new Output<?>[] {images.asOutput()},
            new Output<?>[] {
              afterLogits
                  .fill(
                      afterLogits.constant(new long[] {images.shape().get(0), 1}),
                      afterLogits.constant(1f))
                  .asOutput()
            });
    @SuppressWarnings("unchecked")
    Output<TFloat32> grad = (Output<TFloat32>) dx[0];
    Operand<TFloat32> value =
        tf.math.mul(
            tf.constant(gamma / (2f * batch)),
            tf.reduceSum(tf.math.square(grad), LogitLoss.allAxes(tf)));
    Operand<TFloat32> seed = tf.math.mul(tf.constant(gamma / batch), grad);
    return new R1Penalty(value, grad, seed);
  }
}
