package io.github.tfgan.image;

import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.MnistShape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes images in [0, 1] (grey or RGB, of any size) as one PNG grid. */
public final class ImageGrid {
  /** Side of one MNIST image in pixels. */
  public static final int SIDE = MnistShape.SIDE;

  /** Blank pixels between images. */
  private static final int PAD = 2;

  private ImageGrid() {}

  /** As {@link #writePng(float[], DataShape, int, Path)} for MNIST's 28x28 grey images. */
  public static void writePng(float[] images, int scale, Path file) throws IOException {
    writePng(images, DataShape.MNIST, scale, file);
  }

  /**
   * Writes {@code images} as a near-square grid, each pixel scaled up {@code scale} times. The file
   * is written to a temporary sibling and renamed into place.
   *
   * @param images {@code n × H·W·C} floats in [0, 1], HWC order (values outside are clamped)
   * @param shape one image's shape: 1 channel (grey) or 3 (RGB)
   */
  public static void writePng(float[] images, DataShape shape, int scale, Path file)
      throws IOException {
    writePng(images, shape, scale, 0, file);
  }

  /**
   * As {@link #writePng(float[], DataShape, int, Path)}, with {@code columns} images per row (a
   * conditional model's grid: one row per class); 0 = a near-square grid.
   */
  public static void writePng(float[] images, DataShape shape, int scale, int columns, Path file)
      throws IOException {
    writePng(images, shape, scale, columns, 0f, file);
  }

  /**
   * As {@link #writePng(float[], DataShape, int, int, Path)}, with the blank pixels between images
   * at grey level {@code padding} in [0, 1] instead of black (to tell images on a black background
   * apart).
   */
  public static void writePng(
      float[] images, DataShape shape, int scale, int columns, float padding, Path file)
      throws IOException {
    if (!shape.isImage()) {
      throw new IllegalArgumentException("shape: expected an image shape, found " + shape);
    }
    int h = shape.height();
    int w = shape.width();
    int c = shape.channels();
    int size = shape.size();
    if (images.length == 0 || images.length % size != 0) {
      throw new IllegalArgumentException(
          "images: expected a positive multiple of " + size + " floats, found " + images.length);
    }
    int n = images.length / size;
    int cols = columns > 0 ? columns : (int) Math.ceil(Math.sqrt(n));
    int rows = (n + cols - 1) / cols;
    int cellW = w * scale + PAD;
    int cellH = h * scale + PAD;
    BufferedImage img =
        new BufferedImage(
            cols * cellW + PAD,
            rows * cellH + PAD,
            c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    int pad = Math.round(Math.max(0f, Math.min(1f, padding)) * 255f);
    if (pad != 0) {
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          for (int ch = 0; ch < c; ch++) {
            img.getRaster().setSample(x, y, ch, pad);
          }
        }
      }
    }
    for (int k = 0; k < n; k++) {
      int x0 = PAD + (k % cols) * cellW;
      int y0 = PAD + (k / cols) * cellH;
      for (int y = 0; y < h * scale; y++) {
        for (int x = 0; x < w * scale; x++) {
          int at = k * size + ((y / scale) * w + x / scale) * c;
          for (int ch = 0; ch < c; ch++) {
            float v = images[at + ch];
            img.getRaster()
                .setSample(x0 + x, y0 + y, ch, Math.round(Math.max(0f, Math.min(1f, v)) * 255f));
          }
        }
      }
    }
    PngImages.write(img, file);
  }
}
