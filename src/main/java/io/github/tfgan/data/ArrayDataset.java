package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import java.util.List;
import java.util.Objects;

/**
 * A data set held as one float array: what a library user passes when the data are already in
 * memory, and what tests build.
 *
 * @param values {@code size × shape.size()} floats, sample after sample, as {@code encoding} says
 * @param shape the shape of one sample
 * @param encoding {@link Dataset.Encoding#PIXELS} for values in [0, 1] that were 8-bit pixels,
 *     {@link Dataset.Encoding#FLOATS} for values in the data's own units
 * @param labels one label per sample in {@code [0, classNames.size())}, or null
 * @param classNames the class names (empty without labels)
 * @param source where the data came from
 */
public record ArrayDataset(
    float[] values,
    DataShape shape,
    Encoding encoding,
    int[] labels,
    List<String> classNames,
    String source)
    implements Dataset {

  /** Checks that the values hold whole samples and that labels, if any, match in count. */
  public ArrayDataset {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(encoding, "encoding");
    int d = shape.size();
    if (values.length == 0 || values.length % d != 0) {
      throw new IllegalArgumentException(
          source + ": expected a positive multiple of " + d + " values, found " + values.length);
    }
    classNames = List.copyOf(classNames == null ? List.of() : classNames);
    Labels.check(source, values.length / d, labels, classNames);
  }

  /** Unlabelled float vectors: {@code values} holds {@code values.length / features} rows. */
  public static ArrayDataset vectors(float[] values, int features, String source) {
    return new ArrayDataset(
        values, DataShape.vector(features), Encoding.FLOATS, null, List.of(), source);
  }

  @Override
  public long size() {
    return values.length / shape.size();
  }

  @Override
  public void read(long index, float[] dst, int offset) {
    int d = shape.size();
    Objects.checkIndex(index, size());
    System.arraycopy(values, (int) index * d, dst, offset, d);
  }

  @Override
  public boolean hasLabels() {
    return labels != null;
  }

  @Override
  public int label(long index) {
    return Labels.at(labels, index, size(), source);
  }
}
