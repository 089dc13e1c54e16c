package io.github.tfgan.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fashion-MNIST where Debian's {@code dataset-fashion-mnist} package installs it. */
final class DebianFashionSource {
  /** Where Debian's {@code dataset-fashion-mnist} installs Fashion-MNIST. */
  public static final Path DEBIAN_FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  private final Path dir;

  /**
   * @param dir where the package's IDX files are
   */
  public DebianFashionSource(Path dir) {
    this.dir = dir;
  }

  /** The package's standard location. */
  public static DebianFashionSource standard() {
    return new DebianFashionSource(DEBIAN_FASHION_DIR);
  }

  /** A note for run records. */
  public String note() {
    return "Debian dataset-fashion-mnist (" + dir + ")";
  }

  /**
   * The directory of the IDX files.
   *
   * @throws IOException naming the directory and the package if it is not there
   */
  public Path locate() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          "Fashion-MNIST: expected it in "
              + dir
              + " (apt-get install dataset-fashion-mnist) or a data directory, found neither");
    }
    return dir;
  }
}
