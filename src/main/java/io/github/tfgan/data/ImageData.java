package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.MnistShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A set of 28x28 grey images as float32 in [0, 1] (pixels / 255, as the article scales {@code
 * x_train}), with their labels where known. This class knows no graphs.
 *
 * @param pixels {@code count × 784} floats, row-major, image after image
 * @param labels one label per image (0-9), or {@code null} where the source has none
 * @param source where the data came from, for logs and run records
 */
public record ImageData(float[] pixels, int[] labels, String source) implements Dataset {

  private static final List<String> DIGITS =
      List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

  /** Checks that the pixel array holds whole images and the labels, if any, match in count. */
  public ImageData {
    if (pixels.length == 0 || pixels.length % MnistShape.PIXELS != 0) {
      throw new IllegalArgumentException(
          "pixels: expected a positive multiple of "
              + MnistShape.PIXELS
              + " floats, found "
              + pixels.length);
    }
    if (labels != null && labels.length != pixels.length / MnistShape.PIXELS) {
      throw new IllegalArgumentException(
          "labels: expected "
              + pixels.length / MnistShape.PIXELS
              + " (one per image), found "
              + labels.length);
    }
  }

  /** Number of images. */
  public int count() {
    return pixels.length / MnistShape.PIXELS;
  }

  @Override
  public DataShape shape() {
    return DataShape.MNIST;
  }

  @Override
  public long size() {
    return count();
  }

  @Override
  public Encoding encoding() {
    return Encoding.PIXELS;
  }

  @Override
  public void read(long index, float[] dst, int offset) {
    Objects.checkIndex(index, count());
    System.arraycopy(pixels, (int) index * MnistShape.PIXELS, dst, offset, MnistShape.PIXELS);
  }

  @Override
  public boolean hasLabels() {
    return labels != null;
  }

  @Override
  public int label(long index) {
    return Labels.at(labels, index, count(), source);
  }

  @Override
  public List<String> classNames() {
    return labels == null ? List.of() : DIGITS;
  }

  @Override
  public float[] toFloats() {
    return pixels.clone();
  }

  /** The first {@code n} images (a copy), for small runs and tests. */
  public ImageData head(int n) {
    if (n <= 0 || n > count()) {
      throw new IllegalArgumentException("n: expected 1.." + count() + ", found " + n);
    }
    return new ImageData(
        Arrays.copyOf(pixels, n * MnistShape.PIXELS),
        labels == null ? null : Arrays.copyOf(labels, n),
        source + " (first " + n + ")");
  }

  /**
   * Reads an IDX image file and its label file, checking that both describe the same number of
   * 28x28 images.
   */
  public static ImageData readIdx(Path imagesFile, Path labelsFile, String source)
      throws IOException {
    IdxReader.Images images = IdxReader.readImages(imagesFile);
    if (images.rows() != MnistShape.SIDE || images.cols() != MnistShape.SIDE) {
      throw new IOException(
          imagesFile
              + ": wrong image size: expected 28x28, found "
              + images.rows()
              + "x"
              + images.cols());
    }
    byte[] labelBytes = IdxReader.readLabels(labelsFile);
    if (labelBytes.length != images.count()) {
      throw new IOException(
          labelsFile
              + ": label count does not match "
              + imagesFile.getFileName()
              + ": expected "
              + images.count()
              + ", found "
              + labelBytes.length);
    }
    float[] pixels = new float[images.pixels().length];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (images.pixels()[i] & 0xff) / 255f;
    }
    int[] labels = new int[labelBytes.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = labelBytes[i] & 0xff;
      if (labels[i] > 9) {
        throw new IOException(labelsFile + ": label " + i + ": expected 0-9, found " + labels[i]);
      }
    }
    return new ImageData(pixels, labels, source);
  }
}
