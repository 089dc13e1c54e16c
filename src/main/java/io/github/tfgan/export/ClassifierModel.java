package io.github.tfgan.export;

import io.github.tfgan.io.Directories;
import io.github.tfgan.model.MnistClassifier;
import io.github.tfgan.model.MnistShape;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.Tensors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
      throw new IllegalArgumentException(
          "a model whose serving_default gives "
              + function.signature().outputNames()
              + " (no output 'features')");
    }
  }

  /** Where the jar carries the shipped classifier ({@code savedmodels/classifier/1}). */
  static final String BUNDLED = "/io/github/tfgan/export/classifier/";

  /** The files of the shipped classifier's SavedModel. */
  private static final List<String> BUNDLED_FILES =
      List.of(
          "saved_model.pb", "variables/variables.index", "variables/variables.data-00000-of-00001");

  /**
   * Loads the classifier this library ships (the CNN of {@code train-classifier}, 99.10% MNIST test
   * accuracy), wherever the process runs: it is copied from the jar into a temporary directory,
   * loaded and the copy deleted.
   *
   * @throws IOException if the jar lacks it or the copy cannot be written
   */
  public static ClassifierModel loadBundled() throws IOException {
    Path tmp = Files.createTempDirectory("tf-java-gan-classifier");
    try {
      for (String name : BUNDLED_FILES) {
        try (InputStream in = ClassifierModel.class.getResourceAsStream(BUNDLED + name)) {
          if (in == null) {
            throw new IOException(
                "the shipped classifier: expected " + BUNDLED + name + " in the jar, found none");
          }
          Path target = tmp.resolve(name);
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
      return load(tmp);
    } finally {
      Directories.deleteTree(tmp);
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
    int n = images.length / MnistShape.PIXELS;
    float[] probabilities = new float[n * MnistClassifier.CLASSES];
    float[] features = new float[n * MnistClassifier.FEATURES];
    for (int start = 0; start < n; start += CHUNK) {
      int m = Math.min(CHUNK, n - start);
      float[] chunk =
          Arrays.copyOfRange(images, start * MnistShape.PIXELS, (start + m) * MnistShape.PIXELS);
      try (TFloat32 x = Tensors.matrix(chunk, m, MnistShape.PIXELS);
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
