package io.github.tfgan.eval;

import io.github.tfgan.model.SeedStreams;
import java.util.List;
import java.util.Locale;

/**
 * The two-dimensional Gaussian mixtures on which mode collapse is measured, with the measure of the
 * papers that use them:
 *
 * <ul>
 *   <li>{@link #ring8()}: 8 modes evenly spaced on a circle of radius 2, standard deviation 0.02
 *       (Metz et al. 2017, "Unrolled generative adversarial networks"; Srivastava et al. 2017,
 *       VEEGAN; Lin et al. 2018, PacGAN);
 *   <li>{@link #grid25()}: 25 modes on the grid {-4, -2, 0, 2, 4}², standard deviation 0.05
 *       (VEEGAN, PacGAN).
 * </ul>
 *
 * <p>Each mode is equally likely. {@link #coverage} scores samples as VEEGAN does: a sample is of
 * <em>high quality</em> when it lies within three standard deviations of its nearest mode, and a
 * mode is <em>captured</em> when it is the nearest mode of at least one of them. Since one stray
 * sample is enough for that, a mode counts as <em>covered</em> here only when at least 20 of 2,500
 * samples (the same share of any other count) are of high quality and nearest to it.
 *
 * <pre>{@code
 * GaussianMixture ring = GaussianMixture.ring8();
 * float[] points = ring.sample(10_000, 42);          // [10000, 2], row-major
 * MixtureCoverage c = ring.coverage(generated);      // generated: [n, 2] from a generator
 * System.out.println(c.modesCovered() + "/" + c.modes() + ", " + c.highQualityShare());
 * }</pre>
 */
public final class GaussianMixture {
  /** The mixtures {@link #named} knows, for messages and help. */
  public static final List<String> NAMES = List.of("ring8", "grid25");

  /** The samples VEEGAN draws per evaluation. */
  public static final int VEEGAN_SAMPLES = 2_500;

  /** High-quality samples a mode needs, out of {@link #VEEGAN_SAMPLES}, to count as covered. */
  public static final int VEEGAN_MODE_MINIMUM = 20;

  /** A sample is of high quality within this many standard deviations of its nearest mode. */
  public static final double QUALITY_SIGMAS = 3.0;

  private final String name;
  private final double[] centres;
  private final double sigma;

  private GaussianMixture(String name, double[] centres, double sigma) {
    this.name = name;
    this.centres = centres;
    this.sigma = sigma;
  }

  /** 8 modes at angles 0, π/4, ..., 7π/4 on a circle of radius 2 about the origin, σ 0.02. */
  public static GaussianMixture ring8() {
    double[] c = new double[16];
    for (int k = 0; k < 8; k++) {
      double angle = 2 * Math.PI * k / 8;
      c[2 * k] = 2 * StrictMath.cos(angle);
      c[2 * k + 1] = 2 * StrictMath.sin(angle);
    }
    return new GaussianMixture("ring8", c, 0.02);
  }

  /** 25 modes at {-4, -2, 0, 2, 4}² (x slowest), σ 0.05. */
  public static GaussianMixture grid25() {
    double[] c = new double[50];
    int k = 0;
    for (int i = -2; i <= 2; i++) {
      for (int j = -2; j <= 2; j++) {
        c[2 * k] = 2 * i;
        c[2 * k + 1] = 2 * j;
        k++;
      }
    }
    return new GaussianMixture("grid25", c, 0.05);
  }

  /**
   * The mixture called {@code name}: {@code ring8} or {@code grid25}.
   *
   * @throws IllegalArgumentException naming the known mixtures
   */
  public static GaussianMixture named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "ring8" -> ring8();
      case "grid25" -> grid25();
      default ->
          throw new IllegalArgumentException(
              "mixture: expected " + String.join(" or ", NAMES) + ", found '" + name + "'");
    };
  }

  /** The mixture's name, as {@link #named} takes it. */
  public String name() {
    return name;
  }

  /** The number of modes. */
  public int modes() {
    return centres.length / 2;
  }

  /** The modes' centres, {@code modes() × 2}, row-major. */
  public double[] centres() {
    return centres.clone();
  }

  /** Each mode's standard deviation (the same along both axes). */
  public double sigma() {
    return sigma;
  }

  /** The distance from a mode within which a sample is of high quality: 3σ. */
  public double qualityRadius() {
    return QUALITY_SIGMAS * sigma;
  }

  /**
   * High-quality samples a mode needs to count as covered among {@code samples}: 20 per 2,500,
   * rounded up, and at least 1.
   */
  public static int modeMinimum(int samples) {
    long scaled = ((long) samples * VEEGAN_MODE_MINIMUM + VEEGAN_SAMPLES - 1) / VEEGAN_SAMPLES;
    return (int) Math.max(1, scaled);
  }

  /**
   * {@code n} points of the mixture, {@code n × 2} row-major: for each, a mode drawn uniformly,
   * then two standard-normal offsets times σ, all from stream {@code SeedStreams.MIXTURE} of {@code
   * seed} (the same points on every JDK).
   */
  public float[] sample(int n, long seed) {
    if (n <= 0) {
      throw new IllegalArgumentException("n: expected a positive number of points, found " + n);
    }
    SeedStreams.Generator random = new SeedStreams(seed).generator(SeedStreams.MIXTURE, 0);
    float[] points = new float[2 * n];
    for (int i = 0; i < n; i++) {
      int k = random.nextInt(modes());
      points[2 * i] = (float) (centres[2 * k] + sigma * random.nextGaussian());
      points[2 * i + 1] = (float) (centres[2 * k + 1] + sigma * random.nextGaussian());
    }
    return points;
  }

  /**
   * The index of the mode nearest to ({@code x}, {@code y}); the lower index on a tie.
   *
   * @return a mode index in {@code [0, modes())}
   */
  public int nearestMode(double x, double y) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int k = 0; k < modes(); k++) {
      double dx = x - centres[2 * k];
      double dy = y - centres[2 * k + 1];
      double d = dx * dx + dy * dy;
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }

  /**
   * VEEGAN's measure of {@code samples}: each sample goes to its nearest mode, and counts as of
   * high quality when within {@link #qualityRadius()} of it; a mode is captured by one high-quality
   * sample, and covered by at least {@link #modeMinimum} of them. A sample with a coordinate that
   * is not finite is of low quality.
   *
   * @param samples {@code n × 2} floats, row-major, {@code n ≥ 1}
   * @throws IllegalArgumentException if {@code samples} is empty or of odd length
   */
  public MixtureCoverage coverage(float[] samples) {
    if (samples.length == 0 || samples.length % 2 != 0) {
      throw new IllegalArgumentException(
          "samples: expected n × 2 floats (2-dimensional points, n ≥ 1), found "
              + samples.length
              + " floats");
    }
    int n = samples.length / 2;
    int[] perMode = new int[modes()];
    double radius = qualityRadius();
    int highQuality = 0;
    for (int i = 0; i < n; i++) {
      double x = samples[2 * i];
      double y = samples[2 * i + 1];
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        continue;
      }
      int k = nearestMode(x, y);
      double dx = x - centres[2 * k];
      double dy = y - centres[2 * k + 1];
      if (dx * dx + dy * dy <= radius * radius) {
        perMode[k]++;
        highQuality++;
      }
    }
    int minimum = modeMinimum(n);
    int covered = 0;
    int reached = 0;
    for (int count : perMode) {
      covered += count >= minimum ? 1 : 0;
      reached += count > 0 ? 1 : 0;
    }
    return new MixtureCoverage(
        name, n, modes(), covered, reached, (double) highQuality / n, perMode, minimum, radius);
  }
}
