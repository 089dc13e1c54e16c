package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A data set of floating-point values ({@link Dataset.Encoding#FLOATS}) over chunks of bytes: heap
 * or memory-mapped {@link ByteBuffer}s of whole samples, each below 2 GiB, read in each buffer's
 * byte order (a {@code .npy} file's are little-endian). Values are float32, or float64 turned into
 * float as they are read. Samples are indexed by {@code long}; labels, if any, are one {@code int}
 * per sample.
 *
 * <p>Immutable as long as nobody writes to the chunks it was given; safe to read from several
 * threads.
 */
public final class FloatDataset extends ChunkedDataset {

  /** How one value is stored. */
  public enum ValueType {
    /** IEEE 754 single precision, 4 bytes. */
    FLOAT32(4),
    /** IEEE 754 double precision, 8 bytes, read as the nearest float. */
    FLOAT64(8);

    private final int bytes;

    ValueType(int bytes) {
      this.bytes = bytes;
    }

    /** Bytes per value. */
    public int bytes() {
      return bytes;
    }
  }

  private final ValueType type;

  /**
   * A data set over chunks of float32 or float64 values.
   *
   * @param shape the shape of one sample
   * @param chunks each holds whole samples between its position and its limit, in its own byte
   *     order (it is not copied)
   * @param type how one value is stored
   * @param labels one label per sample in {@code [0, classNames.size())}, or null
   * @param classNames the class names (empty or null without labels)
   * @param source where the data came from
   * @throws IllegalArgumentException if a chunk holds no or part of a sample, or the labels do not
   *     match the samples or the classes
   */
  public FloatDataset(
      DataShape shape,
      List<ByteBuffer> chunks,
      ValueType type,
      int[] labels,
      List<String> classNames,
      String source) {
    super(shape, chunks, type.bytes(), labels, classNames, source);
    this.type = type;
  }

  /** How one value is stored. */
  public ValueType valueType() {
    return type;
  }

  @Override
  public Encoding encoding() {
    return Encoding.FLOATS;
  }

  @Override
  void readSample(ByteBuffer chunk, int position, float[] dst, int offset) {
    int d = shape().size();
    if (type == ValueType.FLOAT32) {
      for (int i = 0; i < d; i++) {
        dst[offset + i] = chunk.getFloat(position + 4 * i);
      }
    } else {
      for (int i = 0; i < d; i++) {
        dst[offset + i] = (float) chunk.getDouble(position + 8 * i);
      }
    }
  }

  /**
   * The index of the first value, counted over the whole data set (sample × values per sample +
   * position), that is NaN or infinite as a float; -1 if every value is finite.
   */
  long firstNonFinite() {
    int d = shape().size();
    float[] sample = new float[d];
    for (long i = 0; i < size(); i++) {
      read(i, sample, 0);
      for (int k = 0; k < d; k++) {
        if (!Float.isFinite(sample[k])) {
          return i * d + k;
        }
      }
    }
    return -1;
  }
}
