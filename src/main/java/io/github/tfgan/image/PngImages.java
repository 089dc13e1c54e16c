package io.github.tfgan.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads a single 28x28 image from a PNG, as float32 in [0, 1] (grey value / 255).
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the command line's {@code score} uses it.
 */
public final class PngImages {
  private PngImages() {}

  /**
   * @return 784 floats, row-major
   * @throws IOException naming the file if it is missing, not an image, or not 28x28
   */
  public static float[] readDigit(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": expected a PNG file, found none");
    }
    BufferedImage img = ImageIO.read(file.toFile());
    if (img == null) {
      throw new IOException(file + ": expected a PNG image, found unreadable data");
    }
    if (img.getWidth() != ImageGrid.SIDE || img.getHeight() != ImageGrid.SIDE) {
      throw new IOException(
          file + ": expected a 28x28 image, found " + img.getWidth() + "x" + img.getHeight());
    }
    float[] out = new float[ImageGrid.SIDE * ImageGrid.SIDE];
    for (int y = 0; y < ImageGrid.SIDE; y++) {
      for (int x = 0; x < ImageGrid.SIDE; x++) {
        int rgb = img.getRGB(x, y);
        int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
        out[y * ImageGrid.SIDE + x] = grey / 255f;
      }
    }
    return out;
  }
}
