package io.github.tfgan.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One place MNIST can be fetched from. {@link DatasetLoader} tries its sources in order, each into
 * an empty staging directory that it moves into the cache only when the source succeeded.
 */
interface MnistSource {
  /** What the source is, for logs and errors. */
  String name();

  /**
   * Whether it gives a subset of the training set (the npm package's 10,000 digits) instead of the
   * four original files.
   */
  default boolean subset() {
    return false;
  }

  /**
   * Writes the source's files into {@code dir}: the four original {@code .gz} files, MD5-verified,
   * or for a subset the training IDX files.
   *
   * @return the note recorded as the data's source (and in every run record)
   * @throws IOException naming the source if it is unavailable or gives wrong files
   */
  String fetchInto(Path dir) throws IOException;
}
