package io.github.tfgan.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.github.tfgan.data.ReadOptions;
import io.github.tfgan.io.Directories;
import io.github.tfgan.io.Errors;
import io.github.tfgan.model.DataShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What an exported image classifier ({@code train-classifier --data}) records beside its weights,
 * in {@code assets.extra/classifier.json}: the image shape it takes, its class names, the data it
 * was trained on (so that {@code evaluate} can draw real images from them by default) and its
 * validation accuracy. MNIST's classifier has no such file: it takes {@code [-1, 784]} rows and
 * MNIST's ten digits.
 *
 * @param shape the images it takes, {@code [H, W, C]}
 * @param classNames one name per class, in logit order
 * @param data the absolute path of its training data, or null
 * @param labels the labels file the data were read with ({@code --labels}), or null
 * @param labelColumn the CSV label column the data were read with, or null
 * @param imageSize the size an image folder was resized to ({@code {H, W}}), or null
 * @param trainingImages images trained on
 * @param validationImages images held out
 * @param validationAccuracy accuracy on the held-out images
 */
public record ClassifierInfo(
    DataShape shape,
    List<String> classNames,
    String data,
    String labels,
    String labelColumn,
    int[] imageSize,
    int trainingImages,
    int validationImages,
    double validationAccuracy) {

  /** The file's name in {@link SavedModelExporter#ASSETS_EXTRA}. */
  public static final String FILE = "classifier.json";

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  /** Checks the shape and the class names. */
  public ClassifierInfo {
    if (shape == null || !shape.isImage()) {
      throw new IllegalArgumentException("shape: expected an image shape, found " + shape);
    }
    if (classNames == null || classNames.size() < 2) {
      throw new IllegalArgumentException(
          "classNames: expected at least 2 classes, found " + classNames);
    }
    classNames = List.copyOf(classNames);
    imageSize = imageSize == null ? null : imageSize.clone();
  }

  /**
   * The info of a classifier trained on {@code data} read with {@code options}.
   *
   * @param data the training data's path
   */
  public static ClassifierInfo of(
      DataShape shape,
      List<String> classNames,
      Path data,
      ReadOptions options,
      int trainingImages,
      int validationImages,
      double validationAccuracy) {
    ReadOptions o = options == null ? ReadOptions.NONE : options;
    return new ClassifierInfo(
        shape,
        classNames,
        data == null ? null : data.toAbsolutePath().normalize().toString(),
        o.labels() == null ? null : o.labels().toAbsolutePath().normalize().toString(),
        o.labelColumn(),
        o.imageSize(),
        trainingImages,
        validationImages,
        validationAccuracy);
  }

  /** Number of classes. */
  public int classes() {
    return classNames.size();
  }

  /** The path of the training data, or null. */
  public Path dataPath() {
    return data == null ? null : Path.of(data);
  }

  /** The options the training data were read with. */
  public ReadOptions readOptions() {
    return new ReadOptions(labels == null ? null : Path.of(labels), labelColumn, imageSize);
  }

  /** {@code {H, W}}, a copy, or null. */
  @Override
  public int[] imageSize() {
    return imageSize == null ? null : imageSize.clone();
  }

  /** Writes this info to {@code file}, atomically, creating its directory. */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Directories.writeAtomically(file, (GSON.toJson(this) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads an info file.
   *
   * @throws IOException naming the file if it is no valid classifier info
   */
  public static ClassifierInfo read(Path file) throws IOException {
    try {
      ClassifierInfo info =
          GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), ClassifierInfo.class);
      if (info == null) {
        throw new IllegalArgumentException("an empty file");
      }
      return info;
    } catch (RuntimeException e) {
      throw new IOException(
          file + ": expected a classifier's shape and classes, found: " + Errors.describe(e), e);
    }
  }

  /**
   * The info recorded in the SavedModel at {@code dir} (or the newest version under a TF Serving
   * base path), or null for a classifier without one (MNIST's).
   */
  public static ClassifierInfo readIfPresent(Path dir) throws IOException {
    Path file = ServingBundles.resolve(dir).resolve(SavedModelExporter.ASSETS_EXTRA).resolve(FILE);
    return Files.isRegularFile(file) ? read(file) : null;
  }
}
