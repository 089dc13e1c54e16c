package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.LossKind;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The three parts of a {@link LossKind} on D's logits ℓ: D's loss on the real batch, D's on the
 * fake batch (D's objective is their sum) and G's. Each is a sum over its logits divided by the
 * whole batch size, so that the parts of a batch's shards add up to the batch's mean, with its
 * gradient with respect to the logits in closed form ({@link LogitLoss}). Per logit (t = {@link
 * GanConfig#realLabel()}, σ the sigmoid, n the batch size):
 *
 * <table>
 *   <caption>value (gradient) of each part, times 1/n</caption>
 *   <tr><th>loss<th>D, real<th>D, fake<th>G
 *   <tr><td>standard<td>softplus(ℓ) − tℓ (σ(ℓ) − t)<td>softplus(ℓ) (σ(ℓ))<td>softplus(ℓ) − ℓ (σ(ℓ) −
 *       1)
 *   <tr><td>minimax<td>as standard<td>as standard<td>−softplus(ℓ) (−σ(ℓ))
 *   <tr><td>least squares<td>½(ℓ − t)² (ℓ − t)<td>½ℓ² (ℓ)<td>½(ℓ − 1)² (ℓ − 1)
 *   <tr><td>hinge<td>relu(1 − ℓ) (−[ℓ &lt; 1])<td>relu(1 + ℓ) ([ℓ &gt; −1])<td>−ℓ (−1)
 *   <tr><td>wasserstein<td>−ℓ (−1)<td>ℓ (1)<td>−ℓ (−1)
 * </table>
 *
 * <p>softplus(ℓ) − tℓ is the numerically stable form of −t·log σ(ℓ) − (1 − t)·log(1 − σ(ℓ)), and
 * −softplus(ℓ) is log(1 − σ(ℓ)). At a hinge's kink the gradient is 0, as TensorFlow's relu's.
 */
final class GanLoss {
  private final Ops tf;
  private final LossKind kind;
  private final float realLabel;
  private final int batch;

  /**
   * @param batch the divisor: the whole batch's size
   */
  GanLoss(Ops tf, GanConfig config, int batch) {
    this.tf = tf;
    this.kind = config.loss();
    this.realLabel = config.realLabel();
    this.batch = batch;
  }

  /** D's loss on its logits over real samples. */
  LogitLoss discriminatorReal(Operand<TFloat32> logits) {
    return switch (kind) {
      case STANDARD, MINIMAX -> crossEntropy(logits, realLabel);
      case LEAST_SQUARES -> leastSquares(logits, realLabel);
      case HINGE -> hinge(logits, 1f);
      case WASSERSTEIN -> linear(logits, -1f);
    };
  }

  /** D's loss on its logits over generated samples. */
  LogitLoss discriminatorFake(Operand<TFloat32> logits) {
    return switch (kind) {
      case STANDARD, MINIMAX -> crossEntropy(logits, 0f);
      case LEAST_SQUARES -> leastSquares(logits, 0f);
      case HINGE -> hinge(logits, -1f);
      case WASSERSTEIN -> linear(logits, 1f);
    };
  }

  /** G's loss on D's logits over generated samples. */
  LogitLoss generator(Operand<TFloat32> logits) {
    return switch (kind) {
      case STANDARD -> crossEntropy(logits, 1f);
      case MINIMAX -> saturating(logits);
      case LEAST_SQUARES -> leastSquares(logits, 1f);
      case HINGE, WASSERSTEIN -> linear(logits, -1f);
    };
  }

  /** softplus(ℓ) − tℓ, gradient σ(ℓ) − t: sigmoid cross-entropy against target t. */
  private LogitLoss crossEntropy(Operand<TFloat32> logits, float target) {
    Operand<TFloat32> targets = tf.constant(target);
    Operand<TFloat32> probabilities = tf.math.sigmoid(logits);
    return of(
        tf.math.sub(tf.math.softplus(logits), tf.math.mul(targets, logits)),
        tf.math.sub(probabilities, targets),
        probabilities);
  }

  /** ½(ℓ − t)², gradient ℓ − t. */
  private LogitLoss leastSquares(Operand<TFloat32> logits, float target) {
    Operand<TFloat32> targets = tf.constant(target);
    Operand<TFloat32> probabilities = tf.math.sigmoid(logits);
    Operand<TFloat32> error = tf.math.sub(logits, targets);
    return of(tf.math.mul(tf.constant(0.5f), tf.math.square(error)), error, probabilities);
  }

  /** log(1 − σ(ℓ)) = −softplus(ℓ), gradient −σ(ℓ): the minimax game's G loss. */
  private LogitLoss saturating(Operand<TFloat32> logits) {
    Operand<TFloat32> probabilities = tf.math.sigmoid(logits);
    return of(tf.math.neg(tf.math.softplus(logits)), tf.math.neg(probabilities), probabilities);
  }

  /** relu(1 − sℓ), gradient −s where 1 − sℓ > 0, else 0. */
  private LogitLoss hinge(Operand<TFloat32> logits, float sign) {
    Operand<TFloat32> margin = tf.math.sub(tf.constant(1f), tf.math.mul(tf.constant(sign), logits));
    Operand<TFloat32> active =
        tf.dtypes.cast(tf.math.greater(margin, tf.constant(0f)), TFloat32.class);
    return of(tf.nn.relu(margin), tf.math.mul(tf.constant(-sign), active), tf.math.sigmoid(logits));
  }

  /**
   * sℓ, gradient s. The gradient waits for the logits, so that the backward pass reads D's weights
   * when the forward pass does (after D's update, for G's step or in a chain of iterations), as
   * every other gradient here does through its data.
   */
  private LogitLoss linear(Operand<TFloat32> logits, float sign) {
    Ops after = tf.withControlDependencyOps(List.of(logits.op()));
    Operand<TFloat32> gradient = after.fill(after.shape(logits), after.constant(sign));
    return of(tf.math.mul(tf.constant(sign), logits), gradient, tf.math.sigmoid(logits));
  }

  /** The sum of the per-logit values, and their gradients, divided by the batch size. */
  private LogitLoss of(
      Operand<TFloat32> perLogit, Operand<TFloat32> dLogits, Operand<TFloat32> probabilities) {
    Operand<TFloat32> perBatch = tf.constant(1f / batch);
    Operand<TFloat32> value = tf.math.mul(perBatch, tf.reduceSum(perLogit, LogitLoss.allAxes(tf)));
    return new LogitLoss(value, tf.math.mul(perBatch, dLogits), probabilities);
  }
}
