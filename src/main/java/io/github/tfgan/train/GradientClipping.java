package io.github.tfgan.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@code tf.clip_by_global_norm}: scale all gradients by clip / max(global norm, clip). */
final class GradientClipping {
  private GradientClipping() {}

  /**
   * @param grads gradients of one network
   * @param clipNorm the largest global L2 norm allowed, > 0
   * @return the gradients, scaled together so that their global norm is at most {@code clipNorm}
   */
  public static List<Operand<TFloat32>> clipByGlobalNorm(
      Ops tf, List<Operand<TFloat32>> grads, float clipNorm) {
    Operand<TFloat32> sumSquares = null;
    for (Operand<TFloat32> g : grads) {
      Operand<TFloat32> s = tf.sum(tf.math.square(g), allAxes(tf, g));
      sumSquares = sumSquares == null ? s : tf.math.add(sumSquares, s);
    }
    Operand<TFloat32> globalNorm = tf.math.sqrt(sumSquares);
    Operand<TFloat32> clip = tf.constant(clipNorm);
    Operand<TFloat32> scale = tf.math.div(clip, tf.math.maximum(globalNorm, clip));
    List<Operand<TFloat32>> clipped = new ArrayList<>();
    for (Operand<TFloat32> g : grads) {
      clipped.add(tf.math.mul(g, scale));
    }
    return clipped;
  }

  private static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf, Operand<TFloat32> g) {
    return tf.range(tf.constant(0), tf.rank(g), tf.constant(1));
  }
}
