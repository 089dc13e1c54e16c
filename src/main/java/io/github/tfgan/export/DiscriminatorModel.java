package io.github.tfgan.export;

import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.Tensors;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** An exported discriminator loaded with {@link SavedModelBundle}, ready to score images. */
public final class DiscriminatorModel implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final SessionFunction function;
  private final String input;
  private final long[] inputShape;
  private final DataShape sampleShape;
  private final boolean conditional;
  private boolean closed;

  /** D's outputs for n images: {@code probability[i] = sigmoid(logits[i])}. */
  public record Scores(float[] probability, float[] logits) {}

  private DiscriminatorModel(SavedModelBundle bundle) {
    this.bundle = bundle;
    this.function = bundle.function(Names.SERVING_DEFAULT);
    if (!function.signature().outputNames().contains(Names.SIG_PROBABILITY)) {
      throw new IllegalArgumentException(
          "a model whose serving_default gives "
              + function.signature().outputNames()
              + " (no output 'probability')");
    }
    var inputs = function.signature().getInputs();
    input = inputs.containsKey(Names.SIG_IMAGES) ? Names.SIG_IMAGES : Names.SIG_SAMPLES;
    if (!inputs.containsKey(input)) {
      throw new IllegalArgumentException(
          "a model whose serving_default takes " + inputs.keySet() + " (no 'images' or 'samples')");
    }
    inputShape = inputs.get(input).shape.asArray();
    sampleShape = SampleSignatures.shapeOf(input, inputShape);
    conditional = inputs.containsKey(Names.SIG_LABEL);
  }

  /** Whether this discriminator is class-conditional: it scores samples with their labels. */
  public boolean isConditional() {
    return conditional;
  }

  /** The shape of one sample D takes: images {@code [H, W, C]} in [0, 1], or vectors. */
  public DataShape sampleShape() {
    return sampleShape;
  }

  /**
   * Loads an exported discriminator.
   *
   * @param dir a SavedModel directory, or a TF Serving base path (its highest version is loaded)
   * @throws IllegalArgumentException starting with {@code dir} if it holds no discriminator
   *     SavedModel
   */
  public static DiscriminatorModel load(Path dir) {
    return load(dir, null);
  }

  /**
   * Loads an exported discriminator into a session configured by {@code config} (its thread pools,
   * say).
   *
   * @param dir a SavedModel directory, or a TF Serving base path (its highest version is loaded)
   * @param config the session's configuration; null for TensorFlow's defaults
   * @throws IllegalArgumentException starting with {@code dir} if it holds no discriminator
   *     SavedModel
   */
  public static DiscriminatorModel load(Path dir, ConfigProto config) {
    return ServingBundles.load(
        dir,
        config,
        "a discriminator (serving_default with output probability)",
        DiscriminatorModel::new);
  }

  /**
   * Scores samples.
   *
   * @param samples {@code n × sampleShape().size()} floats, row-major (HWC for images): pixels in
   *     [0, 1], or vectors in the data's units
   */
  public Scores score(float[] samples) {
    if (conditional) {
      throw new IllegalArgumentException(
          "label: this discriminator is class-conditional; expected a label per sample"
              + " (score(samples, labels)), found none");
    }
    return score(samples, null);
  }

  /**
   * Scores samples with their classes, with a conditional discriminator; with null labels, as
   * {@link #score(float[])}.
   */
  public Scores score(float[] samples, int[] labels) {
    if (closed) {
      throw new IllegalStateException("DiscriminatorModel: used after close()");
    }
    int d = sampleShape.size();
    if (samples.length == 0 || samples.length % d != 0) {
      throw new IllegalArgumentException(
          input + ": expected a positive multiple of " + d + " floats, found " + samples.length);
    }
    boolean pixels = input.equals(Names.SIG_IMAGES);
    for (int i = 0; i < samples.length; i++) {
      if (pixels ? !(samples[i] >= 0f && samples[i] <= 1f) : !Float.isFinite(samples[i])) {
        throw new IllegalArgumentException(
            input
                + ": expected "
                + (pixels ? "pixels in [0, 1]" : "finite values")
                + ", found "
                + samples[i]
                + " at sample "
                + i / d
                + ", value "
                + i % d);
      }
    }
    int n = samples.length / d;
    long[] shape = inputShape.clone();
    shape[0] = n;
    if (labels != null) {
      SampleSignatures.checkLabels(labels, n, conditional, Integer.MAX_VALUE);
    }
    try (TFloat32 x = TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(samples, true, false));
        TInt32 l = labels == null ? null : TInt32.vectorOf(labels);
        Result r =
            function.call(
                labels == null
                    ? Map.<String, Tensor>of(input, x)
                    : Map.<String, Tensor>of(input, x, Names.SIG_LABEL, l))) {
      return new Scores(
          Tensors.toArray((TFloat32) r.get(Names.SIG_PROBABILITY).orElseThrow()),
          Tensors.toArray((TFloat32) r.get(Names.SIG_LOGITS).orElseThrow()));
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      bundle.close();
    }
  }
}
