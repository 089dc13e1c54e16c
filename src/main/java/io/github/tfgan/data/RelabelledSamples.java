package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import java.util.List;

/**
 * A data set's samples with other labels, as a view ({@link DataClusters#labelled}): nothing is
 * copied.
 *
 * @param base the samples
 * @param labels one label per sample of {@code base}
 * @param classNames the labels' names
 */
record RelabelledSamples(Dataset base, int[] labels, List<String> classNames) implements Dataset {

  RelabelledSamples {
    Labels.check(base.source(), base.size(), labels, classNames);
    classNames = Labels.immutable(classNames);
  }

  @Override
  public DataShape shape() {
    return base.shape();
  }

  @Override
  public long size() {
    return base.size();
  }

  @Override
  public Encoding encoding() {
    return base.encoding();
  }

  @Override
  public void read(long index, float[] dst, int offset) {
    base.read(index, dst, offset);
  }

  @Override
  public boolean hasLabels() {
    return true;
  }

  @Override
  public int label(long index) {
    return Labels.at(labels, index, size(), base.source());
  }

  @Override
  public String source() {
    return base.source();
  }
}
