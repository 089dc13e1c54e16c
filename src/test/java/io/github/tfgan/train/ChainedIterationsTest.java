package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.UpdateOrder;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.model.SeedStreams;
import io.github.tfgan.testing.Synthetic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chains of iterations in one session run ({@link TrainerOptions#unroll}) against one iteration per
 * run: the same ops in the same order, so the same losses, weights and samples, bit for bit.
 */
class ChainedIterationsTest {
  private static final ImageData BARS = Synthetic.bars(512, 1);
  private static final TrainerOptions ONE_PER_RUN = TrainerOptions.SHARDED;

  /** What a run leaves: every iteration's metrics, the weights, and samples read mid-run. */
  private record Outcome(
      List<IterationMetrics> metrics,
      List<float[]> samples,
      List<Long> stateAt,
      float[][] generator,
      float[][] discriminator) {}

  private static GanConfig.Builder small(int iterations) {
    return GanConfig.builder().iterations(iterations).batchSize(32).seed(21);
  }

  /**
   * Trains in two calls (the first stopping at {@code firstPart}, as a resumed run would start
   * there), with a listener that generates samples every {@code readEvery} iterations.
   */
  private static Outcome run(
      GanConfig config, TrainerOptions options, long firstPart, long readEvery) {
    List<IterationMetrics> metrics = new ArrayList<>();
    List<float[]> samples = new ArrayList<>();
    List<Long> stateAt = new ArrayList<>();
    float[] z = new float[4 * config.noiseDim()];
    new SeedStreams(3).fillGaussian(SeedStreams.SAMPLE_GRID, 0, z);
    TrainingListener reader =
        new TrainingListener() {
          @Override
          public long nextStateRead(long completed) {
            return TrainingListener.nextMultiple(completed, readEvery);
          }

          @Override
          public void onIteration(GanTrainer trainer, IterationMetrics m) {
            metrics.add(m);
            if (m.iteration() % readEvery == 0) {
              stateAt.add(trainer.completedIterations());
              samples.add(trainer.generate(z));
            }
          }
        };
    try (GanTrainer t = new GanTrainer(config, BARS, options)) {
      t.advance(firstPart, reader);
      t.train(reader);
      return new Outcome(
          metrics, samples, stateAt, t.sampledGeneratorValues(), t.discriminatorValues());
    }
  }

  private static void assertSame(Outcome expected, Outcome actual) {
    assertEquals(expected.metrics(), actual.metrics());
    assertEquals(expected.stateAt(), actual.stateAt());
    assertEquals(expected.samples().size(), actual.samples().size());
    for (int i = 0; i < expected.samples().size(); i++) {
      assertArrayEquals(expected.samples().get(i), actual.samples().get(i), "samples " + i);
    }
    for (int i = 0; i < expected.generator().length; i++) {
      assertArrayEquals(expected.generator()[i], actual.generator()[i], "generator " + i);
      assertArrayEquals(expected.discriminator()[i], actual.discriminator()[i], "disc. " + i);
    }
  }

  @Test
  void chainsGiveExactlyTheRunOfOneIterationPerRun() {
    assertEquals(4, TrainerOptions.DEFAULT.unroll());
    // 23 iterations: chains from 4 after a first part of 3, broken by reads every 6 and the end.
    GanConfig article = small(23).build();
    Outcome one = run(article, ONE_PER_RUN, 3, 6);
    // Chained from the start, without reads (the first part 0): the same again.
    assertSame(run(article, ONE_PER_RUN, 0, 100), run(article, TrainerOptions.DEFAULT, 0, 100));
    Outcome chained = run(article, TrainerOptions.DEFAULT, 3, 6);
    assertSame(one, chained);
    // The reader saw the state of the iteration it was handed, every 6.
    assertEquals(List.of(6L, 12L, 18L), chained.stateAt());
    assertEquals(23, chained.metrics().size());
  }

  @Test
  void chainsKeepLazyR1TheMovingAverageAndTheRatesPerIteration() {
    // R1 every 3rd iteration with chains of 4: three kinds of chain. Decay every 2 iterations:
    // each link's own rate.
    GanConfig stable =
        small(26)
            .r1Gamma(1f)
            .r1Every(3)
            .beta1(0f)
            .beta2(0.99f)
            .learningRate(1e-3f)
            .generatorLearningRate(3e-3f)
            .lrDecayRate(0.9f)
            .lrDecaySteps(2)
            .emaDecay(0.99f)
            .build();
    Outcome chained = run(stable, TrainerOptions.DEFAULT, 1, 10);
    assertSame(run(stable, ONE_PER_RUN, 1, 10), chained);
    assertEquals(1e-3f * 0.9f * 0.9f, chained.metrics().get(5).learningRate(), 1e-12);
    // and with unroll 2 and the prefetch thread off
    assertSame(
        chained, run(stable, TrainerOptions.DEFAULT.withUnroll(2).withPrefetch(false), 1, 10));
  }

  @Test
  void chainsOfSimultaneousUpdates() {
    GanConfig simultaneous = small(12).updates(UpdateOrder.SIMULTANEOUS).emaDecay(0.99f).build();
    assertSame(
        run(simultaneous, ONE_PER_RUN, 0, 100), run(simultaneous, TrainerOptions.DEFAULT, 0, 100));
  }

  @Test
  void aListenerThatReadsTheStateByDefaultGetsOneIterationPerRun() {
    List<Long> seen = new ArrayList<>();
    try (GanTrainer t = new GanTrainer(small(6).build(), BARS)) {
      t.train(
          new TrainingListener() {
            @Override
            public void onIteration(GanTrainer trainer, IterationMetrics m) {
              seen.add(trainer.completedIterations() - m.iteration());
            }
          });
    }
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L), seen);
  }

  @Test
  void unrollIsCheckedAndNeedsTheFusedStep() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TrainerOptions.PLAIN.withUnroll(2));
    assertTrue(e.getMessage().startsWith("unroll: "), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TrainerOptions.DEFAULT.withUnroll(0));
  }
}
