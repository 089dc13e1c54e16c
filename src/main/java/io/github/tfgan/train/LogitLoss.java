package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A GAN loss on D's logits against constant targets, summed over the logits and divided by the
 * batch size, with its gradient with respect to the logits in closed form.
 *
 * <p>Sigmoid cross-entropy (the article's objective, {@code softplus(x) − t·x}, the numerically
 * stable form of −t·log σ(x) − (1 − t)·log(1 − σ(x))) has the gradient (σ(x) − t)/n; least squares
 * ½(x − t)² has (x − t)/n. Starting backpropagation from these, rather than differentiating the
 * loss ops symbolically, leaves out some sixty small ops per iteration (the selects, negations and
 * broadcasts of the generic gradients of the loss and of its mean) with the same gradients.
 *
 * @param value the loss (a scalar)
 * @param gradient d value / d logits, of the logits' shape
 * @param probabilities σ(logits), which the gradient of the cross-entropy needs anyway
 */
record LogitLoss(
    Operand<TFloat32> value, Operand<TFloat32> gradient, Operand<TFloat32> probabilities) {

  /**
   * @param targets a scalar, or a tensor of the logits' shape
   * @param batch the divisor: the batch size
   */
  static LogitLoss of(
      Ops tf, GanConfig config, Operand<TFloat32> logits, Operand<TFloat32> targets, int batch) {
    Operand<TFloat32> perBatch = tf.constant(1f / batch);
    Operand<TFloat32> probabilities = tf.math.sigmoid(logits);
    Operand<TFloat32> perExample;
    Operand<TFloat32> dLogits;
    switch (config.loss()) {
      case STANDARD -> {
        perExample = tf.math.sub(tf.math.softplus(logits), tf.math.mul(targets, logits));
        dLogits = tf.math.sub(probabilities, targets);
      }
      case LEAST_SQUARES -> {
        Operand<TFloat32> error = tf.math.sub(logits, targets);
        perExample = tf.math.mul(tf.constant(0.5f), tf.math.square(error));
        dLogits = error;
      }
      default -> throw new IllegalArgumentException("loss: unknown " + config.loss());
    }
    Operand<TFloat32> value = tf.math.mul(perBatch, tf.reduceSum(perExample, allAxes(tf)));
    return new LogitLoss(value, tf.math.mul(perBatch, dLogits), probabilities);
  }

  /** Both axes of a [rows, columns] tensor, for reductions to a scalar. */
  static Operand<TInt32> allAxes(Ops tf) {
    return tf.constant(new int[] {0, 1});
  }
}
