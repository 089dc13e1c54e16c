package io.github.tfgan.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/** The activations of the networks' layers. */
public enum Activation {
  /** {@code tf.nn.leaky_relu} with its default slope. */
  LEAKY_RELU,
  /** {@code tf.sigmoid}. */
  SIGMOID,
  /** {@code tf.tanh}: outputs in (-1, 1), for data scaled to [-1, 1]. */
  TANH,
  /** {@code tf.nn.relu}: the DCGAN generator's hidden activation. */
  RELU,
  /** No activation: the layer outputs logits, or values in the data's standardised units. */
  LINEAR;

  /** {@code tf.nn.leaky_relu} default {@code alpha}. */
  public static final float LEAKY_RELU_ALPHA = 0.2f;

  /** The op of this activation's gradient, or null when it has none (linear). */
  public String gradientOp() {
    return switch (this) {
      case LEAKY_RELU -> "LeakyReluGrad";
      case RELU -> "ReluGrad";
      case SIGMOID -> "SigmoidGrad";
      case TANH -> "TanhGrad";
      case LINEAR -> null;
    };
  }

  /**
   * Whether {@link #gradientOp} has a gradient of its own in TF Java 1.1.0 (a penalty on D's input
   * gradient needs it): only LeakyReLU's does, and a linear layer needs none.
   */
  public boolean hasSecondOrderGradient() {
    return this == LEAKY_RELU || this == LINEAR;
  }

  /** Applies this activation to {@code x}. */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    return switch (this) {
      case LEAKY_RELU -> tf.nn.leakyRelu(x, LeakyRelu.alpha(LEAKY_RELU_ALPHA));
      case RELU -> tf.nn.relu(x);
      case SIGMOID -> tf.math.sigmoid(x);
      case TANH -> tf.math.tanh(x);
      case LINEAR -> x;
    };
  }
}
