package io.github.tfgan.data;

import io.github.tfgan.io.Directories;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format: the header of any array ({@link #readHeader}), 2-D float32 arrays
 * read whole ({@link #read}), float32 arrays of any shape written ({@link #write}, {@link Writer}),
 * the form Python users hand around, and uint8 and int32 arrays written ({@link #writeUint8},
 * {@link #writeInt32}: pixels and labels). Reading checks the magic string, the dtype, the memory
 * order (C) and the shape, and names the file in every error. Writing goes through a temporary
 * sibling and a rename. Data sets of other dtypes and ranks: {@link Datasets#open}.
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
    public Optional<String> firstBadValue(float min, float max) {
      for (int i = 0; i < data.length; i++) {
        float v = data[i];
        if (!Float.isFinite(v) || v < min || v > max) {
          return Optional.of(v + " at row " + i / cols + ", column " + i % cols);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * What a {@code .npy} header says.
   *
   * @param descr the dtype as NumPy writes it, e.g. {@code "<f4"} or {@code "|u1"}
   * @param fortranOrder true for column-major data
   * @param shape the dimensions, outermost first (empty for a scalar)
   * @param dataOffset where the data begin in the file, in bytes
   */
  public record Header(String descr, boolean fortranOrder, long[] shape, long dataOffset) {
    /** Copies the shape. */
    public Header {
      shape = shape.clone();
    }

    /** The dimensions, a copy. */
    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** The number of values: the product of the dimensions. */
    public long count() {
      long n = 1;
      for (long d : shape) {
        n = Math.multiplyExact(n, d);
      }
      return n;
    }

    /** The shape as NumPy prints it: "(2, 3)", "(3,)". */
    public String shapeText() {
      return Npy.shapeText(shape);
    }
  }

  /**
   * Reads the header of a {@code .npy} file of any dtype and shape.
   *
   * @throws IOException naming the file, if it is missing, not a {@code .npy} file or its header is
   *     malformed
   */
  public static Header readHeader(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": expected a .npy file, found none");
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return readHeader(file, new DataInputStream(in));
    }
  }

  private static Header readHeader(Path file, DataInputStream in) throws IOException {
    try {
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
      byte[] text = in.readNBytes(Math.max(0, headerLen));
      if (headerLen < 0 || text.length != headerLen) {
        throw new IOException(
            file + ": truncated header: expected " + headerLen + " bytes, found " + text.length);
      }
      String header = new String(text, StandardCharsets.ISO_8859_1);
      String descr = group(file, DESCR, header, "descr");
      boolean fortran = group(file, FORTRAN, header, "fortran_order").equals("True");
      String[] dims = group(file, SHAPE, header, "shape").split(",");
      long[] shape = new long[dims.length];
      int rank = 0;
      for (String dim : dims) {
        String d = dim.strip().replaceFirst("[lL]$", "");
        if (!d.isEmpty()) {
          if (!d.matches("\\d{1,18}")) {
            throw new IOException(
                file
                    + ": bad .npy header: expected dimensions in 'shape', found "
                    + header.strip());
          }
          shape[rank++] = Long.parseLong(d);
        }
      }
      long offset = 6 + 2 + (major == 1 ? 2 : 4) + (long) headerLen;
      return new Header(descr, fortran, Arrays.copyOf(shape, rank), offset);
    } catch (EOFException e) {
      throw new IOException(file + ": truncated header: expected a .npy header, found less", e);
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
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
      Header h = readHeader(file, in);
      if (!h.descr().equals("<f4") && !h.descr().equals("=f4")) {
        throw new IOException(
            file + ": wrong dtype: expected float32 ('<f4'), found '" + h.descr() + "'");
      }
      if (h.fortranOrder()) {
        throw new IOException(
            file + ": expected C order (fortran_order False), found Fortran order");
      }
      long[] shape = h.shape();
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
      long available = Files.size(file) - h.dataOffset();
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
    write(file, data, new long[] {rows, cols});
  }

  /**
   * Writes float32 values of any shape ({@code <f4}, C order) as a version 1.0 {@code .npy} file,
   * through a temporary sibling and a rename.
   *
   * @param shape the dimensions, outermost first; their product must be {@code data.length}
   */
  public static void write(Path file, float[] data, long[] shape) throws IOException {
    long count = checkShape(shape, 0);
    if (count != data.length) {
      throw new IllegalArgumentException(
          "data: expected " + shapeText(shape) + " = " + count + " values, found " + data.length);
    }
    ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    body.asFloatBuffer().put(data);
    writeBody(file, "<f4", shape, body.array());
  }

  /**
   * As {@link #write(Path, float[], long[])} for bytes: uint8 ({@code |u1}), as pixels are read.
   */
  public static void writeUint8(Path file, byte[] data, long[] shape) throws IOException {
    long count = checkShape(shape, 0);
    if (count != data.length) {
      throw new IllegalArgumentException(
          "data: expected " + shapeText(shape) + " = " + count + " values, found " + data.length);
    }
    writeBody(file, "|u1", shape, data);
  }

  /**
   * Writes ints as a one-dimensional int32 ({@code <i4}) {@code .npy} file of shape {@code (N,)},
   * the form of {@code --labels}, through a temporary sibling and a rename.
   */
  public static void writeInt32(Path file, int[] data) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    body.asIntBuffer().put(data);
    writeBody(file, "<i4", new long[] {data.length}, body.array());
  }

  private static void writeBody(Path file, String descr, long[] shape, byte[] body)
      throws IOException {
    byte[] head = header(descr, shape);
    ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + body.length);
    out.write(head);
    out.write(body);
    Directories.writeAtomically(file, out.toByteArray());
  }

  /**
   * Writes a float32 {@code .npy} file whose shape is known in advance, block by block of whole
   * rows (a row: the values under one index of the first dimension), through a temporary sibling
   * that {@link #commit} renames into place (closing without committing deletes it).
   */
  public static final class Writer implements AutoCloseable {
    private final Path file;
    private final Path tmp;
    private final OutputStream out;
    private final long rows;
    private final int cols;
    private long written;
    private boolean committed;

    /** A writer of a {@code rows × cols} array. */
    public Writer(Path file, long rows, int cols) throws IOException {
      this(file, new long[] {rows, cols});
    }

    /**
     * A writer of an array of shape {@code shape} (1 or more dimensions; a row holds the product of
     * all but the first).
     */
    public Writer(Path file, long[] shape) throws IOException {
      long rowSize = checkShape(shape, 1);
      if (rowSize > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "shape: expected rows of at most 2^31 values, found " + shapeText(shape));
      }
      this.file = file;
      this.rows = shape[0];
      this.cols = (int) rowSize;
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      this.tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
      this.out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
      out.write(header("<f4", shape));
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
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

  /**
   * Checks that {@code shape} has 1 or more dimensions, none negative, and returns the product of
   * the dimensions from index {@code skip} on (all for 0, a row's for 1).
   */
  private static long checkShape(long[] shape, int skip) {
    if (shape == null || shape.length < Math.max(1, skip)) {
      throw new IllegalArgumentException(
          "shape: expected 1 or more dimensions, found " + Arrays.toString(shape));
    }
    long product = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0) {
        throw new IllegalArgumentException(
            "shape: expected dimensions of 0 or more, found " + shapeText(shape));
      }
      if (i >= skip) {
        product = Math.multiplyExact(product, shape[i]);
      }
    }
    return product;
  }

  /** "(2, 3)", "(3,)", "()". */
  static String shapeText(long[] shape) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      text.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return text.append(shape.length == 1 ? ",)" : ")").toString();
  }

  /** The magic, version 1.0 and the padded header of an array of dtype {@code descr}. */
  private static byte[] header(String descr, long[] shape) {
    String dict =
        "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
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
