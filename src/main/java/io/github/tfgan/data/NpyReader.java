package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .npy} array as a data set: {@code (N, H, W, C)} with C = 1 or 3, {@code (N, H, W)}
 * (grey) or {@code (N, D)} (vectors); {@code |u1} as {@link PixelDataset}, {@code <f4} and {@code
 * <f8} as {@link FloatDataset}; C order only. Data of {@link #mapThreshold} bytes or more are
 * memory-mapped read-only, smaller data read once into the heap; either way in chunks of whole
 * samples of at most {@link #chunkBytes} bytes. Float data are checked for NaN and infinities.
 */
final class NpyReader {
  /** Data from this size on are memory-mapped rather than read into the heap. */
  static final long MAP_THRESHOLD = 64L << 20;

  /** The size of a chunk (whole samples, so a chunk may be larger if one sample is). */
  static final long CHUNK_BYTES = 1L << 30;

  private static final Pattern LABEL_DTYPE = Pattern.compile("([<=]?)([iu])([1248])|[|>]?([iu])1");

  private final long mapThreshold;
  private final long chunkBytes;

  /** A reader with the default threshold and chunk size. */
  NpyReader() {
    this(MAP_THRESHOLD, CHUNK_BYTES);
  }

  /**
   * @param mapThreshold data of this many bytes or more are memory-mapped (0: always)
   * @param chunkBytes the largest chunk, in bytes (a chunk holds at least one sample)
   */
  NpyReader(long mapThreshold, long chunkBytes) {
    this.mapThreshold = mapThreshold;
    this.chunkBytes = Math.max(1, Math.min(chunkBytes, Integer.MAX_VALUE - 8));
  }

  /**
   * Reads {@code file}, with the labels of {@code labelsFile} if it is not null.
   *
   * @throws IOException naming the file, what was expected and what was found
   */
  Dataset read(Path file, Path labelsFile) throws IOException {
    Npy.Header h = Npy.readHeader(file);
    String descr = h.descr();
    int itemBytes;
    if (descr.matches("[|<>=]?u1")) {
      itemBytes = 1;
    } else if (descr.matches("[<=]f4")) {
      itemBytes = 4;
    } else if (descr.matches("[<=]f8")) {
      itemBytes = 8;
    } else {
      throw new IOException(
          file + ": dtype: expected uint8 (|u1), float32 (<f4) or float64 (<f8), found " + descr);
    }
    if (h.fortranOrder()) {
      throw new IOException(
          file + ": memory order: expected C order (fortran_order False), found Fortran order");
    }
    DataShape shape = sampleShape(file, h);
    long n = h.shape()[0];
    long bytesPerSample = (long) shape.size() * itemBytes;
    long dataBytes = Math.multiplyExact(n, bytesPerSample);
    long found = Files.size(file) - h.dataOffset();
    if (found != dataBytes) {
      throw new IOException(
          file
              + ": "
              + (found < dataBytes ? "truncated: " : "")
              + "expected "
              + dataBytes
              + " data bytes for shape "
              + h.shapeText()
              + " of "
              + descr
              + ", found "
              + found);
    }
    if (bytesPerSample > Integer.MAX_VALUE - 8) {
      throw new IOException(
          file + ": expected samples below 2 GiB, found " + bytesPerSample + " bytes per sample");
    }
    List<ByteBuffer> chunks = load(file, h.dataOffset(), n, (int) bytesPerSample);
    int[] labels = labelsFile == null ? null : readLabels(labelsFile, n, file);
    List<String> names =
        labels == null ? List.of() : Labels.numberedFor(labels, labelsFile.toString());
    String source = file.toString();
    if (itemBytes == 1) {
      return new PixelDataset(shape, chunks, labels, names, source);
    }
    FloatDataset.ValueType type =
        itemBytes == 4 ? FloatDataset.ValueType.FLOAT32 : FloatDataset.ValueType.FLOAT64;
    FloatDataset data = new FloatDataset(shape, chunks, type, labels, names, source);
    long bad = data.firstNonFinite();
    if (bad >= 0) {
      int d = shape.size();
      float[] sample = new float[d];
      data.read(bad / d, sample, 0);
      throw new IOException(
          file
              + ": expected finite values, found "
              + sample[(int) (bad % d)]
              + (itemBytes == 8 ? " (as float32)" : "")
              + " in sample "
              + bad / d
              + " at position "
              + position(shape, (int) (bad % d)));
    }
    return data;
  }

  /** The shape of one sample, from the array's shape (rank 2, 3 or 4). */
  private static DataShape sampleShape(Path file, Npy.Header h) throws IOException {
    long[] s = h.shape();
    if (s.length < 2 || s.length > 4) {
      throw new IOException(
          file
              + ": shape: expected (N, H, W, C), (N, H, W) or (N, D), found "
              + h.shapeText()
              + " ("
              + s.length
              + "-D)");
    }
    if (s[0] == 0) {
      throw new IOException(file + ": shape: expected 1 or more samples, found " + h.shapeText());
    }
    if (s.length == 4 && s[3] != 1 && s[3] != 3) {
      throw new IOException(
          file
              + ": shape: expected 1 (grey) or 3 (RGB) channels last in (N, H, W, C), found "
              + h.shapeText());
    }
    for (int i = 1; i < s.length; i++) {
      if (s[i] == 0 || s[i] > Integer.MAX_VALUE) {
        throw new IOException(
            file + ": shape: expected sample dimensions from 1 to 2^31, found " + h.shapeText());
      }
    }
    try {
      return switch (s.length) {
        case 2 -> DataShape.vector((int) s[1]);
        case 3 -> DataShape.image((int) s[1], (int) s[2], 1);
        default -> DataShape.image((int) s[1], (int) s[2], (int) s[3]);
      };
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage() + " (array shape " + h.shapeText() + ")");
    }
  }

  /** Maps or reads {@code n} samples from {@code offset}, in chunks of whole samples. */
  private List<ByteBuffer> load(Path file, long offset, long n, int bytesPerSample)
      throws IOException {
    long perChunk = Math.max(1, chunkBytes / bytesPerSample);
    boolean map = n * bytesPerSample >= mapThreshold;
    List<ByteBuffer> chunks = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (long first = 0; first < n; first += perChunk) {
        long size = Math.min(perChunk, n - first) * bytesPerSample;
        long at = offset + first * bytesPerSample;
        ByteBuffer chunk;
        if (map) {
          chunk = channel.map(FileChannel.MapMode.READ_ONLY, at, size);
        } else {
          chunk = ByteBuffer.allocate((int) size);
          readFully(file, channel, chunk, at);
        }
        chunks.add(chunk.order(ByteOrder.LITTLE_ENDIAN));
      }
    }
    return chunks;
  }

  private static void readFully(Path file, FileChannel channel, ByteBuffer into, long at)
      throws IOException {
    while (into.hasRemaining()) {
      if (channel.read(into, at + into.position()) < 0) {
        throw new IOException(
            file + ": truncated: expected " + into.remaining() + " more bytes, found the end");
      }
    }
    into.flip();
  }

  /**
   * Reads {@code n} labels, a {@code (N,)} array of little-endian integers, none negative.
   *
   * @param dataFile the data file they label, for messages
   */
  static int[] readLabels(Path labelsFile, long n, Path dataFile) throws IOException {
    Npy.Header h = Npy.readHeader(labelsFile);
    Matcher m = LABEL_DTYPE.matcher(h.descr());
    if (!m.matches()) {
      throw new IOException(
          labelsFile
              + ": dtype: expected integers (i1, u1, i2, u2, i4, u4, i8 or u8, little-endian),"
              + " found "
              + h.descr());
    }
    boolean unsigned = "u".equals(m.group(2)) || "u".equals(m.group(4));
    int bytes = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    if (h.shape().length != 1) {
      throw new IOException(
          labelsFile + ": shape: expected (N,), one label per sample, found " + h.shapeText());
    }
    if (h.shape()[0] != n) {
      throw new IOException(
          labelsFile
              + ": expected "
              + n
              + " labels (one per sample of "
              + dataFile.getFileName()
              + "), found "
              + h.shape()[0]);
    }
    long found = Files.size(labelsFile) - h.dataOffset();
    if (found != n * bytes) {
      throw new IOException(
          labelsFile
              + ": expected "
              + n * bytes
              + " data bytes for "
              + n
              + " labels, found "
              + found);
    }
    if (n > Integer.MAX_VALUE - 8) {
      throw new IOException(labelsFile + ": expected at most 2^31 labels, found " + n);
    }
    int[] labels = new int[(int) n];
    int perBlock = 1 << 16;
    ByteBuffer block = ByteBuffer.allocate(perBlock * bytes).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel channel = FileChannel.open(labelsFile, StandardOpenOption.READ)) {
      for (int first = 0; first < labels.length; first += perBlock) {
        int count = Math.min(perBlock, labels.length - first);
        block.clear().limit(count * bytes);
        readFully(labelsFile, channel, block, h.dataOffset() + (long) first * bytes);
        for (int k = 0; k < count; k++) {
          long v =
              switch (bytes) {
                case 1 -> unsigned ? block.get(k) & 0xffL : block.get(k);
                case 2 -> unsigned ? block.getShort(2 * k) & 0xffffL : block.getShort(2 * k);
                case 4 -> unsigned ? block.getInt(4 * k) & 0xffffffffL : block.getInt(4 * k);
                default -> block.getLong(8 * k);
              };
          if (v < 0 || v >= Integer.MAX_VALUE) {
            throw new IOException(
                labelsFile
                    + ": label "
                    + (first + k)
                    + ": expected 0 to "
                    + (Integer.MAX_VALUE - 1)
                    + ", found "
                    + (unsigned ? Long.toUnsignedString(v) : Long.toString(v)));
          }
          labels[first + k] = (int) v;
        }
      }
    }
    return labels;
  }

  /** "[h, w, c]" for an image, "[d]" for a vector: where value {@code pos} of a sample sits. */
  static String position(DataShape shape, int pos) {
    if (!shape.isImage()) {
      return "[" + pos + "]";
    }
    int c = shape.channels();
    int w = shape.width();
    return "[" + pos / (w * c) + ", " + (pos / c) % w + ", " + pos % c + "]";
  }
}
