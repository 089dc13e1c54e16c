package io.github.tfgan.export;

import io.github.tfgan.io.Errors;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.Names;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.proto.ConfigProto;

/**
 * An exported discriminator, ready to score images; it runs through a {@link SignatureModel}, so it
 * is safe under concurrent calls. Close it to free the graph and session.
 */
public final class DiscriminatorModel implements AutoCloseable {
  private final SignatureModel model;
  private final String input;
  private final long[] inputShape;
  private final DataShape sampleShape;
  private final boolean conditional;
  private int classes;
  private volatile boolean closed;

  /** D's outputs for n images: {@code probability[i] = sigmoid(logits[i])}. */
  public record Scores(float[] probability, float[] logits) {}

  private DiscriminatorModel(SignatureModel model) {
    this.model = model;
    SignatureModel.SignatureInfo signature = model.signature(Names.SERVING_DEFAULT);
    if (!signature.outputs().containsKey(Names.SIG_PROBABILITY)) {
      throw new IllegalArgumentException(
          "a model whose serving_default gives "
              + signature.outputs().keySet()
              + " (no output 'probability')");
    }
    var inputs = signature.inputs();
    input = inputs.containsKey(Names.SIG_IMAGES) ? Names.SIG_IMAGES : Names.SIG_SAMPLES;
    if (!inputs.containsKey(input) || inputs.get(input).shape() == null) {
      throw new IllegalArgumentException(
          "a model whose serving_default takes " + inputs.keySet() + " (no 'images' or 'samples')");
    }
    inputShape = inputs.get(input).shape();
    sampleShape = SampleSignatures.shapeOf(input, inputShape);
    conditional = inputs.containsKey(Names.SIG_LABEL);
  }

  /** Whether this discriminator is class-conditional: it scores samples with their labels. */
  public boolean isConditional() {
    return conditional;
  }

  /**
   * How many classes a conditional discriminator takes (from its architecture); 0 if unconditional
   * or if the export records no architecture.
   */
  public int classes() {
    return classes;
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
    SignatureModel model = SignatureModel.load(dir, config);
    try {
      DiscriminatorModel d = new DiscriminatorModel(model);
      GanArchitecture arch = ArchitectureFile.readIfPresent(dir);
      d.classes = arch == null || !d.conditional ? 0 : arch.classes();
      return d;
    } catch (IOException e) {
      model.close();
      throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      model.close();
      throw new IllegalArgumentException(
          model.path()
              + ": expected a discriminator (serving_default with output probability), found "
              + Errors.describe(e),
          e);
    }
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
   *
   * @param labels one class per sample, each in [0, {@link #classes()}) when the export records its
   *     classes
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
    HostTensor x = HostTensor.ofFloats(shape, samples);
    Map<String, HostTensor> inputs;
    if (labels == null) {
      inputs = Map.of(input, x);
    } else {
      SampleSignatures.checkLabels(labels, n, conditional, classes);
      inputs = Map.of(input, x, Names.SIG_LABEL, HostTensor.ofInts(new long[] {n}, labels));
    }
    Map<String, HostTensor> out = model.run(Names.SERVING_DEFAULT, inputs);
    return new Scores(out.get(Names.SIG_PROBABILITY).floats(), out.get(Names.SIG_LOGITS).floats());
  }

  @Override
  public void close() {
    closed = true;
    model.close();
  }
}
