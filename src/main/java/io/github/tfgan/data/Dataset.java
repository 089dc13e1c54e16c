package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import java.util.List;

/**
 * A training or test set of any shape: samples of one {@link DataShape}, optional integer labels,
 * and a note of where it came from. Implementations read IDX files, {@code .npy} arrays, folders of
 * images and CSV files; pixels stay bytes in memory (or memory-mapped), and a sample is turned into
 * floats only when a batch asks for it.
 *
 * <p>Values come out in one of two encodings ({@link #encoding}): {@link Encoding#PIXELS}, images
 * from 0–255 bytes, read as {@code byte / 255f} in [0, 1] (the article's {@code x_train / 255});
 * {@link Encoding#FLOATS}, numbers in the data's own units. How a model scales them for training is
 * the model's choice ({@link io.github.tfgan.model.DataScaling}), not the data's.
 *
 * <p>Implementations are immutable and safe to read from several threads.
 */
public interface Dataset {

  /** How the values of a data set are encoded. */
  enum Encoding {
    /** 8-bit pixels, read as {@code byte / 255f} in [0, 1]. */
    PIXELS,
    /** Floating-point values in the data's own units. */
    FLOATS
  }

  /** The shape of one sample. */
  DataShape shape();

  /** Number of samples. */
  long size();

  /** How {@link #read} encodes values. */
  Encoding encoding();

  /**
   * Copies sample {@code index} into {@code dst} from {@code offset}: {@code shape().size()}
   * floats, row-major (H, W, C), as {@link #encoding} says.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  void read(long index, float[] dst, int offset);

  /** True if every sample has a label. */
  boolean hasLabels();

  /**
   * The label of sample {@code index}, in {@code [0, classNames().size())}.
   *
   * @throws IllegalStateException if the data set has no labels
   */
  int label(long index);

  /**
   * The names of the classes, index by index ("0".."9" for MNIST, the sub-directories of an image
   * folder); empty when the data set has no labels.
   */
  List<String> classNames();

  /** Where the data came from, for logs and run records. */
  String source();

  /** Number of classes; 0 without labels. */
  default int classes() {
    return classNames().size();
  }

  /** The first {@code n} samples, as a view of this data set (for small runs and tests). */
  default Dataset first(long n) {
    return n == size() ? this : new FirstSamples(this, n);
  }

  /** The whole data set as floats, as {@link #read} gives them (small sets and tests). */
  default float[] toFloats() {
    long n = size();
    int d = shape().size();
    if (n * d > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          source() + ": " + n + " samples of " + d + " values do not fit in one float array");
    }
    float[] all = new float[(int) (n * d)];
    for (long i = 0; i < n; i++) {
      read(i, all, (int) (i * d));
    }
    return all;
  }
}
