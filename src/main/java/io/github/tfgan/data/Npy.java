package io.github.tfgan.data;

import io.github.tfgan.io.Directories;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format for 2-D float32 arrays, the form Python users hand around. Reading
 * checks the magic string, the dtype ({@code <f4}), the memory order (C) and the shape, and names
 * the file in every error. Writing goes through a temporary sibling and a rename.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the command line's {@code generate} and {@code score} use it.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** A 2-D float32 array: {@code rows × cols} values, row-major. */
  public record Matrix(float[] data, int rows, int cols) {
    /**
     * The first value that is NaN or infinite, or outside [{@code min}, {@code max}], as "NaN at
     * row r, column c"; empty when every value is a finite number in range.
     */
    public java.util.Optional<String> firstBadValue(float min, float max) {
      for (int i = 0; i < data.length; i++) {
        float v = data[i];
        if (!Float.isFinite(v) || v < min || v > max) {
          return java.util.Optional.of(v + " at row " + i / cols + ", column " + i % cols);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /**
   * Reads a 2-D float32 array.
   *
   * @param expectedCols required number of columns (e.g. 100 for z, 784 for images), or -1 for any
   * @throws IOException naming the file, what was expected and what was found
   */
  public static Matrix read(Path file, int expectedCols) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": expected a .npy file, found none");
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      byte[] magic = in.readNBytes(6);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException(
            file + ": not a .npy file: expected the magic \\x93NUMPY, found other bytes");
      }
      int major = in.readUnsignedByte();
      in.readUnsignedByte();
      int headerLen;
      if (major == 1) {
        headerLen = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
      } else if (major == 2 || major == 3) {
        headerLen = Integer.reverseBytes(in.readInt());
      } else {
        throw new IOException(file + ": expected .npy format version 1-3, found " + major);
      }
      String header = new String(in.readNBytes(headerLen), StandardCharsets.ISO_8859_1);
      String descr = group(file, DESCR, header, "descr");
      if (!descr.equals("<f4") && !descr.equals("=f4")) {
        throw new IOException(
            file + ": wrong dtype: expected float32 ('<f4'), found '" + descr + "'");
      }
      if (group(file, FORTRAN, header, "fortran_order").equals("True")) {
        throw new IOException(
            file + ": expected C order (fortran_order False), found Fortran order");
      }
      String[] dims = group(file, SHAPE, header, "shape").split(",");
      long[] shape =
          Arrays.stream(dims)
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .mapToLong(Long::parseLong)
              .toArray();
      if (shape.length != 2) {
        throw new IOException(
            file
                + ": wrong shape: expected 2 dimensions [n, "
                + (expectedCols < 0 ? "k" : expectedCols)
                + "], found "
                + Arrays.toString(shape));
      }
      if (expectedCols >= 0 && shape[1] != expectedCols) {
        throw new IOException(
            file
                + ": wrong shape: expected [n, "
                + expectedCols
                + "], found "
                + Arrays.toString(shape));
      }
      if (shape[0] <= 0 || shape[0] * shape[1] > Integer.MAX_VALUE / 4) {
        throw new IOException(
            file + ": expected 1 or more rows of a sane size, found " + Arrays.toString(shape));
      }
      int count = (int) (shape[0] * shape[1]);
      long available = Files.size(file) - (6 + 2 + (major == 1 ? 2 : 4) + headerLen);
      if (available < count * 4L) {
        // checked before allocating: a header may claim far more than the file holds
        throw new IOException(
            file + ": truncated: expected " + count * 4L + " data bytes, found " + available);
      }
      byte[] bytes = in.readNBytes(count * 4);
      if (bytes.length != count * 4) {
        throw new IOException(
            file + ": truncated: expected " + count * 4 + " data bytes, found " + bytes.length);
      }
      float[] data = new float[count];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
      return new Matrix(data, (int) shape[0], (int) shape[1]);
    }
  }

  /** Writes {@code rows × cols} float32 values as a version 1.0 {@code .npy} file. */
  public static void write(Path file, float[] data, int rows, int cols) throws IOException {
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "data: expected " + rows + "x" + cols + " values, found " + data.length);
    }
    ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    body.asFloatBuffer().put(data);
    byte[] head = header(rows, cols);
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + data.length * 4);
    out.write(head);
    out.write(body.array());
    Directories.writeAtomically(file, out.toByteArray());
  }

  /**
   * Writes a 2-D float32 {@code .npy} file whose row count is known in advance, row block by row
   * block, through a temporary sibling that {@link #commit} renames into place (closing without
   * committing deletes it).
   */
  public static final class Writer implements AutoCloseable {
    private final Path file;
    private final Path tmp;
    private final java.io.OutputStream out;
    private final long rows;
    private final int cols;
    private long written;
    private boolean committed;

    public Writer(Path file, long rows, int cols) throws IOException {
      this.file = file;
      this.rows = rows;
      this.cols = cols;
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      this.tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
      this.out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
      out.write(header(rows, cols));
    }

    /** Appends {@code data}, whole rows. */
    public void append(float[] data) throws IOException {
      if (data.length % cols != 0 || written + data.length / cols > rows) {
        throw new IllegalArgumentException(
            "data: expected whole rows of " + cols + " within " + rows + ", found " + data.length);
      }
      ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      body.asFloatBuffer().put(data);
      out.write(body.array());
      written += data.length / cols;
    }

    /** Renames the finished file into place. */
    public void commit() throws IOException {
      if (written != rows) {
        throw new IllegalStateException("expected " + rows + " rows, found " + written);
      }
      out.close();
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        out.close();
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** The magic, version 1.0 and the padded header of a {@code rows × cols} float32 array. */
  private static byte[] header(long rows, int cols) {
    String dict =
        "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
    int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream(10 + header.length());
    out.write(MAGIC, 0, MAGIC.length);
    out.write(1);
    out.write(0);
    out.write(header.length() & 0xff);
    out.write((header.length() >> 8) & 0xff);
    byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
    out.write(h, 0, h.length);
    return out.toByteArray();
  }

  private static String group(Path file, Pattern p, String header, String key) throws IOException {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new IOException(
          file + ": bad .npy header: expected a '" + key + "' entry, found " + header.strip());
    }
    return m.group(1);
  }
}
