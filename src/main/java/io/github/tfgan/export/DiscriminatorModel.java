package io.github.tfgan.export;

import io.github.tfgan.model.MnistShape;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.Tensors;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/** An exported discriminator loaded with {@link SavedModelBundle}, ready to score images. */
public final class DiscriminatorModel implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final SessionFunction function;
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
  }

  /**
   * Loads an exported discriminator.
   *
   * @param dir a SavedModel directory, or a TF Serving base path (its highest version is loaded)
   * @throws IllegalArgumentException starting with {@code dir} if it holds no discriminator
   *     SavedModel
   */
  public static DiscriminatorModel load(Path dir) {
    return ServingBundles.load(
        dir, "a discriminator (serving_default with output probability)", DiscriminatorModel::new);
  }

  /**
   * Scores images.
   *
   * @param images {@code n × 784} floats in [0, 1], row-major
   */
  public Scores score(float[] images) {
    if (closed) {
      throw new IllegalStateException("DiscriminatorModel: used after close()");
    }
    if (images.length == 0 || images.length % MnistShape.PIXELS != 0) {
      throw new IllegalArgumentException(
          "images: expected a positive multiple of "
              + MnistShape.PIXELS
              + " floats, found "
              + images.length);
    }
    for (int i = 0; i < images.length; i++) {
      if (!(images[i] >= 0f && images[i] <= 1f)) {
        throw new IllegalArgumentException(
            "images: expected pixels in [0, 1], found "
                + images[i]
                + " at image "
                + i / MnistShape.PIXELS
                + ", pixel "
                + i % MnistShape.PIXELS);
      }
    }
    int n = images.length / MnistShape.PIXELS;
    try (TFloat32 x = Tensors.matrix(images, n, MnistShape.PIXELS);
        Result r = function.call(Map.<String, Tensor>of(Names.SIG_IMAGES, x))) {
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
