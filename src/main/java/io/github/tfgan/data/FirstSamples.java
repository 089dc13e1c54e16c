package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import java.util.List;
import java.util.Objects;

/**
 * The first {@code count} samples of a data set, as a view ({@link Dataset#first}): nothing is
 * copied.
 *
 * @param base the whole data set
 * @param count how many of its first samples this view holds
 */
record FirstSamples(Dataset base, long count) implements Dataset {

  FirstSamples {
    if (count <= 0 || count > base.size()) {
      throw new IllegalArgumentException("count: expected 1.." + base.size() + ", found " + count);
    }
  }

  @Override
  public DataShape shape() {
    return base.shape();
  }

  @Override
  public long size() {
    return count;
  }

  @Override
  public Encoding encoding() {
    return base.encoding();
  }

  @Override
  public void read(long index, float[] dst, int offset) {
    Objects.checkIndex(index, count);
    base.read(index, dst, offset);
  }

  @Override
  public boolean hasLabels() {
    return base.hasLabels();
  }

  @Override
  public int label(long index) {
    Objects.checkIndex(index, count);
    return base.label(index);
  }

  @Override
  public List<String> classNames() {
    return base.classNames();
  }

  @Override
  public String source() {
    return base.source() + " (first " + count + ")";
  }
}
