package io.github.tfgan.export;

import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.Names;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;

/**
 * What the sample tensor of an exported G or D says about one sample's shape: {@code images} {@code
 * [-1, H, W, C]}; {@code images} {@code [-1, 784]}, MNIST's flat layout from 0.x on; or {@code
 * samples} {@code [-1, D]}, vectors.
 */
final class SampleSignatures {
  private SampleSignatures() {}

  /**
   * @param name the signature tensor's name, {@link Names#SIG_IMAGES} or {@link Names#SIG_SAMPLES}
   * @param dims its shape, batch first
   */
  static DataShape shapeOf(String name, long[] dims) {
    if (dims.length == 4) {
      return DataShape.image((int) dims[1], (int) dims[2], (int) dims[3]);
    }
    int d = (int) dims[1];
    if (!name.equals(Names.SIG_IMAGES)) {
      return DataShape.vector(d);
    }
    return d == DataShape.MNIST.size() ? DataShape.MNIST : DataShape.image(1, d, 1);
  }

  /**
   * Checks labels given to a model: one per row, each in [0, classes), and only to a conditional
   * model.
   *
   * @param classes the number of classes, or {@link Integer#MAX_VALUE} when unknown (a model
   *     without its architecture file)
   * @throws IllegalArgumentException naming {@value Names#SIG_LABEL}, what was expected and found
   */
  static void checkLabels(int[] labels, int rows, boolean conditional, int classes) {
    if (!conditional) {
      throw new IllegalArgumentException(
          "label: expected none (the model is not class-conditional), found " + labels.length);
    }
    if (labels.length != rows) {
      throw new IllegalArgumentException(
          "label: expected one per row (" + rows + "), found " + labels.length);
    }
    int max = classes > 0 ? classes : Integer.MAX_VALUE;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= max) {
        throw new IllegalArgumentException(
            "label: expected classes from 0 to "
                + (max == Integer.MAX_VALUE ? "the model's last" : Integer.toString(max - 1))
                + ", found "
                + labels[i]
                + " at row "
                + i);
      }
    }
  }

  /**
   * A conditional model's second input, {@value Names#SIG_LABEL}: int32 {@code [-1]}; else null.
   */
  static Placeholder<TInt32> labelInput(Ops tf, GanArchitecture arch, Signature.Builder sig) {
    if (!arch.isConditional()) {
      return null;
    }
    Placeholder<TInt32> label =
        tf.withName(Names.SIG_LABEL).placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    sig.input(Names.SIG_LABEL, label);
    return label;
  }
}
