package io.github.tfgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.cli.GanCliTest.Run;
import io.github.tfgan.eval.GaussianMixture;
import io.github.tfgan.eval.MixtureCoverage;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.run.RunDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defaults for vector data keep every mode of the two benchmark mixtures: {@code gan mixture}
 * writes the CSV, {@code gan train --data FILE.csv} trains it with the {@code vectors} preset (no
 * {@code --preset}, no other flag but {@code --iterations}), and {@link GaussianMixture#coverage}
 * measures 2,500 samples of the exported generator.
 *
 * <p><b>Shortened:</b> the runs stop at {@value #ITERATIONS} iterations of the preset's 30,000, so
 * that each takes about 12 s here (up to 30 s on a loaded machine), and the thresholds are those of
 * a third of the run: every mode covered, and at least {@value #RING_SHARE} (ring8) and {@value
 * #GRID_SHARE} (grid25) of the samples of high quality. At this length the preset measured 83–85%
 * (ring8) and 58–67% (grid25) on seeds 42, 1 and 2; the full runs measured 93–94% and 86–88%
 * (docs/results/mixtures.md).
 */
class VectorsPresetMixturesTest {
  /** Iterations of the shortened runs. */
  static final int ITERATIONS = 10_000;

  /** The least high-quality share ring8 must reach in the shortened run. */
  static final double RING_SHARE = 0.75;

  /** The least high-quality share grid25 must reach in the shortened run. */
  static final double GRID_SHARE = 0.5;

  @TempDir Path dir;

  @Test
  void ring8KeepsEveryMode() throws Exception {
    MixtureCoverage c = trainAndMeasure("ring8");
    assertEquals(8, c.modesCovered(), c.toString());
    assertTrue(c.highQualityShare() >= RING_SHARE, c.toString());
  }

  @Test
  void grid25KeepsEveryMode() throws Exception {
    MixtureCoverage c = trainAndMeasure("grid25");
    assertEquals(25, c.modesCovered(), c.toString());
    assertTrue(c.highQualityShare() >= GRID_SHARE, c.toString());
  }

  private MixtureCoverage trainAndMeasure(String kind) throws Exception {
    Path csv = dir.resolve(kind + ".csv");
    Run data =
        GanCliTest.cli("mixture", "--kind", kind, "--count", "10000", "--out", csv.toString());
    assertEquals(0, data.code(), data.err());
    Path run = dir.resolve("run");
    Run trained =
        GanCliTest.cli(
            "train",
            "--data",
            csv.toString(),
            "--out",
            run.toString(),
            "--iterations",
            Integer.toString(ITERATIONS));
    assertEquals(0, trained.code(), trained.err());
    assertTrue(
        trained.out().startsWith("preset: vectors (chosen for 2-dimensional vectors"),
        trained.out());
    try (GeneratorModel g = GeneratorModel.load(new RunDirectory(run).generator())) {
      return GaussianMixture.named(kind)
          .coverage(g.generate(g.noise(GaussianMixture.VEEGAN_SAMPLES, 42)));
    }
  }
}
