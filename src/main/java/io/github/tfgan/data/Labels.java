package io.github.tfgan.data;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;

/** Checks and names the labels of the chunked data sets; every error names the source. */
final class Labels {
  private Labels() {}

  /**
   * The class names "0", "1", .., {@code k - 1}, computed on demand (a label file whose largest
   * label is a million costs no million strings).
   */
  static List<String> numbered(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("classes: expected 0 or more, found " + k);
    }
    return new Numbered(k);
  }

  /** {@code names} if it is already immutable ({@link #numbered}), else an immutable copy. */
  static List<String> immutable(List<String> names) {
    return names == null ? List.of() : names instanceof Numbered ? names : List.copyOf(names);
  }

  /** "0".."k-1", immutable. */
  private static final class Numbered extends AbstractList<String> {
    private final int k;

    Numbered(int k) {
      this.k = k;
    }

    @Override
    public String get(int index) {
      return Integer.toString(Objects.checkIndex(index, k));
    }

    @Override
    public int size() {
      return k;
    }
  }

  /** The classes "0".."K-1" for labels whose largest is K - 1; checks that none is negative. */
  static List<String> numberedFor(int[] labels, String source) {
    int max = -1;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException(
            source + ": label " + i + ": expected 0 or more, found " + labels[i]);
      }
      max = Math.max(max, labels[i]);
    }
    if (max == Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          source + ": labels: expected at most " + (Integer.MAX_VALUE - 1) + ", found " + max);
    }
    return numbered(max + 1);
  }

  /**
   * Checks that {@code labels}, if any, hold one label per sample in {@code [0,
   * classNames.size())}, and that there are no class names without labels.
   *
   * @throws IllegalArgumentException naming {@code source}, what was expected and what was found
   */
  static void check(String source, long samples, int[] labels, List<String> classNames) {
    if (labels == null) {
      if (!classNames.isEmpty()) {
        throw new IllegalArgumentException(source + ": class names given without labels");
      }
      return;
    }
    if (labels.length != samples) {
      throw new IllegalArgumentException(
          source + ": expected " + samples + " labels (one per sample), found " + labels.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException(
            source
                + ": label "
                + i
                + ": expected 0.."
                + (classNames.size() - 1)
                + ", found "
                + labels[i]);
      }
    }
  }

  /**
   * Label {@code index} of a data set of {@code size} samples from {@code source}.
   *
   * @throws IllegalStateException if {@code labels} is null (the data set has none)
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size)}
   */
  static int at(int[] labels, long index, long size, String source) {
    if (labels == null) {
      throw new IllegalStateException(source + ": has no labels");
    }
    return labels[Math.toIntExact(Objects.checkIndex(index, size))];
  }
}
