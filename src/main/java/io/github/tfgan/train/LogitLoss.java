package io.github.tfgan.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One part of a GAN loss on D's logits ({@link GanLoss}), summed over the logits and divided by the
 * batch size, with its gradient with respect to the logits in closed form.
 *
 * <p>Starting backpropagation from these gradients, rather than differentiating the loss ops
 * symbolically, leaves out some sixty small ops per iteration (the selects, negations and
 * broadcasts of the generic gradients of the loss and of its mean) with the same gradients.
 *
 * @param value the loss (a scalar)
 * @param gradient d value / d logits, of the logits' shape
 * @param probabilities σ(logits): D(x) or D(G(z)) as the metrics report them, whatever the loss
 */
record LogitLoss(
    Operand<TFloat32> value, Operand<TFloat32> gradient, Operand<TFloat32> probabilities) {

  /** Both axes of a [rows, columns] tensor, for reductions to a scalar. */
  static Operand<TInt32> allAxes(Ops tf) {
    return tf.constant(new int[] {0, 1});
  }
}
