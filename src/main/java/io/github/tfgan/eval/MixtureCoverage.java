package io.github.tfgan.eval;

import java.util.Arrays;

/**
 * How samples cover a {@link GaussianMixture}: VEEGAN's (Srivastava et al. 2017) share of
 * high-quality samples and modes captured, and the stricter count of modes covered by at least 20
 * high-quality samples in 2,500.
 *
 * @param mixture the mixture's name ({@code ring8}, {@code grid25})
 * @param samples how many samples were measured
 * @param modes the mixture's number of modes
 * @param modesCovered modes with at least {@code modeMinimum} high-quality samples (this project's
 *     criterion)
 * @param modesReached modes nearest to at least one high-quality sample: the count VEEGAN and
 *     PacGAN (Lin et al. 2018) report as "modes captured", which a few stray samples can inflate
 * @param highQualityShare the share of samples within {@code qualityRadius} of their nearest mode,
 *     in [0, 1]
 * @param perMode high-quality samples nearest to each mode, in the mixture's mode order
 * @param modeMinimum the high-quality samples a mode needs to be covered (20 per 2,500)
 * @param qualityRadius the distance from a mode within which a sample is of high quality (3σ)
 */
public record MixtureCoverage(
    String mixture,
    int samples,
    int modes,
    int modesCovered,
    int modesReached,
    double highQualityShare,
    int[] perMode,
    int modeMinimum,
    double qualityRadius)
    implements ModeCoverage {

  /** Copies {@code perMode}, so that the record cannot change under its reader. */
  public MixtureCoverage {
    perMode = perMode.clone();
  }

  /** The per-mode counts (a copy). */
  @Override
  public int[] perMode() {
    return perMode.clone();
  }

  /** The mixture's name, {@link #mixture()}. */
  @Override
  public String name() {
    return mixture;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MixtureCoverage c
        && mixture.equals(c.mixture)
        && samples == c.samples
        && modes == c.modes
        && modesCovered == c.modesCovered
        && modesReached == c.modesReached
        && Double.compare(highQualityShare, c.highQualityShare) == 0
        && Arrays.equals(perMode, c.perMode)
        && modeMinimum == c.modeMinimum
        && Double.compare(qualityRadius, c.qualityRadius) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * mixture.hashCode() + Arrays.hashCode(perMode) + samples;
  }

  @Override
  public String toString() {
    return summary() + ", per mode " + Arrays.toString(perMode);
  }
}
