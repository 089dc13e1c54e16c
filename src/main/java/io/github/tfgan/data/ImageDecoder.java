package io.github.tfgan.data;

import io.github.tfgan.io.Errors;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads image files through {@link ImageIO} into bytes, row-major (H, W, C): a header-only probe
 * (size, grey or not), a full decode that treats the reader's warnings (a truncated JPEG) as
 * errors, and a bilinear resize. Grey samples are taken as stored (no colour-space conversion), so
 * an 8-bit grey PNG reads back exactly; colour is read as sRGB, alpha dropped.
 */
final class ImageDecoder {
  private ImageDecoder() {}

  /**
   * What an image's header says.
   *
   * @param height rows
   * @param width columns
   * @param grey true if it has one colour channel (or a palette of greys only)
   */
  record Probe(int height, int width, boolean grey) {}

  /** An action on an image reader positioned on {@code file}. */
  private interface ReaderAction<T> {
    T apply(ImageReader reader) throws IOException;
  }

  /** Reads the size and the colour type of {@code file}, not its pixels. */
  static Probe probe(Path file) throws IOException {
    return withReader(
        file,
        reader -> {
          ImageTypeSpecifier type = reader.getRawImageType(0);
          if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
          }
          boolean grey = type != null && isGrey(type.getColorModel());
          return new Probe(reader.getHeight(0), reader.getWidth(0), grey);
        });
  }

  /**
   * Decodes {@code file} into {@code height × width × channels} bytes.
   *
   * @param channels 1 (grey: the grey samples, or the luma of a colour image) or 3 (RGB: a grey
   *     image's samples repeated)
   * @return the bytes, and the decoded image's size in {@code size[0]} (height), {@code size[1]}
   */
  static byte[] decode(Path file, int channels, int[] size) throws IOException {
    BufferedImage image =
        withReader(
            file,
            reader -> {
              List<String> warnings = new ArrayList<>();
              reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
              BufferedImage decoded = reader.read(0);
              if (!warnings.isEmpty()) {
                throw new IOException("the decoder warned: " + warnings.get(0));
              }
              return decoded;
            });
    size[0] = image.getHeight();
    size[1] = image.getWidth();
    return pixels(image, channels);
  }

  private static <T> T withReader(Path file, ReaderAction<T> action) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new IOException(file + ": unreadable image: expected a file ImageIO can open");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException(
            file + ": unreadable image: expected PNG or JPEG data, found a format none reads");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return action.apply(reader);
      } catch (IOException | RuntimeException e) {
        Throwable cause = e.getCause();
        throw new IOException(
            file
                + ": unreadable image (truncated or corrupt?): "
                + Errors.describe(e)
                + (cause == null || cause == e ? "" : " (" + Errors.describe(cause) + ")"),
            e);
      } finally {
        reader.dispose();
      }
    }
  }

  /** True for a grey colour space, or a palette whose colours are all grey. */
  private static boolean isGrey(ColorModel model) {
    if (model instanceof IndexColorModel palette) {
      for (int i = 0; i < palette.getMapSize(); i++) {
        int rgb = palette.getRGB(i);
        if (((rgb >> 16) & 0xff) != (rgb & 0xff) || ((rgb >> 8) & 0xff) != (rgb & 0xff)) {
          return false;
        }
      }
      return true;
    }
    return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
  }

  private static byte[] pixels(BufferedImage image, int channels) {
    int h = image.getHeight();
    int w = image.getWidth();
    byte[] out = new byte[h * w * channels];
    ColorModel model = image.getColorModel();
    int[] row = new int[w];
    if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && !(model instanceof IndexColorModel)) {
      Raster raster = image.getRaster();
      int max = (1 << model.getComponentSize(0)) - 1;
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          int v = max == 255 ? row[x] : (int) ((row[x] * 255L + max / 2) / max);
          for (int c = 0; c < channels; c++) {
            out[(y * w + x) * channels + c] = (byte) v;
          }
        }
      }
      return out;
    }
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int r = (row[x] >> 16) & 0xff;
        int g = (row[x] >> 8) & 0xff;
        int b = row[x] & 0xff;
        int at = (y * w + x) * channels;
        if (channels == 3) {
          out[at] = (byte) r;
          out[at + 1] = (byte) g;
          out[at + 2] = (byte) b;
        } else {
          out[at] =
              (byte) (r == g && g == b ? r : Math.round(0.299f * r + 0.587f * g + 0.114f * b));
        }
      }
    }
    return out;
  }

  /**
   * Resizes {@code h × w × c} bytes to {@code toH × toW × c}, bilinear with pixel centres aligned
   * (as TensorFlow's {@code resize(..., "bilinear")} without antialiasing).
   */
  static byte[] resize(byte[] src, int h, int w, int c, int toH, int toW) {
    if (h == toH && w == toW) {
      return src;
    }
    byte[] dst = new byte[toH * toW * c];
    double sy = (double) h / toH;
    double sx = (double) w / toW;
    for (int y = 0; y < toH; y++) {
      double fy = Math.max(0, (y + 0.5) * sy - 0.5);
      int y0 = Math.min((int) fy, h - 1);
      int y1 = Math.min(y0 + 1, h - 1);
      double wy = fy - y0;
      for (int x = 0; x < toW; x++) {
        double fx = Math.max(0, (x + 0.5) * sx - 0.5);
        int x0 = Math.min((int) fx, w - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        double wx = fx - x0;
        for (int k = 0; k < c; k++) {
          double top = (1 - wx) * at(src, y0, x0, k, w, c) + wx * at(src, y0, x1, k, w, c);
          double bottom = (1 - wx) * at(src, y1, x0, k, w, c) + wx * at(src, y1, x1, k, w, c);
          long v = Math.round((1 - wy) * top + wy * bottom);
          dst[(y * toW + x) * c + k] = (byte) Math.max(0, Math.min(255, v));
        }
      }
    }
    return dst;
  }

  private static int at(byte[] src, int y, int x, int k, int w, int c) {
    return src[(y * w + x) * c + k] & 0xff;
  }
}
