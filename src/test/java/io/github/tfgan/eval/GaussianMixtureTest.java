package io.github.tfgan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The benchmark mixtures and VEEGAN's measure on exact synthetic points: where the modes are, what
 * counts as of high quality (within 3σ, the boundary included), when a mode counts as covered (20
 * per 2,500), and that the mixture's own points score as real data should.
 */
class GaussianMixtureTest {
  private static final double EPS = 1e-12;

  /** {@code count} copies of the point at {@code distance} from mode {@code k}, along +x. */
  private static float[] near(GaussianMixture m, int k, double distance, int count) {
    double[] c = m.centres();
    float[] out = new float[2 * count];
    for (int i = 0; i < count; i++) {
      out[2 * i] = (float) (c[2 * k] + distance);
      out[2 * i + 1] = (float) c[2 * k + 1];
    }
    return out;
  }

  private static float[] concat(float[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    float[] out = new float[n];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Test
  void ring8HasEightModesOnACircleOfRadiusTwo() {
    GaussianMixture ring = GaussianMixture.ring8();
    assertEquals("ring8", ring.name());
    assertEquals(8, ring.modes());
    assertEquals(0.02, ring.sigma(), EPS);
    assertEquals(0.06, ring.qualityRadius(), EPS);
    double[] c = ring.centres();
    for (int k = 0; k < 8; k++) {
      assertEquals(2.0, Math.hypot(c[2 * k], c[2 * k + 1]), 1e-12, "radius of mode " + k);
    }
    assertEquals(2.0, c[0], EPS);
    assertEquals(0.0, c[1], EPS);
    assertEquals(Math.sqrt(2), c[2], 1e-12);
    assertEquals(Math.sqrt(2), c[3], 1e-12);
    assertEquals(-2.0, c[8], EPS);
  }

  @Test
  void grid25HasTwentyFiveModesTwoApart() {
    GaussianMixture grid = GaussianMixture.grid25();
    assertEquals(25, grid.modes());
    assertEquals(0.05, grid.sigma(), EPS);
    double[] c = grid.centres();
    assertArrayEquals(new double[] {-4, -4, -4, -2}, Arrays.copyOf(c, 4), EPS);
    assertArrayEquals(new double[] {4, 4}, Arrays.copyOfRange(c, 48, 50), EPS);
    assertEquals(0, grid.nearestMode(-4.9, -4.9));
    assertEquals(12, grid.nearestMode(0.1, -0.2));
    assertEquals(24, grid.nearestMode(100, 100));
  }

  @Test
  void namedKnowsBothAndNamesThemWhenItDoesNot() {
    assertEquals(8, GaussianMixture.named("RING8").modes());
    assertEquals(25, GaussianMixture.named("grid25").modes());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture.named("ring9"));
    assertEquals("mixture: expected ring8 or grid25, found 'ring9'", e.getMessage());
  }

  @Test
  void theModeMinimumIsTwentyPerTwoThousandFiveHundredRoundedUp() {
    assertEquals(20, GaussianMixture.modeMinimum(2_500));
    assertEquals(80, GaussianMixture.modeMinimum(10_000));
    assertEquals(1, GaussianMixture.modeMinimum(1));
    assertEquals(1, GaussianMixture.modeMinimum(125));
    assertEquals(2, GaussianMixture.modeMinimum(126));
    assertEquals(8_000_000, GaussianMixture.modeMinimum(1_000_000_000));
  }

  @Test
  void samplesAtTheModesAreAllOfHighQualityAndCoverEveryMode() {
    GaussianMixture ring = GaussianMixture.ring8();
    float[] all = new float[0];
    for (int k = 0; k < 8; k++) {
      all = concat(all, near(ring, k, 0, 25));
    }
    MixtureCoverage c = ring.coverage(all);
    assertEquals(200, c.samples());
    assertEquals(8, c.modesCovered());
    assertEquals(8, c.modesReached());
    assertTrue(c.allModesCovered());
    assertEquals(1.0, c.highQualityShare(), EPS);
    assertArrayEquals(new int[] {25, 25, 25, 25, 25, 25, 25, 25}, c.perMode());
    assertEquals(2, c.modeMinimum());
    assertEquals("ring8: 8/8 modes covered, 100.0% high quality (200 samples)", c.summary());
  }

  @Test
  void highQualityEndsAtThreeStandardDeviations() {
    GaussianMixture grid = GaussianMixture.grid25();
    // 0.149 and 0.15 (3σ, float-rounded just below) are in; 0.151 is out
    float[] in = concat(near(grid, 12, 0.149, 1), near(grid, 12, -0.1499, 1));
    float[] out = concat(near(grid, 12, 0.151, 1), near(grid, 12, 1.0, 1));
    MixtureCoverage c = grid.coverage(concat(in, out));
    assertEquals(0.5, c.highQualityShare(), EPS);
    assertEquals(2, c.perMode()[12]);
    assertEquals(2, Arrays.stream(c.perMode()).sum());
  }

  @Test
  void aModeNeedsTwentyHighQualitySamplesInTwoThousandFiveHundred() {
    GaussianMixture ring = GaussianMixture.ring8();
    // mode 0: 20 samples (covered), mode 1: 19 (not), the rest far from every mode
    float[] samples =
        concat(near(ring, 0, 0.01, 20), near(ring, 1, -0.05, 19), near(ring, 2, 1.0, 2_461));
    MixtureCoverage c = ring.coverage(samples);
    assertEquals(2_500, c.samples());
    assertEquals(20, c.modeMinimum());
    assertEquals(1, c.modesCovered());
    assertEquals(2, c.modesReached());
    assertFalse(c.allModesCovered());
    assertEquals(39.0 / 2_500, c.highQualityShare(), EPS);
    assertArrayEquals(new int[] {20, 19, 0, 0, 0, 0, 0, 0}, c.perMode());
  }

  @Test
  void aSampleCountsForItsNearestModeOnly() {
    GaussianMixture grid = GaussianMixture.grid25();
    // between modes 12 (0, 0) and 17 (2, 0): of low quality, counted nowhere
    MixtureCoverage c = grid.coverage(new float[] {1f, 0f, 1.96f, 0.01f});
    assertEquals(0.5, c.highQualityShare(), EPS);
    assertEquals(1, c.perMode()[17]);
  }

  @Test
  void samplesThatAreNotFiniteAreOfLowQuality() {
    GaussianMixture ring = GaussianMixture.ring8();
    MixtureCoverage c =
        ring.coverage(new float[] {Float.NaN, 0f, 2f, 0f, 2f, Float.POSITIVE_INFINITY});
    assertEquals(1.0 / 3, c.highQualityShare(), EPS);
    assertEquals(1, c.perMode()[0]);
  }

  @Test
  void coverageRefusesWhatIsNotTwoDimensionalPoints() {
    GaussianMixture ring = GaussianMixture.ring8();
    IllegalArgumentException odd =
        assertThrows(IllegalArgumentException.class, () -> ring.coverage(new float[3]));
    assertEquals(
        "samples: expected n × 2 floats (2-dimensional points, n ≥ 1), found 3 floats",
        odd.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ring.coverage(new float[0]));
    assertThrows(IllegalArgumentException.class, () -> ring.sample(0, 1));
  }

  @Test
  void theMixturesOwnPointsScoreAsRealDataAndRepeatForASeed() {
    for (GaussianMixture m : new GaussianMixture[] {ring8(), grid25()}) {
      float[] points = m.sample(10_000, 42);
      assertArrayEquals(points, m.sample(10_000, 42));
      assertFalse(Arrays.equals(points, m.sample(10_000, 43)));
      MixtureCoverage c = m.coverage(points);
      assertTrue(c.allModesCovered(), c.toString());
      // P(r ≤ 3σ) for a 2-D Gaussian is 1 − e^{−4.5} = 98.9%
      assertEquals(0.989, c.highQualityShare(), 0.005, c.toString());
      int expected = 10_000 / m.modes();
      for (int count : c.perMode()) {
        assertEquals(expected, count, 0.2 * expected, c.toString());
      }
    }
  }

  @Test
  void theRecordCopiesItsCountsAndComparesByValue() {
    int[] counts = {1, 2};
    MixtureCoverage a = new MixtureCoverage("x", 3, 2, 1, 2, 1.0, counts, 1, 0.1);
    counts[0] = 9;
    assertEquals(1, a.perMode()[0]);
    a.perMode()[1] = 9;
    assertEquals(2, a.perMode()[1]);
    assertEquals(a, new MixtureCoverage("x", 3, 2, 1, 2, 1.0, new int[] {1, 2}, 1, 0.1));
    assertEquals(
        a.hashCode(),
        new MixtureCoverage("x", 3, 2, 1, 2, 1.0, new int[] {1, 2}, 1, 0.1).hashCode());
    assertNotEquals(a, new MixtureCoverage("x", 3, 2, 1, 2, 1.0, new int[] {1, 3}, 1, 0.1));
  }

  private static GaussianMixture ring8() {
    return GaussianMixture.ring8();
  }

  private static GaussianMixture grid25() {
    return GaussianMixture.grid25();
  }
}
