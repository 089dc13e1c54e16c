package io.github.tfgan.eval;

import java.util.Arrays;
import java.util.List;

/**
 * How images cover the modes of a {@link ColourModes} set: the share of high-quality samples, the
 * modes covered by at least a quarter of their fair share of them, and the samples per mode.
 *
 * @param set the set's name ({@code colours16})
 * @param samples how many images were measured
 * @param modes the set's number of modes
 * @param modesCovered modes with at least {@code modeMinimum} high-quality samples
 * @param modesReached modes nearest to at least one high-quality sample (as VEEGAN's "modes
 *     captured"), which a few stray samples can inflate
 * @param highQualityShare the share of samples within {@code qualityDistance} of their nearest
 *     template, in [0, 1]
 * @param perMode high-quality samples nearest to each mode, in the set's mode order
 * @param nearest all samples nearest to each mode, of any quality (samples with a value that is not
 *     finite are in none)
 * @param modeMinimum the high-quality samples a mode needs to be covered ({@code samples / 64},
 *     rounded up)
 * @param qualityDistance the distance from the nearest template within which a sample is of high
 *     quality, in units of the norm of one lit channel of the square
 * @param modeNames the modes' names, in mode order ({@code "red top-left"}, ..)
 */
public record ColourModeCoverage(
    String set,
    int samples,
    int modes,
    int modesCovered,
    int modesReached,
    double highQualityShare,
    int[] perMode,
    int[] nearest,
    int modeMinimum,
    double qualityDistance,
    List<String> modeNames)
    implements ModeCoverage {

  /** Copies the arrays and the list, so that the record cannot change under its reader. */
  public ColourModeCoverage {
    perMode = perMode.clone();
    nearest = nearest.clone();
    modeNames = List.copyOf(modeNames);
  }

  /** The high-quality samples per mode (a copy). */
  @Override
  public int[] perMode() {
    return perMode.clone();
  }

  /** The samples nearest to each mode (a copy). */
  @Override
  public int[] nearest() {
    return nearest.clone();
  }

  /** The set's name, {@link #set()}. */
  @Override
  public String name() {
    return set;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ColourModeCoverage c
        && set.equals(c.set)
        && samples == c.samples
        && modes == c.modes
        && modesCovered == c.modesCovered
        && modesReached == c.modesReached
        && Double.compare(highQualityShare, c.highQualityShare) == 0
        && Arrays.equals(perMode, c.perMode)
        && Arrays.equals(nearest, c.nearest)
        && modeMinimum == c.modeMinimum
        && Double.compare(qualityDistance, c.qualityDistance) == 0
        && modeNames.equals(c.modeNames);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * set.hashCode() + Arrays.hashCode(perMode)) + samples;
  }

  @Override
  public String toString() {
    return summary() + ", per mode " + Arrays.toString(perMode);
  }
}
