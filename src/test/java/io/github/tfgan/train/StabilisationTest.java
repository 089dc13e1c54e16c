package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.MnistShape;
import io.github.tfgan.run.ModelExports;
import io.github.tfgan.testing.Synthetic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The R1 penalty and the moving average of G's weights, checked against Java arithmetic. */
class StabilisationTest {
  private static final ImageData BARS = Synthetic.bars(256, 2);
  private static final int BATCH = 16;

  @Test
  void r1PenaltyAddsHalfGammaTimesTheMeanSquaredInputGradientToTheDiscriminatorLoss() {
    GanConfig plain = GanConfig.builder().iterations(1).batchSize(BATCH).seed(8).build();
    GanConfig penalised = plain.toBuilder().r1Gamma(10f).build();
    float plainLoss = firstIteration(plain).dLoss();
    float[][] d;
    float penalisedLoss;
    try (GanTrainer t = new GanTrainer(penalised, BARS)) {
      d = t.variableValues(t.discriminatorVariables());
      penalisedLoss = t.step().dLoss();
    }
    // The same seed gives the same initial weights and batch, so the difference is the penalty.
    int[] indices = new int[BATCH];
    new BatchSampler(BARS.count(), BATCH, penalised.seed()).indices(0, indices);
    double sum = 0;
    for (int index : indices) {
      sum += squaredNorm(inputGradient(d, BARS.pixels(), index));
    }
    double expected = 10.0 / 2 * sum / BATCH;
    assertTrue(expected > 1e-3, "a penalty large enough to see: " + expected);
    assertEquals(expected, penalisedLoss - plainLoss, 1e-4 * Math.max(1, expected));
  }

  @Test
  void r1PenaltyTrainsAndChangesTraining() {
    GanConfig plain = GanConfig.builder().iterations(20).batchSize(BATCH).seed(3).build();
    List<IterationMetrics> a = run(plain.toBuilder().r1Gamma(1f).build(), TrainerOptions.PLAIN);
    List<IterationMetrics> b = run(plain.toBuilder().r1Gamma(1f).build(), TrainerOptions.UNSHARDED);
    assertEquals(a, b, "fused and plain steps agree with the penalty too");
    assertTrue(a.stream().allMatch(IterationMetrics::isFinite));
    assertNotEquals(run(plain, TrainerOptions.DEFAULT).get(19), a.get(19));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void movingAverageFollowsGeneratorWeightsAndIsWhatSamplesAndExportsUse(
      boolean warmup, @TempDir Path dir) {
    float decay = 0.9f;
    GanConfig config =
        GanConfig.builder()
            .iterations(3)
            .batchSize(BATCH)
            .seed(5)
            .emaDecay(decay)
            .emaWarmup(warmup)
            .build();
    float[] z = new float[2 * 100];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) Math.sin(i * 0.3);
    }
    try (GanTrainer t = new GanTrainer(config, BARS)) {
      float[][] ema = t.variableValues(t.sampledGeneratorVariables());
      assertArrayEquals(ema, t.variableValues(t.generatorVariables()), "starts equal to G");
      for (int step = 0; step < 3; step++) {
        t.step();
        // TensorFlow's ExponentialMovingAverage(num_updates): min(decay, (1 + n) / (10 + n)).
        float d = warmup ? Math.min(decay, (1f + step) / (10f + step)) : decay;
        float[][] w = t.variableValues(t.generatorVariables());
        for (int v = 0; v < w.length; v++) {
          for (int i = 0; i < w[v].length; i++) {
            ema[v][i] = ema[v][i] - (1 - d) * (ema[v][i] - w[v][i]);
          }
        }
        float[][] found = t.variableValues(t.sampledGeneratorVariables());
        for (int v = 0; v < w.length; v++) {
          assertArrayEquals(ema[v], found[v], 1e-6f, "step " + step + " variable " + v);
        }
      }
      assertTrue(
          maxAbsDiff(t.variableValues(t.generatorVariables()), ema) > 1e-5,
          "the average lags the weights");
      float[] samples = t.generate(z);
      Path export = dir.resolve("generator/1");
      ModelExports.generator(t, export, false);
      try (GeneratorModel g = GeneratorModel.load(export)) {
        assertArrayEquals(samples, g.generate(z), 1e-6f, "the export is the averaged generator");
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void warmUpMakesTheFirstAverageMostlyTheTrainedWeights() {
    // The stable preset's decay: with warm-up the first update uses min(0.9998, 1/10) = 0.1, so
    // the average is 0.1·init + 0.9·w1; without it, 0.9998·init + 0.0002·w1.
    GanConfig base =
        GanConfig.builder().iterations(1).batchSize(BATCH).seed(4).emaDecay(0.9998f).build();
    float[][] init;
    float[][] w1;
    float[][] warm;
    try (GanTrainer t = new GanTrainer(base.toBuilder().emaWarmup(true).build(), BARS)) {
      init = t.variableValues(t.generatorVariables());
      t.step();
      w1 = t.variableValues(t.generatorVariables());
      warm = t.variableValues(t.sampledGeneratorVariables());
    }
    float[][] cold;
    try (GanTrainer t = new GanTrainer(base.toBuilder().emaWarmup(false).build(), BARS)) {
      assertArrayEquals(init, t.variableValues(t.generatorVariables()), "the same init");
      t.step();
      assertArrayEquals(w1, t.variableValues(t.generatorVariables()), "the same first step");
      cold = t.variableValues(t.sampledGeneratorVariables());
    }
    for (int v = 0; v < init.length; v++) {
      for (int i = 0; i < init[v].length; i++) {
        assertEquals(0.1f * init[v][i] + 0.9f * w1[v][i], warm[v][i], 1e-6f, "warm " + v + "," + i);
        assertEquals(
            0.9998f * init[v][i] + 0.0002f * w1[v][i], cold[v][i], 1e-6f, "cold " + v + "," + i);
      }
    }
    double moved = maxAbsDiff(w1, init);
    assertTrue(moved > 1e-4, "the first step moves the weights: " + moved);
    assertTrue(maxAbsDiff(warm, w1) < 0.11 * moved, "warm-up: near the trained weights");
    assertTrue(maxAbsDiff(cold, init) < 0.001 * moved, "constant decay: near the initial ones");
    assertTrue(maxAbsDiff(warm, w1) * 5 < maxAbsDiff(cold, w1));
  }

  @Test
  void lazyR1AppliesTheWeightedPenaltyEveryKthIterationOnly() {
    GanConfig base = GanConfig.builder().iterations(7).batchSize(BATCH).seed(6).build();
    GanConfig lazy = base.toBuilder().r1Gamma(2f).r1Every(3).build();
    List<IterationMetrics> fused = run(lazy, TrainerOptions.DEFAULT);
    assertEquals(
        run(lazy, TrainerOptions.UNSHARDED),
        run(lazy, TrainerOptions.PLAIN),
        "fused and plain steps agree");
    // Iteration 0 applies R1 weighted by k: the same as γ·k every iteration, for that step.
    assertEquals(
        firstIteration(base.toBuilder().r1Gamma(6f).build()).dLoss(), fused.get(0).dLoss());
    // A two-iteration run differs from the unpenalised one only through iteration 0's update:
    // iteration 1 has no penalty, so its D loss is the cross-entropy alone.
    List<IterationMetrics> withPenaltyOnce = run(lazy.toBuilder().iterations(2).build());
    assertEquals(fused.subList(0, 2), withPenaltyOnce);
    assertNotEquals(run(base.toBuilder().iterations(2).build()).get(1), withPenaltyOnce.get(1));
    assertNotEquals(
        run(base.toBuilder().r1Gamma(2f).iterations(2).build()).get(1), withPenaltyOnce.get(1));
  }

  @Test
  void prefetchingChangesNothingButWhereTheBatchIsFilled() {
    GanConfig config = GanConfig.builder().iterations(12).batchSize(BATCH).seed(9).build();
    assertTrue(TrainerOptions.DEFAULT.prefetch());
    assertEquals(
        run(config, TrainerOptions.FUSED_NO_PREFETCH), run(config, TrainerOptions.DEFAULT));
  }

  private static IterationMetrics firstIteration(GanConfig config) {
    return run(config, TrainerOptions.DEFAULT).get(0);
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

  /**
   * d logit / d x for one image, by hand: D is 784 → 256 → 128 (leaky ReLU 0.2) → 1 (linear), its
   * variables kernel then bias per layer, kernels row-major [in, out].
   */
  private static double[] inputGradient(float[][] d, float[] pixels, int image) {
    int[] sizes = {MnistShape.PIXELS, 256, 128, 1};
    double[][] pre = new double[3][];
    double[] h = new double[MnistShape.PIXELS];
    for (int i = 0; i < h.length; i++) {
      h[i] = pixels[image * MnistShape.PIXELS + i];
    }
    for (int layer = 0; layer < 3; layer++) {
      float[] kernel = d[2 * layer];
      float[] bias = d[2 * layer + 1];
      int in = sizes[layer];
      int out = sizes[layer + 1];
      double[] a = new double[out];
      for (int o = 0; o < out; o++) {
        double s = bias[o];
        for (int i = 0; i < in; i++) {
          s += h[i] * kernel[i * out + o];
        }
        a[o] = s;
      }
      pre[layer] = a;
      h = new double[out];
      for (int o = 0; o < out; o++) {
        h[o] = layer < 2 ? (a[o] > 0 ? a[o] : 0.2 * a[o]) : a[o];
      }
    }
    double[] g = {1.0};
    for (int layer = 2; layer >= 0; layer--) {
      float[] kernel = d[2 * layer];
      int in = sizes[layer];
      int out = sizes[layer + 1];
      if (layer < 2) {
        for (int o = 0; o < out; o++) {
          g[o] *= pre[layer][o] > 0 ? 1 : 0.2;
        }
      }
      double[] back = new double[in];
      for (int i = 0; i < in; i++) {
        double s = 0;
        for (int o = 0; o < out; o++) {
          s += kernel[i * out + o] * g[o];
        }
        back[i] = s;
      }
      g = back;
    }
    return g;
  }

  private static double squaredNorm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return s;
  }

  private static double maxAbsDiff(float[][] a, float[][] b) {
    double m = 0;
    for (int v = 0; v < a.length; v++) {
      for (int i = 0; i < a[v].length; i++) {
        m = Math.max(m, Math.abs(a[v][i] - b[v][i]));
      }
    }
    return m;
  }
}
