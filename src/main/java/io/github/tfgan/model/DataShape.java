package io.github.tfgan.model;

import java.util.List;

/**
 * The shape of one sample, without the batch: an image {@code [height, width, channels]} or a
 * vector {@code [features]}. Networks, feeds, exports and writers take their sizes from it.
 *
 * @param dims {@code [H, W, C]} for images, {@code [D]} for vectors; every entry positive
 */
public record DataShape(List<Integer> dims) {

  /** MNIST's and Fashion-MNIST's 28 × 28 grey images. */
  public static final DataShape MNIST = image(28, 28, 1);

  /** Checks the rank and that every dimension is positive; copies the list. */
  public DataShape {
    if (dims == null || (dims.size() != 1 && dims.size() != 3)) {
      throw new IllegalArgumentException(
          "shape: expected [height, width, channels] or [features], found " + dims);
    }
    for (Integer d : dims) {
      if (d == null || d <= 0) {
        throw new IllegalArgumentException("shape: expected positive dimensions, found " + dims);
      }
    }
    dims = List.copyOf(dims);
    if (dims.size() == 3 && dims.get(2) != 1 && dims.get(2) != 3) {
      throw new IllegalArgumentException(
          "shape: expected 1 (grey) or 3 (RGB) channels, found " + dims.get(2) + " in " + dims);
    }
    long product = 1;
    for (int d : dims) {
      product *= d;
    }
    if (product > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("shape: expected at most 2^31 values, found " + dims);
    }
  }

  /** An image shape. */
  public static DataShape image(int height, int width, int channels) {
    return new DataShape(List.of(height, width, channels));
  }

  /** A vector shape of {@code features} values. */
  public static DataShape vector(int features) {
    return new DataShape(List.of(features));
  }

  /** True for {@code [H, W, C]}, false for vectors. */
  public boolean isImage() {
    return dims.size() == 3;
  }

  /** Image height; 1 for a vector. */
  public int height() {
    return isImage() ? dims.get(0) : 1;
  }

  /** Image width; the feature count for a vector. */
  public int width() {
    return isImage() ? dims.get(1) : dims.get(0);
  }

  /** Image channels; 1 for a vector. */
  public int channels() {
    return isImage() ? dims.get(2) : 1;
  }

  /** Values per sample: H·W·C, or D. */
  public int size() {
    return height() * width() * channels();
  }

  /** The shape with a leading batch dimension {@code batch} (-1: unknown). */
  public long[] withBatch(long batch) {
    long[] all = new long[dims.size() + 1];
    all[0] = batch;
    for (int i = 0; i < dims.size(); i++) {
      all[i + 1] = dims.get(i);
    }
    return all;
  }

  /** "28x28x1" for an image, "8" for a vector of 8. */
  @Override
  public String toString() {
    return isImage() ? height() + "x" + width() + "x" + channels() : Integer.toString(width());
  }

  /** What a reader of this shape would call one sample: "28x28 grey image", "8-vector". */
  public String describe() {
    return isImage()
        ? height() + "x" + width() + (channels() == 1 ? " grey" : " RGB") + " images"
        : width() + "-dimensional vectors";
  }
}
