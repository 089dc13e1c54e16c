package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@link PixelDataset} and {@link FloatDataset} share: samples stored in chunks of bytes (heap
 * or memory-mapped {@link ByteBuffer}s of whole samples, each below 2 GiB), so that a data set may
 * hold more than 2^31 bytes, with optional labels and class names.
 */
abstract class ChunkedDataset implements Dataset {
  private final DataShape shape;
  private final ByteBuffer[] chunks;
  private final long[] firstSample;
  private final int bytesPerSample;
  private final int[] labels;
  private final List<String> classNames;
  private final String source;

  /**
   * @param bytesPerValue bytes of one stored value (1 for pixels, 4 or 8 for floats)
   * @throws IllegalArgumentException if a chunk holds no or part of a sample, or the labels do not
   *     match
   */
  ChunkedDataset(
      DataShape shape,
      List<ByteBuffer> chunks,
      int bytesPerValue,
      int[] labels,
      List<String> classNames,
      String source) {
    this.shape = Objects.requireNonNull(shape, "shape");
    this.source = Objects.requireNonNull(source, "source");
    long perSample = (long) shape.size() * bytesPerValue;
    if (perSample > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          source + ": expected samples below 2 GiB, found " + perSample + " bytes per sample");
    }
    this.bytesPerSample = (int) perSample;
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException(source + ": expected 1 or more chunks, found none");
    }
    this.chunks = new ByteBuffer[chunks.size()];
    this.firstSample = new long[chunks.size() + 1];
    for (int i = 0; i < this.chunks.length; i++) {
      ByteBuffer chunk = chunks.get(i);
      int bytes = chunk.remaining();
      if (bytes == 0 || bytes % bytesPerSample != 0) {
        throw new IllegalArgumentException(
            source
                + ": chunk "
                + i
                + ": expected whole samples of "
                + bytesPerSample
                + " bytes, found "
                + bytes
                + " bytes");
      }
      // a slice of its own: absolute reads at a fixed base, whatever the caller does to position
      this.chunks[i] = chunk.slice().order(chunk.order());
      firstSample[i + 1] = firstSample[i] + bytes / bytesPerSample;
    }
    this.classNames = Labels.immutable(classNames);
    this.labels = labels == null ? null : labels.clone();
    Labels.check(source, size(), this.labels, this.classNames);
  }

  /**
   * Copies the sample at byte {@code position} of {@code chunk} into {@code dst} from {@code
   * offset}, as floats.
   */
  abstract void readSample(ByteBuffer chunk, int position, float[] dst, int offset);

  @Override
  public final void read(long index, float[] dst, int offset) {
    Objects.checkIndex(index, size());
    Objects.checkFromIndexSize(offset, shape.size(), dst.length);
    int c = chunkOf(index);
    readSample(chunks[c], (int) ((index - firstSample[c]) * bytesPerSample), dst, offset);
  }

  /** The chunk that holds sample {@code index}. */
  private int chunkOf(long index) {
    int found = Arrays.binarySearch(firstSample, index);
    return found >= 0 ? found : -found - 2;
  }

  /** The chunks, each a read-only view (tests check how a file was read). */
  List<ByteBuffer> chunks() {
    return Arrays.stream(chunks).map(b -> b.asReadOnlyBuffer().order(b.order())).toList();
  }

  @Override
  public final DataShape shape() {
    return shape;
  }

  @Override
  public final long size() {
    return firstSample[chunks.length];
  }

  @Override
  public final boolean hasLabels() {
    return labels != null;
  }

  @Override
  public final int label(long index) {
    return Labels.at(labels, index, size(), source);
  }

  @Override
  public final List<String> classNames() {
    return classNames;
  }

  @Override
  public final String source() {
    return source;
  }

  @Override
  public String toString() {
    return Datasets.describe(this);
  }
}
