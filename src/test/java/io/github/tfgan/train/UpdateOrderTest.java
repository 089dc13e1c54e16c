package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.UpdateOrder;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Simultaneous updates: both networks step from the same point of the iteration. */
class UpdateOrderTest {
  private static final ImageData BARS = Synthetic.bars(256, 2);

  /** R1 on iteration 0 (lazy, every 2nd) and the moving average, so every op of the step counts. */
  private static final GanConfig SIMULTANEOUS =
      GanConfig.builder()
          .iterations(6)
          .batchSize(16)
          .seed(4)
          .beta1(0f)
          .r1Gamma(1f)
          .r1Every(2)
          .emaDecay(0.9f)
          .generatorLearningRate(4e-4f)
          .updates(UpdateOrder.SIMULTANEOUS)
          .build();

  @Test
  void oneIterationIsTheDStepAndTheGStepEachTakenFromTheStartingWeights() {
    GanConfig alternating = SIMULTANEOUS.toBuilder().updates(UpdateOrder.ALTERNATING).build();
    float[][] g;
    float[][] ema;
    float[][] d;
    IterationMetrics m;
    try (GanTrainer t = new GanTrainer(SIMULTANEOUS, BARS)) {
      m = t.step();
      g = t.variableValues(t.generatorVariables());
      ema = t.variableValues(t.sampledGeneratorVariables());
      d = t.variableValues(t.discriminatorVariables());
    }
    // Alternating trainers run each step alone from the same initial weights and inputs: G's step
    // against D as initialised, and D's step against G as initialised.
    try (GanTrainer t = new GanTrainer(alternating, BARS, TrainerOptions.PLAIN)) {
      float[][] d0 = t.variableValues(t.discriminatorVariables());
      t.generatorStepOnly();
      assertClose(t.variableValues(t.generatorVariables()), g, "G");
      assertClose(t.variableValues(t.sampledGeneratorVariables()), ema, "G's moving average");
      assertArrayEquals(d0, t.variableValues(t.discriminatorVariables()), "G's step leaves D");
    }
    try (GanTrainer t = new GanTrainer(alternating, BARS, TrainerOptions.PLAIN)) {
      t.discriminatorStepOnly();
      assertClose(t.variableValues(t.discriminatorVariables()), d, "D");
    }
    assertTrue(m.isFinite());
  }

  @Test
  void runsAsOneSessionRunWhateverTheOptionsAndDiffersFromAlternating() {
    List<IterationMetrics> fused = run(SIMULTANEOUS, TrainerOptions.DEFAULT);
    assertEquals(
        run(SIMULTANEOUS, TrainerOptions.UNSHARDED),
        run(SIMULTANEOUS, TrainerOptions.PLAIN),
        "PLAIN options: the same run");
    assertEquals(fused, run(SIMULTANEOUS, TrainerOptions.DEFAULT), "deterministic");
    List<IterationMetrics> alternating =
        run(
            SIMULTANEOUS.toBuilder().updates(UpdateOrder.ALTERNATING).build(),
            TrainerOptions.DEFAULT);
    assertEquals(fused.get(0).dLoss(), alternating.get(0).dLoss(), "D's first loss: same start");
    assertNotEquals(fused.get(0).gLoss(), alternating.get(0).gLoss(), "G's: D before its update");
    try (GanTrainer t = new GanTrainer(SIMULTANEOUS, BARS, TrainerOptions.PLAIN)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, t::generatorStepOnly);
      assertTrue(e.getMessage().contains("simultaneous"), e.getMessage());
    }
  }

  private static List<IterationMetrics> run(GanConfig config, TrainerOptions options) {
    List<IterationMetrics> out = new ArrayList<>();
    try (GanTrainer t = new GanTrainer(config, BARS, options)) {
      t.train(TrainingListener.each(out::add));
    }
    return out;
  }

  private static void assertClose(float[][] expected, float[][] found, String what) {
    assertEquals(expected.length, found.length, what);
    for (int v = 0; v < expected.length; v++) {
      assertArrayEquals(expected[v], found[v], 1e-6f, what + " variable " + v);
    }
  }
}
