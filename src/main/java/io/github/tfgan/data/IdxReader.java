package io.github.tfgan.data;

import io.github.tfgan.io.Errors;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files MNIST and Fashion-MNIST ship in, raw or gzip-compressed (detected by content,
 * not by name). The magic number, the dimensions and the byte count are all checked; every error is
 * an {@link IOException} naming the file, what was expected and what was found.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * test helpers outside this package use it. Read IDX files with {@link ImageData#readIdx}.
 */
public final class IdxReader {
  /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
  public static final int IMAGES_MAGIC = 0x00000803;

  /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
  public static final int LABELS_MAGIC = 0x00000801;

  private IdxReader() {}

  /** Images as stored: {@code count} images of {@code rows × cols} unsigned bytes, row-major. */
  public record Images(int count, int rows, int cols, byte[] pixels) {}

  /** Reads an images file (magic 0x00000803). */
  public static Images readImages(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      checkMagic(file, readHeaderInt(file, in, "magic number"), IMAGES_MAGIC, "images");
      int count = readDimension(file, in, "image count");
      int rows = readDimension(file, in, "rows");
      int cols = readDimension(file, in, "columns");
      long size = (long) count * rows * cols;
      if (size > Integer.MAX_VALUE - 8) {
        throw new IOException(
            file + ": " + count + "x" + rows + "x" + cols + " pixels is too large");
      }
      return new Images(count, rows, cols, readBody(file, in, (int) size));
    }
  }

  /** Reads a labels file (magic 0x00000801). */
  public static byte[] readLabels(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      checkMagic(file, readHeaderInt(file, in, "magic number"), LABELS_MAGIC, "labels");
      int count = readDimension(file, in, "label count");
      return readBody(file, in, count);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "expected an IDX file, found none");
    }
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    InputStream body = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
    return new DataInputStream(new BufferedInputStream(body, 1 << 16));
  }

  private static void checkMagic(Path file, int found, int expected, String kind)
      throws IOException {
    if (found != expected) {
      throw new IOException(
          String.format(
              "%s: wrong magic number: expected 0x%08x (IDX %s), found 0x%08x",
              file, expected, kind, found));
    }
  }

  private static int readHeaderInt(Path file, DataInputStream in, String what) throws IOException {
    try {
      return in.readInt();
    } catch (EOFException e) {
      throw new IOException(
          file + ": truncated header: expected the " + what + ", found end of file", e);
    } catch (java.util.zip.ZipException e) {
      throw new IOException(file + ": corrupt gzip data: " + Errors.describe(e), e);
    }
  }

  private static int readDimension(Path file, DataInputStream in, String what) throws IOException {
    int value = readHeaderInt(file, in, what);
    if (value <= 0) {
      throw new IOException(
          file + ": bad header: expected a positive " + what + ", found " + value);
    }
    return value;
  }

  private static byte[] readBody(Path file, DataInputStream in, int size) throws IOException {
    // readNBytes(int) grows its buffer with the data actually read: a header that claims millions
    // of images in a small file fails as truncated without allocating what it claims.
    byte[] data;
    try {
      data = in.readNBytes(size);
    } catch (java.util.zip.ZipException | EOFException e) {
      throw new IOException(file + ": corrupt gzip data: " + Errors.describe(e), e);
    }
    if (data.length != size) {
      throw new IOException(
          file
              + ": truncated: expected "
              + size
              + " data bytes after the header, found "
              + data.length);
    }
    if (in.read() != -1) {
      throw new IOException(
          file + ": expected exactly " + size + " data bytes after the header, found more");
    }
    return data;
  }
}
