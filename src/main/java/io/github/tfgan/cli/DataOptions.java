package io.github.tfgan.cli;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.data.DatasetLoader;
import io.github.tfgan.data.ImageData;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --cache-dir}, shared by every command that reads MNIST. */
final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Directory with the IDX files (default: the cache, fetched if missing).")
  Path data;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Where fetched data is kept (default: $GAN_CACHE_DIR if set, else ~/.cache/tf-java-gan).")
  Path cacheDir = DatasetLoader.DEFAULT_CACHE;

  /**
   * A loader that reports its decisions through SLF4J.
   *
   * @throws java.io.IOException naming {@code --cache-dir} if it is a file
   */
  DatasetLoader loader() throws java.io.IOException {
    if (java.nio.file.Files.exists(cacheDir) && !java.nio.file.Files.isDirectory(cacheDir)) {
      throw new java.io.IOException(
          "--cache-dir " + cacheDir + ": expected a directory for the data cache, found a file");
    }
    return new DatasetLoader(cacheDir);
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
