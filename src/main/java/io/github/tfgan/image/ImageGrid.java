package io.github.tfgan.image;

import io.github.tfgan.io.Directories;
import io.github.tfgan.model.MnistShape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes 28x28 grey images in [0, 1] as one PNG grid. */
public final class ImageGrid {
  /** Side of one image in pixels. */
  public static final int SIDE = MnistShape.SIDE;

  /** Blank pixels between images. */
  private static final int PAD = 2;

  private ImageGrid() {}

  /**
   * Writes {@code images} as a near-square grid, each pixel scaled up {@code scale} times. The file
   * is written to a temporary sibling and renamed into place.
   *
   * @param images {@code n × 784} floats in [0, 1] (values outside are clamped)
   */
  public static void writePng(float[] images, int scale, Path file) throws IOException {
    int pixels = SIDE * SIDE;
    if (images.length == 0 || images.length % pixels != 0) {
      throw new IllegalArgumentException(
          "images: expected a positive multiple of " + pixels + " floats, found " + images.length);
    }
    int n = images.length / pixels;
    int cols = (int) Math.ceil(Math.sqrt(n));
    int rows = (n + cols - 1) / cols;
    int cell = SIDE * scale + PAD;
    BufferedImage img =
        new BufferedImage(cols * cell + PAD, rows * cell + PAD, BufferedImage.TYPE_BYTE_GRAY);
    for (int k = 0; k < n; k++) {
      int x0 = PAD + (k % cols) * cell;
      int y0 = PAD + (k / cols) * cell;
      for (int y = 0; y < SIDE * scale; y++) {
        for (int x = 0; x < SIDE * scale; x++) {
          float v = images[k * pixels + (y / scale) * SIDE + x / scale];
          int g = Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
          img.getRaster().setSample(x0 + x, y0 + y, 0, g);
        }
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    if (!ImageIO.write(img, "png", png)) {
      throw new IOException(file + ": no PNG writer available");
    }
    Directories.writeAtomically(file, png.toByteArray());
  }
}
