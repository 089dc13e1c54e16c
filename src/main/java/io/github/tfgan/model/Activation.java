package io.github.tfgan.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** The activations of the dense networks: the article's, and tanh for data in [-1, 1]. */
public enum Activation {
  /** {@code tf.nn.leaky_relu} with its default slope. */
  LEAKY_RELU,
  /** {@code tf.sigmoid}. */
  SIGMOID,
  /** {@code tf.tanh}: outputs in (-1, 1), for data scaled to [-1, 1]. */
  TANH,
  /** No activation: the layer outputs logits, or values in the data's standardised units. */
  LINEAR;

  /** {@code tf.nn.leaky_relu} default {@code alpha}. */
  public static final float LEAKY_RELU_ALPHA = 0.2f;

  /** Applies this activation to {@code x}. */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return switch (this) {
      case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha(LEAKY_RELU_ALPHA));
      case SIGMOID -> tf.math.sigmoid(x);
      case TANH -> tf.math.tanh(x);
      case LINEAR -> x;
    };
  }
}
