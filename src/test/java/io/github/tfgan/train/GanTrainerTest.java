package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.model.MnistShape;
import io.github.tfgan.model.SeedStreams;
import io.github.tfgan.testing.Synthetic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GanTrainerTest {
  private static final ImageData BARS = Synthetic.bars(512, 1);

  private static GanConfig small(int iterations, long seed) {
    return GanConfig.builder().iterations(iterations).batchSize(32).seed(seed).build();
  }

  @Test
  void discriminatorStepChangesOnlyDiscriminatorVariables() {
    // PLAIN runs the steps separately; the fused step builds the same two optimisers.
    try (GanTrainer t = new GanTrainer(small(1, 3), BARS, TrainerOptions.PLAIN)) {
      float[][] g0 = t.variableValues(t.generatorVariables());
      float[][] d0 = t.variableValues(t.discriminatorVariables());
      t.discriminatorStepOnly();
      assertUnchanged(g0, t.variableValues(t.generatorVariables()));
      assertAllChanged(d0, t.variableValues(t.discriminatorVariables()));
    }
  }

  @Test
  void generatorStepChangesOnlyGeneratorVariables() {
    try (GanTrainer t = new GanTrainer(small(1, 3), BARS, TrainerOptions.PLAIN)) {
      float[][] g0 = t.variableValues(t.generatorVariables());
      float[][] d0 = t.variableValues(t.discriminatorVariables());
      t.generatorStepOnly();
      assertUnchanged(d0, t.variableValues(t.discriminatorVariables()));
      assertAllChanged(g0, t.variableValues(t.generatorVariables()));
    }
  }

  @Test
  void sameSeedGivesIdenticalLossesAndAnotherSeedDoesNot() {
    List<IterationMetrics> a = run(small(15, 11));
    List<IterationMetrics> b = run(small(15, 11));
    List<IterationMetrics> c = run(small(15, 12));
    assertEquals(a, b);
    assertNotEquals(a.get(14), c.get(14));
  }

  @Test
  void discriminatorLearnsAndSamplesMoveTowardTheData() {
    float[] dataMean = meanImage(BARS.pixels());
    try (GanTrainer t = new GanTrainer(small(400, 5), BARS)) {
      float[] z = new float[64 * t.config().noiseDim()];
      new SeedStreams(7).fillGaussian(SeedStreams.SAMPLE_GRID, 0, z);
      double before = meanAbsDiff(meanImage(t.generate(z)), dataMean);
      List<IterationMetrics> m = new ArrayList<>();
      t.train(TrainingListener.each(m::add));
      double after = meanAbsDiff(meanImage(t.generate(z)), dataMean);
      double firstD =
          m.subList(0, 10).stream().mapToDouble(IterationMetrics::dLoss).average().orElseThrow();
      double lastD =
          m.subList(390, 400).stream().mapToDouble(IterationMetrics::dLoss).average().orElseThrow();
      assertTrue(lastD < firstD, "D loss fell: " + firstD + " -> " + lastD);
      assertTrue(after < 0.5 * before, "samples moved toward the data: " + before + " -> " + after);
      assertEquals(400, t.completedIterations());
    }
  }

  @Test
  void refusesUseAfterCloseAndBatchesLargerThanTheData() {
    GanTrainer t = new GanTrainer(small(1, 1), BARS);
    t.close();
    assertThrows(IllegalStateException.class, t::step);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GanTrainer(GanConfig.builder().batchSize(1000).build(), BARS));
    assertTrue(e.getMessage().startsWith("batchSize: expected at most"), e.getMessage());
  }

  @Test
  void learningRateDecayAndClippingRun() {
    GanConfig config =
        GanConfig.builder()
            .iterations(6)
            .batchSize(32)
            .lrDecayRate(0.5f)
            .lrDecaySteps(2)
            .clipNorm(1f)
            .realLabel(0.9f)
            .build();
    List<IterationMetrics> m = run(config);
    assertEquals(2e-4f, m.get(0).learningRate(), 1e-10);
    assertEquals(1e-4f, m.get(2).learningRate(), 1e-10);
    assertEquals(5e-5f, m.get(5).learningRate(), 1e-10);
    assertTrue(m.stream().allMatch(IterationMetrics::isFinite));
  }

  @Test
  void fusedStepGivesExactlyTheLossesOfTwoRunsPerIteration() {
    GanConfig config = small(25, 4);
    assertTrue(TrainerOptions.UNSHARDED.fusedStep());
    assertEquals(run(config, TrainerOptions.PLAIN), run(config, TrainerOptions.UNSHARDED));
  }

  @Test
  void shardedStepIsDeterministicAndAgreesWithThePlainStepToRounding() {
    GanConfig config = small(5, 6);
    assertEquals(2, TrainerOptions.DEFAULT.shards());
    List<IterationMetrics> sharded = run(config, TrainerOptions.DEFAULT);
    assertEquals(sharded, run(config, TrainerOptions.DEFAULT));
    assertEquals(sharded, run(config, TrainerOptions.DEFAULT.withPrefetch(false)));
    // Each shard sums its rows' gradients, then the shards' sums are added: the same gradient,
    // added in another order, so the losses agree with the plain path's to rounding.
    List<IterationMetrics> plain = run(config, TrainerOptions.PLAIN);
    assertNotEquals(plain, sharded, "rounded differently, not bit for bit");
    assertEquals(plain.get(0).dLoss(), sharded.get(0).dLoss(), 1e-5);
    assertEquals(plain.get(0).gLoss(), sharded.get(0).gLoss(), 1e-4);
    assertEquals(plain.get(4).dLoss(), sharded.get(4).dLoss(), 1e-3);
    List<IterationMetrics> four =
        run(config, new TrainerOptions(true, 4, 1, 1, 4, false, false, true));
    assertEquals(plain.get(4).gLoss(), four.get(4).gLoss(), 1e-3, "four shards");
  }

  @Test
  void shardsAreTheLargestCountUpToTheAskedOneThatDividesTheBatch() {
    assertEquals(2, Shards.count(2, 32));
    assertEquals(1, Shards.count(2, 7));
    assertEquals(3, Shards.count(4, 9));
    assertEquals(1, Shards.count(1, 32));
    assertEquals(2, Shards.count(8, 2));
    // an odd batch trains with the default options, as one shard
    GanConfig odd = GanConfig.builder().iterations(2).batchSize(7).seed(1).build();
    assertEquals(run(odd, TrainerOptions.PLAIN), run(odd, TrainerOptions.UNSHARDED));
    assertEquals(run(odd, TrainerOptions.UNSHARDED), run(odd, TrainerOptions.DEFAULT));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TrainerOptions(true, 0, 1, 0, 0, false, true, true));
    assertTrue(e.getMessage().contains("shards"), e.getMessage());
  }

  @Test
  void xlaStepIsDeterministicAndAgreesWithThePlainStepToRounding() {
    GanConfig config = small(5, 6);
    List<IterationMetrics> xla = run(config, TrainerOptions.FUSED_XLA);
    assertEquals(xla, run(config, TrainerOptions.FUSED_XLA));
    // XLA fuses the element-wise ops with its own exp/log: the same math, rounded differently,
    // so the plain path's losses agree to a few units in the last place, not bit for bit.
    List<IterationMetrics> plain = run(config, TrainerOptions.PLAIN);
    assertEquals(plain.get(0).dLoss(), xla.get(0).dLoss(), 1e-5);
    assertEquals(plain.get(0).gLoss(), xla.get(0).gLoss(), 1e-4);
    assertEquals(plain.get(4).dLoss(), xla.get(4).dLoss(), 1e-3);
  }

  @Test
  void leastSquaresLossAndSeparateGeneratorRateTrain() {
    GanConfig config =
        GanConfig.builder()
            .iterations(30)
            .batchSize(32)
            .loss(io.github.tfgan.config.LossKind.LEAST_SQUARES)
            .generatorLearningRate(4e-4f)
            .build();
    List<IterationMetrics> m = run(config);
    assertTrue(m.get(29).dLoss() < m.get(0).dLoss(), "D learns");
    assertTrue(m.stream().allMatch(IterationMetrics::isFinite));
    assertNotEquals(run(small(30, 42)).get(29), m.get(29), "the options change training");
  }

  private static List<IterationMetrics> run(GanConfig config) {
    return run(config, TrainerOptions.DEFAULT);
  }

  private static List<IterationMetrics> run(GanConfig config, TrainerOptions options) {
    List<IterationMetrics> out = new ArrayList<>();
    try (GanTrainer t = new GanTrainer(config, BARS, options)) {
      t.train(TrainingListener.each(out::add));
    }
    return out;
  }

  private static void assertUnchanged(float[][] before, float[][] after) {
    for (int i = 0; i < before.length; i++) {
      assertArrayEquals(before[i], after[i], "variable " + i);
    }
  }

  private static void assertAllChanged(float[][] before, float[][] after) {
    for (int i = 0; i < before.length; i++) {
      assertFalse(Arrays.equals(before[i], after[i]), "variable " + i + " should change");
    }
  }

  private static float[] meanImage(float[] images) {
    int n = images.length / MnistShape.PIXELS;
    float[] mean = new float[MnistShape.PIXELS];
    for (int k = 0; k < n; k++) {
      for (int p = 0; p < MnistShape.PIXELS; p++) {
        mean[p] += images[k * MnistShape.PIXELS + p] / n;
      }
    }
    return mean;
  }

  private static double meanAbsDiff(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.abs(a[i] - b[i]);
    }
    return s / a.length;
  }
}
