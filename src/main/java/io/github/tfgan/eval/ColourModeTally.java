package io.github.tfgan.eval;

/**
 * A running count of images against the modes of a {@link ColourModes} set, so that any number of
 * generated images can be measured in bounded memory: {@link #add} batches, then {@link #coverage}.
 * Not thread-safe.
 */
public final class ColourModeTally {
  private final ColourModes set;
  private final int[] highQuality;
  private final int[] nearest;
  private int samples;

  ColourModeTally(ColourModes set) {
    this.set = set;
    this.highQuality = new int[set.modes()];
    this.nearest = new int[set.modes()];
  }

  /**
   * Counts {@code rows} images ({@link ColourModes#assign}).
   *
   * @param images at least {@code rows × 3072} floats in [0, 1], HWC, row-major
   */
  public void add(float[] images, int rows) {
    int size = set.shape().size();
    if (rows <= 0 || images.length < (long) rows * size) {
      throw new IllegalArgumentException(
          "images: expected "
              + rows
              + " × "
              + size
              + " floats (32x32x3 images, rows ≥ 1), found "
              + images.length);
    }
    for (int i = 0; i < rows; i++) {
      ColourModes.Assignment a = set.assign(images, i * size);
      samples++;
      if (a.mode() < 0) {
        continue;
      }
      nearest[a.mode()]++;
      if (a.highQuality()) {
        highQuality[a.mode()]++;
      }
    }
  }

  /**
   * The figures of the images counted so far (at least one).
   *
   * @throws IllegalStateException if none was counted
   */
  public ColourModeCoverage coverage() {
    if (samples == 0) {
      throw new IllegalStateException("coverage: expected images counted, found none");
    }
    int minimum = set.modeMinimum(samples);
    int covered = 0;
    int reached = 0;
    int good = 0;
    for (int count : highQuality) {
      covered += count >= minimum ? 1 : 0;
      reached += count > 0 ? 1 : 0;
      good += count;
    }
    return new ColourModeCoverage(
        set.name(),
        samples,
        set.modes(),
        covered,
        reached,
        (double) good / samples,
        highQuality,
        nearest,
        minimum,
        ColourModes.QUALITY_DISTANCE,
        set.modeNames());
  }
}
