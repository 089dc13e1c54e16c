package io.github.tfgan.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * How {@link Datasets#open} reads a data set, where the data alone cannot say. Every option is
 * optional; one given for a format it does not apply to is an error, not ignored.
 *
 * @param labels a {@code .npy} file of {@code (N,)} integer labels for a {@code .npy} data file, or
 *     null
 * @param labelColumn the header name of the CSV column that holds the labels, or null
 * @param imageSize {@code {height, width}} to which every image of an image folder is resized
 *     (bilinear), or null to require images of one size
 */
public record ReadOptions(Path labels, String labelColumn, int[] imageSize) {

  /** No options: labels only where the data carry them, images of one size. */
  public static final ReadOptions NONE = new ReadOptions(null, null, null);

  /** Checks that the image size, if given, is two positive numbers; copies it. */
  public ReadOptions {
    if (imageSize != null) {
      if (imageSize.length != 2 || imageSize[0] <= 0 || imageSize[1] <= 0) {
        throw new IllegalArgumentException(
            "imageSize: expected {height, width}, both positive, found "
                + Arrays.toString(imageSize));
      }
      imageSize = imageSize.clone();
    }
    if (labelColumn != null && labelColumn.isBlank()) {
      throw new IllegalArgumentException("labelColumn: expected a column name, found a blank");
    }
  }

  /** These options with the labels file {@code file}. */
  public ReadOptions withLabels(Path file) {
    return new ReadOptions(file, labelColumn, imageSize);
  }

  /** These options with the CSV label column {@code name}. */
  public ReadOptions withLabelColumn(String name) {
    return new ReadOptions(labels, name, imageSize);
  }

  /** These options with every image resized to {@code height × width}. */
  public ReadOptions withImageSize(int height, int width) {
    return new ReadOptions(labels, labelColumn, new int[] {height, width});
  }

  /** {@code {height, width}}, a copy, or null. */
  @Override
  public int[] imageSize() {
    return imageSize == null ? null : imageSize.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReadOptions r
        && Objects.equals(labels, r.labels)
        && Objects.equals(labelColumn, r.labelColumn)
        && Arrays.equals(imageSize, r.imageSize);
  }

  @Override
  public int hashCode() {
    return Objects.hash(labels, labelColumn, Arrays.hashCode(imageSize));
  }

  @Override
  public String toString() {
    return "ReadOptions[labels="
        + labels
        + ", labelColumn="
        + labelColumn
        + ", imageSize="
        + Arrays.toString(imageSize)
        + "]";
  }
}
