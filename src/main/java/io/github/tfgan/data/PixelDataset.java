package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A data set of 8-bit pixels ({@link Dataset.Encoding#PIXELS}) kept as bytes, a quarter of the
 * memory of floats: {@link #read} gives {@code (b & 0xff) / 255f}. The bytes sit in chunks of whole
 * samples, each a {@code byte[]} or a {@link ByteBuffer} (heap or memory-mapped) below 2 GiB, so
 * that the whole may exceed 2^31 bytes; samples are indexed by {@code long}. Images are stored
 * row-major, (H, W, C). Labels, if any, are one {@code int} per sample.
 *
 * <p>Immutable as long as nobody writes to the chunks it was given; safe to read from several
 * threads.
 */
public final class PixelDataset extends ChunkedDataset {

  /**
   * A data set over chunks of bytes.
   *
   * @param shape the shape of one sample
   * @param chunks each holds whole samples between its position and its limit (it is not copied)
   * @param labels one label per sample in {@code [0, classNames.size())}, or null
   * @param classNames the class names (empty or null without labels)
   * @param source where the data came from
   * @throws IllegalArgumentException if a chunk holds no or part of a sample, or the labels do not
   *     match the samples or the classes
   */
  public PixelDataset(
      DataShape shape,
      List<ByteBuffer> chunks,
      int[] labels,
      List<String> classNames,
      String source) {
    super(shape, chunks, 1, labels, classNames, source);
  }

  /**
   * A data set over chunks that are byte arrays (not copied), as {@link #PixelDataset(DataShape,
   * List, int[], List, String)}.
   */
  public static PixelDataset ofArrays(
      DataShape shape, List<byte[]> chunks, int[] labels, List<String> classNames, String source) {
    return new PixelDataset(
        shape, chunks.stream().map(ByteBuffer::wrap).toList(), labels, classNames, source);
  }

  @Override
  public Encoding encoding() {
    return Encoding.PIXELS;
  }

  @Override
  void readSample(ByteBuffer chunk, int position, float[] dst, int offset) {
    int d = shape().size();
    if (chunk.hasArray()) {
      byte[] bytes = chunk.array();
      int base = chunk.arrayOffset() + position;
      for (int i = 0; i < d; i++) {
        dst[offset + i] = (bytes[base + i] & 0xff) / 255f;
      }
    } else {
      for (int i = 0; i < d; i++) {
        dst[offset + i] = (chunk.get(position + i) & 0xff) / 255f;
      }
    }
  }
}
