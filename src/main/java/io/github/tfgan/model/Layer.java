package io.github.tfgan.model;

import java.util.Arrays;
import java.util.List;

/**
 * One layer of a {@link NetworkSpec}. Only the fields of its kind mean something; a layer read from
 * a file written before 0.11 has no kind and is dense.
 *
 * @param kind what it does (null reads as {@link Kind#DENSE})
 * @param units outputs of a dense layer, filters of a convolution
 * @param activation applied last (null reads as linear)
 * @param kernel a convolution's kernel height and width
 * @param stride a convolution's stride in both directions
 * @param shape a reshape's target, without the batch
 */
public record Layer(
    Kind kind, int units, Activation activation, int kernel, int stride, List<Integer> shape) {

  /** What a layer does. */
  public enum Kind {
    /** {@code activation(x · kernel + bias)} on a rank-1 input. */
    DENSE,
    /** To {@code shape} ({@code [H, W, C]}, or {@code [D]} to flatten); no variables. */
    RESHAPE,
    /** {@code activation(conv2d(x, kernel) + bias)}, NHWC, padding SAME, on a rank-3 input. */
    CONV,
    /**
     * A transposed convolution (Conv2DBackpropInput): SAME padding, the output {@code stride}×
     * larger.
     */
    CONV_TRANSPOSE,
    /**
     * Batch normalisation over all axes but the last (Keras's defaults: momentum 0.99, ε 0.001),
     * then {@code activation}: batch statistics in training, moving averages in inference.
     */
    BATCH_NORM
  }

  /** Fills the defaults of a layer read from an older file and copies the shape. */
  public Layer {
    kind = kind == null ? Kind.DENSE : kind;
    activation = activation == null ? Activation.LINEAR : activation;
    shape = shape == null ? List.of() : List.copyOf(shape);
  }

  /** A dense layer: {@code units} outputs, then {@code activation}. */
  public Layer(int units, Activation activation) {
    this(Kind.DENSE, units, activation, 0, 0, null);
  }

  /** A dense layer. */
  public static Layer dense(int units, Activation activation) {
    return new Layer(units, activation);
  }

  /** A reshape to {@code shape} (without the batch). */
  public static Layer reshape(int... shape) {
    return new Layer(
        Kind.RESHAPE, 0, Activation.LINEAR, 0, 0, Arrays.stream(shape).boxed().toList());
  }

  /** A convolution: {@code filters} outputs, a {@code kernel}×{@code kernel} window. */
  public static Layer conv(int filters, int kernel, int stride, Activation activation) {
    return new Layer(Kind.CONV, filters, activation, kernel, stride, null);
  }

  /** A transposed convolution, {@code stride}× up. */
  public static Layer convTranspose(int filters, int kernel, int stride, Activation activation) {
    return new Layer(Kind.CONV_TRANSPOSE, filters, activation, kernel, stride, null);
  }

  /** Batch normalisation, then {@code activation}. */
  public static Layer batchNorm(Activation activation) {
    return new Layer(Kind.BATCH_NORM, 0, activation, 0, 0, null);
  }

  /** The layer's name stem in variable names and summaries: dense, conv, deconv, bn, reshape. */
  public String typeName() {
    return switch (kind) {
      case DENSE -> "dense";
      case RESHAPE -> "reshape";
      case CONV -> "conv";
      case CONV_TRANSPOSE -> "deconv";
      case BATCH_NORM -> "bn";
    };
  }

  /**
   * The output shape (without the batch) for an input of {@code in}.
   *
   * @throws IllegalArgumentException when the layer does not fit {@code in}
   */
  public int[] outputShape(int[] in) {
    return switch (kind) {
      case DENSE -> {
        need(in.length == 1 && units > 0, in, "a vector input and units > 0");
        yield new int[] {units};
      }
      case RESHAPE -> {
        int[] out = shape.stream().mapToInt(Integer::intValue).toArray();
        need(
            (out.length == 1 || out.length == 3) && size(out) == size(in) && size(out) > 0,
            in,
            "a target [D] or [H, W, C] of as many values");
        yield out;
      }
      case CONV, CONV_TRANSPOSE -> {
        need(
            in.length == 3 && units > 0 && kernel > 0 && stride > 0,
            in,
            "an [H, W, C] input, filters, kernel and stride > 0");
        yield kind == Kind.CONV
            ? new int[] {ceilDiv(in[0], stride), ceilDiv(in[1], stride), units}
            : new int[] {in[0] * stride, in[1] * stride, units};
      }
      case BATCH_NORM -> in.clone();
    };
  }

  /** Trainable parameters for an input of {@code in}: kernel and bias, or BN's γ and β. */
  public long parameterCount(int[] in) {
    long channels = in[in.length - 1];
    return switch (kind) {
      case DENSE -> channels * units + units;
      case CONV, CONV_TRANSPOSE -> (long) kernel * kernel * channels * units + units;
      case BATCH_NORM -> 2 * channels;
      case RESHAPE -> 0;
    };
  }

  /** Non-trainable values: BN's moving mean and variance. */
  public long stateCount(int[] in) {
    return kind == Kind.BATCH_NORM ? 2L * in[in.length - 1] : 0;
  }

  private void need(boolean ok, int[] in, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(
          typeName()
              + " layer: expected "
              + expected
              + ", found input "
              + Arrays.toString(in)
              + " for "
              + this);
    }
  }

  private static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
