package io.github.tfgan.model;

import java.util.Arrays;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * How a model maps data to the values its networks train on, and back: part of the model, so that
 * an exported generator returns data in the data's own terms and an exported discriminator takes
 * them, and a client never rescales by hand.
 *
 * <ul>
 *   <li>{@link Kind#UNIT}: pixels in [0, 1] are trained on as they are (the article; G ends in a
 *       sigmoid).
 *   <li>{@link Kind#SYMMETRIC}: pixels in [0, 1] train as {@code 2v − 1} in [-1, 1] (G ends in
 *       tanh, as DCGAN and Keras's examples); exports map back with {@code (x + 1) / 2}.
 *   <li>{@link Kind#STANDARD}: float data train as {@code (v − mean) / std} per feature (G ends
 *       linear); exports return {@code x · std + mean}, the data's own units.
 * </ul>
 *
 * @param kind which mapping
 * @param mean per-feature means ({@link Kind#STANDARD} only, else null)
 * @param std per-feature standard deviations, positive ({@link Kind#STANDARD} only, else null)
 */
public record DataScaling(Kind kind, float[] mean, float[] std) {

  /** The mappings. */
  public enum Kind {
    /** Values in [0, 1], trained on as they are. */
    UNIT,
    /** Values in [0, 1], trained on in [-1, 1]. */
    SYMMETRIC,
    /** Values standardised per feature. */
    STANDARD
  }

  /** The article's: pixels in [0, 1] as they are. */
  public static final DataScaling UNIT = new DataScaling(Kind.UNIT, null, null);

  /** Pixels in [0, 1] trained on in [-1, 1]. */
  public static final DataScaling SYMMETRIC = new DataScaling(Kind.SYMMETRIC, null, null);

  /** Checks that a standardisation has positive, finite statistics of one length. */
  public DataScaling {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.STANDARD) {
      if (mean == null || std == null || mean.length != std.length || mean.length == 0) {
        throw new IllegalArgumentException(
            "scaling: expected per-feature mean and std of one length, found "
                + (mean == null ? "no mean" : mean.length)
                + " and "
                + (std == null ? "no std" : std.length));
      }
      for (int i = 0; i < std.length; i++) {
        if (!(std[i] > 0f) || !Float.isFinite(std[i]) || !Float.isFinite(mean[i])) {
          throw new IllegalArgumentException(
              "scaling: feature "
                  + i
                  + ": expected finite mean and std > 0, found "
                  + mean[i]
                  + " and "
                  + std[i]);
        }
      }
    } else if (mean != null || std != null) {
      throw new IllegalArgumentException("scaling: " + kind + " takes no statistics");
    }
  }

  /** Standardisation with these per-feature statistics (copied). */
  public static DataScaling standard(float[] mean, float[] std) {
    return new DataScaling(Kind.STANDARD, mean.clone(), std.clone());
  }

  /** The activation that ends a generator producing values in this scaling's training space. */
  public Activation generatorOutput() {
    return switch (kind) {
      case UNIT -> Activation.SIGMOID;
      case SYMMETRIC -> Activation.TANH;
      case STANDARD -> Activation.LINEAR;
    };
  }

  /**
   * Maps {@code length} values of whole samples, in place, from the data's terms to the training
   * space. UNIT leaves them untouched (bit for bit).
   */
  public void toModel(float[] values, int offset, int length) {
    switch (kind) {
      case UNIT -> {}
      case SYMMETRIC -> {
        for (int i = offset; i < offset + length; i++) {
          values[i] = values[i] * 2f - 1f;
        }
      }
      case STANDARD -> {
        int d = mean.length;
        for (int i = 0; i < length; i++) {
          int f = i % d;
          values[offset + i] = (values[offset + i] - mean[f]) / std[f];
        }
      }
    }
  }

  /** Maps values of whole samples, in place, from the training space back to the data's terms. */
  public void fromModel(float[] values, int offset, int length) {
    switch (kind) {
      case UNIT -> {}
      case SYMMETRIC -> {
        for (int i = offset; i < offset + length; i++) {
          values[i] = (values[i] + 1f) * 0.5f;
        }
      }
      case STANDARD -> {
        int d = mean.length;
        for (int i = 0; i < length; i++) {
          int f = i % d;
          values[offset + i] = values[offset + i] * std[f] + mean[f];
        }
      }
    }
  }

  /** {@link #fromModel(float[], int, int)} on all of {@code values}, which it returns. */
  public float[] fromModel(float[] values) {
    fromModel(values, 0, values.length);
    return values;
  }

  /** The graph ops of {@link #toModel} on {@code x} {@code [batch, D]}. */
  public Operand<TFloat32> toModel(Ops tf, Operand<TFloat32> x) {
    return switch (kind) {
      case UNIT -> x;
      case SYMMETRIC -> tf.math.sub(tf.math.mul(x, tf.constant(2f)), tf.constant(1f));
      case STANDARD -> tf.math.div(tf.math.sub(x, vector(tf, mean)), vector(tf, std));
    };
  }

  /** The graph ops of {@link #fromModel} on {@code x} {@code [batch, D]}. */
  public Operand<TFloat32> fromModel(Ops tf, Operand<TFloat32> x) {
    return switch (kind) {
      case UNIT -> x;
      case SYMMETRIC -> tf.math.mul(tf.math.add(x, tf.constant(1f)), tf.constant(0.5f));
      case STANDARD -> tf.math.add(tf.math.mul(x, vector(tf, std)), vector(tf, mean));
    };
  }

  private static Operand<TFloat32> vector(Ops tf, float[] values) {
    return tf.constant(Shape.of(values.length), DataBuffers.of(values, true, false));
  }

  /** A short description for logs: "unit", "symmetric", "standard (8 features)". */
  public String describe() {
    return switch (kind) {
      case UNIT -> "[0, 1] as is";
      case SYMMETRIC -> "[0, 1] trained in [-1, 1]";
      case STANDARD -> "standardised per feature (" + mean.length + " features)";
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataScaling s
        && kind == s.kind
        && Arrays.equals(mean, s.mean)
        && Arrays.equals(std, s.std);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, Arrays.hashCode(mean), Arrays.hashCode(std));
  }

  @Override
  public String toString() {
    return "DataScaling[" + describe() + "]";
  }
}
