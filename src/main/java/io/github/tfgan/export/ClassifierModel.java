package io.github.tfgan.export;

import io.github.tfgan.io.Directories;
import io.github.tfgan.io.Errors;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.Names;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An exported evaluation classifier: class probabilities and penultimate features of images. Either
 * MNIST's ({@link #loadBundled}, or {@code train-classifier} without {@code --data}: {@code [-1,
 * 784]} rows, ten digits) or one for images of any shape ({@code train-classifier --data}: {@code
 * [-1, H, W, C]}, K classes, with a {@link ClassifierInfo}). It runs through a {@link
 * SignatureModel}, so it is safe under concurrent calls.
 */
public final class ClassifierModel implements AutoCloseable {
  private static final int CHUNK = 1000;
  private final SignatureModel model;
  private final ClassifierInfo info;
  private final DataShape shape;
  private final long[] inputShape;
  private final int classes;
  private final int featureWidth;

  /**
   * Class probabilities {@code [n, classes()]} and features {@code [n, featureWidth()]}, row-major.
   */
  public record Outputs(float[] probabilities, float[] features) {}

  private ClassifierModel(SignatureModel model, ClassifierInfo info) {
    this.model = model;
    this.info = info;
    SignatureModel.SignatureInfo signature = model.signature(Names.SERVING_DEFAULT);
    var outputs = signature.outputs();
    if (!outputs.containsKey(ClassifierSignatures.FEATURES)
        || !outputs.containsKey(ClassifierSignatures.PROBABILITIES)
        || !signature.inputs().containsKey(Names.SIG_IMAGES)
        || signature.inputs().get(Names.SIG_IMAGES).shape() == null) {
      throw new IllegalArgumentException(
          "a model whose serving_default takes "
              + signature.inputs().keySet()
              + " and gives "
              + outputs.keySet()
              + " (expected input 'images', outputs 'probabilities' and 'features')");
    }
    long[] in = signature.inputs().get(Names.SIG_IMAGES).shape();
    this.inputShape = in.clone();
    this.shape =
        in.length == 4
            ? DataShape.image((int) in[1], (int) in[2], (int) in[3])
            : SampleSignatures.shapeOf(Names.SIG_IMAGES, in);
    this.classes = (int) outputs.get(ClassifierSignatures.PROBABILITIES).shape()[1];
    this.featureWidth = (int) outputs.get(ClassifierSignatures.FEATURES).shape()[1];
    if (info != null && (!info.shape().equals(shape) || info.classes() != classes)) {
      throw new IllegalArgumentException(
          "a classifier of "
              + shape
              + " images and "
              + classes
              + " classes, but its "
              + ClassifierInfo.FILE
              + " says "
              + info.shape()
              + " and "
              + info.classes());
    }
  }

  /** The image shape the classifier takes (MNIST's: 28×28×1). */
  public DataShape shape() {
    return shape;
  }

  /** Number of classes. */
  public int classes() {
    return classes;
  }

  /** Width of the penultimate features. */
  public int featureWidth() {
    return featureWidth;
  }

  /** The class names: the recorded ones, else "0".."K-1" (MNIST's digits). */
  public List<String> classNames() {
    if (info != null) {
      return info.classNames();
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add(Integer.toString(c));
    }
    return names;
  }

  /**
   * What the classifier recorded about itself ({@code train-classifier --data}), or null for
   * MNIST's classifier.
   */
  public ClassifierInfo info() {
    return info;
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

  /**
   * Loads an exported classifier ({@code train-classifier}), with its {@link ClassifierInfo} when
   * it has one.
   *
   * @throws IllegalArgumentException starting with {@code dir} if it holds no classifier, or naming
   *     its info file if that cannot be read
   */
  public static ClassifierModel load(Path dir) {
    ClassifierInfo info;
    try {
      info = ClassifierInfo.readIfPresent(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    SignatureModel model = SignatureModel.load(dir);
    try {
      return new ClassifierModel(model, info);
    } catch (RuntimeException e) {
      model.close();
      throw new IllegalArgumentException(
          model.path()
              + ": expected a classifier (serving_default with outputs probabilities and"
              + " features), found "
              + Errors.describe(e),
          e);
    }
  }

  /**
   * Runs the classifier on {@code n} images of {@link #shape} ({@code n × shape().size()} floats,
   * row-major), in chunks.
   *
   * @throws IllegalArgumentException if {@code images} holds no whole number of images
   */
  public Outputs run(float[] images) {
    int d = shape.size();
    if (images.length == 0 || images.length % d != 0) {
      throw new IllegalArgumentException(
          "images: expected a positive multiple of "
              + d
              + " floats ("
              + shape
              + " images), found "
              + images.length);
    }
    int n = images.length / d;
    float[] probabilities = new float[n * classes];
    float[] features = new float[n * featureWidth];
    for (int start = 0; start < n; start += CHUNK) {
      int m = Math.min(CHUNK, n - start);
      float[] chunk = Arrays.copyOfRange(images, start * d, (start + m) * d);
      long[] dims = inputShape.clone();
      dims[0] = m;
      Map<String, HostTensor> r =
          model.run(
              Names.SERVING_DEFAULT, Map.of(Names.SIG_IMAGES, HostTensor.ofFloats(dims, chunk)));
      float[] p = r.get(ClassifierSignatures.PROBABILITIES).floats();
      float[] f = r.get(ClassifierSignatures.FEATURES).floats();
      System.arraycopy(p, 0, probabilities, start * classes, p.length);
      System.arraycopy(f, 0, features, start * featureWidth, f.length);
    }
    return new Outputs(probabilities, features);
  }

  @Override
  public void close() {
    model.close();
  }
}
