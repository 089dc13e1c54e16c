package io.github.tfgan.eval;

import java.util.Locale;

/**
 * How samples cover a set with known modes ({@link MixtureCoverage} of a Gaussian mixture, {@link
 * ColourModeCoverage} of a colour set): the share of high-quality samples and the modes covered by
 * enough of them.
 */
public interface ModeCoverage {
  /** The set's name ({@code ring8}, {@code colours16}). */
  String name();

  /** How many samples were measured. */
  int samples();

  /** The set's number of modes. */
  int modes();

  /** Modes with at least their minimum of high-quality samples. */
  int modesCovered();

  /** The share of high-quality samples, in [0, 1]. */
  double highQualityShare();

  /** High-quality samples nearest to each mode (a copy), in the set's mode order. */
  int[] perMode();

  /** Whether every mode is covered. */
  default boolean allModesCovered() {
    return modesCovered() == modes();
  }

  /** One line for people: {@code "ring8: 8/8 modes covered, 91.2% high quality (2500 samples)"}. */
  default String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %d/%d modes covered, %.1f%% high quality (%d samples)",
        name(),
        modesCovered(),
        modes(),
        100 * highQualityShare(),
        samples());
  }
}
