package io.github.tfgan.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** The activations the article's networks use. */
public enum Activation {
  /** {@code tf.nn.leaky_relu} with its default slope. */
  LEAKY_RELU,
  /** {@code tf.sigmoid}. */
  SIGMOID,
  /** No activation: the layer outputs logits. */
  LINEAR;

  /** {@code tf.nn.leaky_relu} default {@code alpha}. */
  public static final float LEAKY_RELU_ALPHA = 0.2f;

  /** Applies this activation to {@code x}. */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return switch (this) {
      case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha(LEAKY_RELU_ALPHA));
      case SIGMOID -> tf.math.sigmoid(x);
      case LINEAR -> x;
    };
  }
}
