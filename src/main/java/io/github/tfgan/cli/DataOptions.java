package io.github.tfgan.cli;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.data.DatasetLoader;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.data.ReadOptions;
import io.github.tfgan.model.DataShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --data} (and how to read it: {@code --labels}, {@code --label-column}, {@code
 * --image-size}) and {@code --cache-dir}, shared by every command that reads data.
 */
final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "PATH",
      description =
          "Data: a directory of IDX files, a .npy ([N,H,W,C], [N,H,W] or [N,D]; uint8 or float),"
              + " a folder of PNG/JPEG images (one sub-folder per class), or a .csv of numbers"
              + " (default: MNIST from the cache, fetched if missing).")
  Path data;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description = "With a .npy --data: its labels, a .npy of N integers.")
  Path labels;

  @Option(
      names = "--label-column",
      paramLabel = "NAME",
      description = "With a .csv --data: the column that holds the labels.")
  String labelColumn;

  @Option(
      names = "--image-size",
      paramLabel = "HxW",
      description = "With a folder of images: resize every image to H x W.")
  String imageSize;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Where fetched data is kept (default: $GAN_CACHE_DIR if set, else ~/.cache/tf-java-gan).")
  Path cacheDir = DatasetLoader.DEFAULT_CACHE;

  /**
   * A loader that reports its decisions through SLF4J.
   *
   * @throws IOException naming {@code --cache-dir} if it is a file
   */
  DatasetLoader loader() throws IOException {
    if (Files.exists(cacheDir) && !Files.isDirectory(cacheDir)) {
      throw new IOException(
          "--cache-dir " + cacheDir + ": expected a directory for the data cache, found a file");
    }
    return new DatasetLoader(cacheDir);
  }

  /** How {@code --data} is to be read, checked before any work. */
  ReadOptions readOptions() {
    if (labels != null && (data == null || !lowerName(data).endsWith(".npy"))) {
      throw new UsageError("--labels: expected it with a .npy --data, found --data " + data);
    }
    if (labelColumn != null && (data == null || !lowerName(data).endsWith(".csv"))) {
      throw new UsageError("--label-column: expected it with a .csv --data, found --data " + data);
    }
    int[] size = null;
    if (imageSize != null) {
      String[] parts = imageSize.toLowerCase(Locale.ROOT).split("x", -1);
      try {
        size = new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
      } catch (RuntimeException e) {
        size = null;
      }
      if (parts.length != 2 || size == null || size[0] <= 0 || size[1] <= 0) {
        throw new UsageError(
            "--image-size: expected HxW with positive sizes (e.g. 32x32), found '"
                + imageSize
                + "'");
      }
    }
    return new ReadOptions(labels, labelColumn, size);
  }

  private static String lowerName(Path p) {
    return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The training data: with no {@code --data}, the built-in set {@code builtIn} from the cache;
   * else whatever {@code --data} names ({@link Datasets#open}). Errors name {@code --data}.
   */
  io.github.tfgan.data.Dataset trainingData(Dataset builtIn) throws Exception {
    ReadOptions options = readOptions();
    if (data == null) {
      return loader().loadTraining(builtIn, null);
    }
    return open(data, options);
  }

  /**
   * {@link Datasets#open}, with errors prefixed by the flag that named the file they are about:
   * {@code --labels} for the labels file, else {@code --data}.
   */
  io.github.tfgan.data.Dataset open(Path path, ReadOptions options) throws Exception {
    try {
      return Datasets.open(path, options);
    } catch (IOException | IllegalArgumentException e) {
      boolean aboutLabels =
          options.labels() != null
              && String.valueOf(e.getMessage()).startsWith(options.labels().toString());
      return Flags.on(
          aboutLabels ? "--labels" : "--data",
          () -> {
            throw e;
          });
    }
  }

  /**
   * Whether {@code loaded} (read from {@code --data}) is the user's own data rather than a copy of
   * a built-in set: anything but 28x28 grey IDX files.
   */
  boolean ownData(io.github.tfgan.data.Dataset loaded) {
    return data != null && !(Datasets.isIdx(data) && loaded.shape().equals(DataShape.MNIST));
  }

  /** True without {@code --data}, or when it names IDX files (MNIST's layout). */
  boolean builtInOrIdx() {
    return data == null || Datasets.isIdx(data);
  }

  /** The training images of {@code dataset}; errors about a named directory name {@code --data}. */
  ImageData training(Dataset dataset) throws Exception {
    DatasetLoader loader = loader();
    return data == null
        ? loader.loadTraining(dataset, null)
        : Flags.on("--data", () -> loader.loadTraining(dataset, data));
  }

  /** The test images of {@code dataset}, as {@link #training}. */
  ImageData test(Dataset dataset) throws Exception {
    DatasetLoader loader = loader();
    return data == null
        ? loader.loadTest(dataset, null)
        : Flags.on("--data", () -> loader.loadTest(dataset, data));
  }
}
