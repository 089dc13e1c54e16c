package io.github.tfgan.export;

import io.github.tfgan.model.MnistClassifier;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.Tensors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/** The exported evaluation classifier: class probabilities and penultimate features of images. */
public final class ClassifierModel implements AutoCloseable {
  private static final int CHUNK = 1000;
  private final SavedModelBundle bundle;
  private final SessionFunction function;

  /** Class probabilities {@code [n, 10]} and features {@code [n, 128]}, row-major. */
  public record Outputs(float[] probabilities, float[] features) {}

  private ClassifierModel(SavedModelBundle bundle) {
    this.bundle = bundle;
    this.function = bundle.function(Names.SERVING_DEFAULT);
    if (!function.signature().outputNames().contains("features")) {
      throw new IllegalArgumentException("no 'features' output");
    }
  }

  /** Loads an exported classifier ({@code train-classifier}). */
  public static ClassifierModel load(Path dir) {
    return ServingBundles.load(
        dir,
        "a classifier (serving_default with outputs probabilities and features)",
        ClassifierModel::new);
  }

  /** Runs the classifier on {@code n × 784} images, in chunks. */
  public Outputs run(float[] images) {
    int n = images.length / 784;
    float[] probabilities = new float[n * MnistClassifier.CLASSES];
    float[] features = new float[n * MnistClassifier.FEATURES];
    for (int start = 0; start < n; start += CHUNK) {
      int m = Math.min(CHUNK, n - start);
      float[] chunk = Arrays.copyOfRange(images, start * 784, (start + m) * 784);
      try (TFloat32 x = Tensors.matrix(chunk, m, 784);
          Result r = function.call(Map.<String, Tensor>of(Names.SIG_IMAGES, x))) {
        float[] p = Tensors.toArray((TFloat32) r.get("probabilities").orElseThrow());
        float[] f = Tensors.toArray((TFloat32) r.get("features").orElseThrow());
        System.arraycopy(p, 0, probabilities, start * MnistClassifier.CLASSES, p.length);
        System.arraycopy(f, 0, features, start * MnistClassifier.FEATURES, f.length);
      }
    }
    return new Outputs(probabilities, features);
  }

  @Override
  public void close() {
    bundle.close();
  }
}
