package io.github.tfgan.image;

import io.github.tfgan.io.Directories;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * PNG files: reads a single 28x28 image as float32 in [0, 1] (grey value / 255), writes an image
 * atomically, and sets up the white, antialiased canvas the charts draw on.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the command line's {@code score} and the charts use it.
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

  /**
   * Writes {@code image} as a PNG to {@code file} through a temporary sibling and a rename.
   *
   * @throws IOException naming the file if no PNG writer is available or the write fails
   */
  public static void write(BufferedImage image, Path file) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", png)) {
      throw new IOException(file + ": no PNG writer available");
    }
    Directories.writeAtomically(file, png.toByteArray());
  }

  /** Graphics on {@code image}, filled white, antialiased (shapes and text), drawing in black. */
  public static Graphics2D whiteCanvas(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    return g;
  }
}
