package io.github.tfgan.testing;

import io.github.tfgan.data.IdxReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Writes the small synthetic files the data tests read: .npy, IDX and images. */
public final class TestFiles {
  private TestFiles() {}

  /**
   * A .npy file: version 1.0 header with {@code descr}, C order, {@code shape}, then {@code body}.
   */
  public static Path npy(Path file, String descr, String shape, byte[] body) throws IOException {
    return npy(file, descr, false, shape, body);
  }

  /** A .npy file, C or Fortran order. */
  public static Path npy(Path file, String descr, boolean fortran, String shape, byte[] body)
      throws IOException {
    String dict =
        "{'descr': '"
            + descr
            + "', 'fortran_order': "
            + (fortran ? "True" : "False")
            + ", 'shape': "
            + shape
            + ", }";
    int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(header.length() & 0xff);
    out.write(header.length() >> 8);
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    Files.write(file, out.toByteArray());
    return file;
  }

  /** Little-endian float32 bytes. */
  public static byte[] f4(float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return b.array();
  }

  /** Little-endian float64 bytes. */
  public static byte[] f8(double... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(values);
    return b.array();
  }

  /** Little-endian integers of {@code bytes} bytes each. */
  public static byte[] ints(int bytes, long... values) {
    ByteBuffer b = ByteBuffer.allocate(bytes * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      switch (bytes) {
        case 1 -> b.put((byte) v);
        case 2 -> b.putShort((short) v);
        case 4 -> b.putInt((int) v);
        default -> b.putLong(v);
      }
    }
    return b.array();
  }

  /** Bytes 0, 1, 2, .. (mod 256). */
  public static byte[] counting(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /** An IDX images file (magic 0x803) of {@code count × rows × cols} bytes, gzip if asked. */
  public static void idxImages(
      Path file, int count, int rows, int cols, byte[] pixels, boolean gzip) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream body = gzip ? new GZIPOutputStream(raw) : raw;
        DataOutputStream out = new DataOutputStream(body)) {
      out.writeInt(IdxReader.IMAGES_MAGIC);
      out.writeInt(count);
      out.writeInt(rows);
      out.writeInt(cols);
      out.write(pixels);
    }
  }

  /** An IDX labels file (magic 0x801). */
  public static void idxLabels(Path file, byte[] labels, boolean gzip) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream body = gzip ? new GZIPOutputStream(raw) : raw;
        DataOutputStream out = new DataOutputStream(body)) {
      out.writeInt(IdxReader.LABELS_MAGIC);
      out.writeInt(labels.length);
      out.write(labels);
    }
  }

  /** A grey 8-bit image whose pixel (y, x) is {@code base + y * w + x}. */
  public static BufferedImage grey(int h, int w, int base) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.getRaster().setSample(x, y, 0, (base + y * w + x) & 0xff);
      }
    }
    return image;
  }

  /** An RGB image whose pixel (y, x) is (base + x, base + y, base + x + y) (mod 256). */
  public static BufferedImage rgb(int h, int w, int base) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = (base + x) & 0xff;
        int g = (base + y) & 0xff;
        int b = (base + x + y) & 0xff;
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return image;
  }

  /** Writes {@code image} as {@code format} ("png" or "jpg") to {@code file}. */
  public static Path image(Path file, BufferedImage image, String format) throws IOException {
    Files.createDirectories(file.getParent());
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IOException("no writer for " + format);
    }
    return file;
  }
}
