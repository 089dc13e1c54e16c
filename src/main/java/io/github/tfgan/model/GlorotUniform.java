package io.github.tfgan.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Glorot (Xavier) uniform initialisation, the kernel default of {@code tf.layers.dense}: values
 * drawn uniformly from [−limit, limit] with limit = sqrt(6 / (fan_in + fan_out)).
 *
 * <p>Why not {@code org.tensorflow.framework.initializers.Glorot}: in TF Java 1.1.0 its UNIFORM
 * distribution draws from [0, limit) (measured: every kernel value positive), which makes the
 * article's networks start with huge logits. {@code GlorotUniformTest} pins the symmetric range.
 */
final class GlorotUniform {
  private GlorotUniform() {}

  /** sqrt(6 / (fanIn + fanOut)). */
  public static double limit(int fanIn, int fanOut) {
    return Math.sqrt(6.0 / (fanIn + fanOut));
  }

  /**
   * A {@code [fanIn, fanOut]} kernel initialiser, deterministic in {@code seed}.
   *
   * @param init an {@code Ops} in the init scope
   */
  public static Operand<TFloat32> kernel(Ops init, int fanIn, int fanOut, long seed) {
    return kernel(init, new long[] {fanIn, fanOut}, fanIn, fanOut, seed);
  }

  /**
   * A kernel of any {@code shape} with the given fans (for a convolution: kh·kw·in and kh·kw·out).
   *
   * @param init an {@code Ops} in the init scope
   */
  public static Operand<TFloat32> kernel(Ops init, long[] shape, int fanIn, int fanOut, long seed) {
    Operand<TFloat32> unit =
        init.random.statelessRandomUniform(
            init.constant(shape), init.constant(new long[] {seed, fanIn * 65_536L + fanOut}));
    float limit = (float) limit(fanIn, fanOut);
    return init.math.sub(init.math.mul(unit, init.constant(2f * limit)), init.constant(limit));
  }

  /**
   * The initial value of a variable of {@code shape} as {@code tf.layers} gives it: zeros for a
   * bias (rank 1), else Glorot-uniform with fans from the shape (a conv kernel's receptive field
   * times its input or output channels).
   */
  static Operand<TFloat32> initialValue(Ops init, long[] shape, long seed) {
    if (shape.length == 1) {
      return init.zeros(init.constant(shape), TFloat32.class);
    }
    long receptive = shape.length == 4 ? shape[0] * shape[1] : 1;
    int fanIn = (int) (receptive * shape[shape.length - 2]);
    int fanOut = (int) (receptive * shape[shape.length - 1]);
    return kernel(init, shape, fanIn, fanOut, seed);
  }
}
