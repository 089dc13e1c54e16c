package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.LossKind;
import io.github.tfgan.config.UpdateOrder;
import io.github.tfgan.data.Architectures;
import io.github.tfgan.data.ArrayDataset;
import io.github.tfgan.model.Activation;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.Network;
import io.github.tfgan.model.NetworkSpec;
import io.github.tfgan.model.Tensors;
import io.github.tfgan.runtime.GraphSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * WGAN-GP ({@link GradientPenalty}): its value, input gradient and seed against plain Java for
 * small fixed discriminators; a dense LeakyReLU D trains with it under every execution form (one or
 * two runs, shards, chains, lazy R1 beside it) and resumes exactly; and a D whose backward pass
 * TensorFlow Java cannot differentiate is refused before any graph is built ({@link
 * GradientSupport}).
 */
class GradientPenaltyTest {
  private static final int FEATURES = 3;
  private static final int ROWS = 4;

  /** Rows of two shards: each shard's penalty divides by the whole batch. */
  private static final int BATCH = 2 * ROWS;

  private static final float GAMMA = 10f;
  private static final float[] REAL = {1f, 2f, -1f, 0.5f, 0f, 0.25f, -2f, 1f, 3f, 0f, -0.5f, 1f};
  private static final float[] FAKE = {0f, -1f, 2f, 1f, 1f, -0.75f, 0.5f, 0.5f, -3f, 2f, 0.5f, 0f};
  private static final float[] MIX = {0f, 0.25f, 0.6f, 1f};

  @Test
  void aLinearDiscriminatorsPenaltyIsGammaTimesTheSquaredDistanceOfItsKernelsNormFromOne() {
    // D(x) = x · w + b: ∇ D(x̂) = w for every x̂.
    NetworkSpec linear =
        new NetworkSpec(
            Names.DISCRIMINATOR,
            FEATURES,
            List.of(new io.github.tfgan.model.Layer(1, Activation.LINEAR)));
    Fetched f = penalty(linear, 5);
    float[] w = f.weights().get(0);
    double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2] + GradientPenalty.EPSILON);
    assertEquals(GAMMA * ROWS / BATCH * (norm - 1) * (norm - 1), f.value(), 1e-5, "penalty");
    for (int r = 0; r < ROWS; r++) {
      for (int j = 0; j < FEATURES; j++) {
        assertEquals(w[j], f.inputGradient()[r * FEATURES + j], 1e-6, "∇ D, row " + r);
        assertEquals(
            2 * GAMMA / BATCH * (norm - 1) / norm * w[j],
            f.seed()[r * FEATURES + j],
            1e-6,
            "seed, row " + r);
      }
    }
  }

  @Test
  void aLeakyReluDiscriminatorsPenaltyMatchesTheChainRuleByHand() {
    int hidden = 5;
    NetworkSpec spec =
        new NetworkSpec(
            Names.DISCRIMINATOR,
            FEATURES,
            List.of(
                new io.github.tfgan.model.Layer(hidden, Activation.LEAKY_RELU),
                new io.github.tfgan.model.Layer(1, Activation.LINEAR)));
    Fetched f = penalty(spec, 8);
    float[] w1 = f.weights().get(0); // [FEATURES, hidden], row-major
    float[] b1 = f.weights().get(1);
    float[] w2 = f.weights().get(2); // [hidden, 1]
    double expected = 0;
    int bent = 0;
    for (int r = 0; r < ROWS; r++) {
      double[] x = new double[FEATURES];
      for (int j = 0; j < FEATURES; j++) {
        int i = r * FEATURES + j;
        x[j] = MIX[r] * REAL[i] + (1 - MIX[r]) * FAKE[i];
      }
      double[] g = new double[FEATURES];
      for (int k = 0; k < hidden; k++) {
        double h = b1[k];
        for (int j = 0; j < FEATURES; j++) {
          h += x[j] * w1[j * hidden + k];
        }
        double slope = h > 0 ? 1 : Activation.LEAKY_RELU_ALPHA;
        bent += h > 0 ? 0 : 1;
        for (int j = 0; j < FEATURES; j++) {
          g[j] += w1[j * hidden + k] * slope * w2[k];
        }
      }
      double sq = 0;
      for (int j = 0; j < FEATURES; j++) {
        sq += g[j] * g[j];
        assertEquals(g[j], f.inputGradient()[r * FEATURES + j], 1e-5, "∇ D, row " + r);
      }
      double norm = Math.sqrt(sq + GradientPenalty.EPSILON);
      expected += (norm - 1) * (norm - 1);
      for (int j = 0; j < FEATURES; j++) {
        assertEquals(
            2 * GAMMA / BATCH * (norm - 1) / norm * g[j],
            f.seed()[r * FEATURES + j],
            1e-5,
            "seed, row " + r);
      }
    }
    assertTrue(bent > 0 && bent < ROWS * hidden, "both slopes of the LeakyReLU are exercised");
    assertEquals(GAMMA / BATCH * expected, f.value(), 1e-5 * Math.max(1, expected), "penalty");
  }

  /** The penalty's outputs and D's weights, for the fixed rows above. */
  private record Fetched(float value, float[] inputGradient, float[] seed, List<float[]> weights) {}

  private static Fetched penalty(NetworkSpec spec, long seed) {
    try (GraphSession gs = GraphSession.open()) {
      record Built(GradientPenalty gp, Network d) {}
      Built b =
          gs.build(
              graph -> {
                Ops tf = Ops.create(graph);
                Network d = Network.create(tf, spec, seed);
                GradientPenalty gp =
                    GradientPenalty.of(
                        graph,
                        tf,
                        d,
                        matrix(tf, REAL, FEATURES),
                        matrix(tf, FAKE, FEATURES),
                        matrix(tf, MIX, 1),
                        null,
                        BATCH,
                        GAMMA,
                        "gp_test");
                return new Built(gp, d);
              });
      gs.initialize();
      Session.Runner runner =
          gs.runner().fetch(b.gp().value()).fetch(b.gp().inputGradient()).fetch(b.gp().seed());
      b.d().variables().forEach(runner::fetch);
      try (Result r = runner.run()) {
        List<float[]> weights = new ArrayList<>();
        for (int i = 0; i < b.d().variables().size(); i++) {
          weights.add(Tensors.toArray((TFloat32) r.get(3 + i)));
        }
        return new Fetched(
            ((TFloat32) r.get(0)).getFloat(),
            Tensors.toArray((TFloat32) r.get(1)),
            Tensors.toArray((TFloat32) r.get(2)),
            weights);
      }
    }
  }

  private static Operand<TFloat32> matrix(Ops tf, float[] values, int columns) {
    return tf.reshape(
        tf.constant(values), tf.constant(new long[] {values.length / columns, columns}));
  }

  // --- training with the penalty ---

  /** 256 points of a 2-D Gaussian centred at (3, -2). */
  private static final ArrayDataset POINTS = points(256, 1);

  private static ArrayDataset points(int n, long seed) {
    Random random = new Random(seed);
    float[] v = new float[2 * n];
    for (int i = 0; i < n; i++) {
      v[2 * i] = 3f + (float) random.nextGaussian();
      v[2 * i + 1] = -2f + 0.5f * (float) random.nextGaussian();
    }
    return ArrayDataset.vectors(v, 2, "synthetic points");
  }

  private static GanConfig.Builder wgan(int iterations) {
    return GanConfig.builder()
        .dataset(Dataset.CUSTOM)
        .net("mlp:16,16")
        .noiseDim(4)
        .batchSize(16)
        .iterations(iterations)
        .learningRate(1e-3f)
        .beta1(0f)
        .beta2(0.9f)
        .loss(LossKind.WASSERSTEIN)
        .gpGamma(GAMMA)
        .seed(7);
  }

  private static List<IterationMetrics> run(GanConfig config, TrainerOptions options) {
    List<IterationMetrics> out = new ArrayList<>();
    try (GanTrainer t = new GanTrainer(config, POINTS, options)) {
      t.train(TrainingListener.each(out::add));
    }
    return out;
  }

  @Test
  void aDenseLeakyReluDiscriminatorTrainsWithThePenaltyTheSameWayInEveryExecutionForm() {
    GanConfig config = wgan(60).build();
    List<IterationMetrics> plain = run(config, TrainerOptions.PLAIN);
    assertEquals(60, plain.size());
    assertTrue(plain.stream().allMatch(IterationMetrics::isFinite));
    double first = plain.subList(0, 10).stream().mapToDouble(IterationMetrics::dLoss).sum();
    double last = plain.subList(50, 60).stream().mapToDouble(IterationMetrics::dLoss).sum();
    assertTrue(last < first, "the critic learns: D loss " + first / 10 + " -> " + last / 10);
    // One session run per iteration or two: the same ops, bit for bit.
    assertEquals(plain, run(config, TrainerOptions.UNSHARDED));
    // Two shards, chained four at a time or not: bit for bit with each other.
    List<IterationMetrics> sharded = run(config, TrainerOptions.SHARDED);
    assertEquals(sharded, run(config, TrainerOptions.DEFAULT));
    assertEquals(plain.get(0).dLoss(), sharded.get(0).dLoss(), 1e-4);
    // The penalty is D's alone: with simultaneous updates G's loss reads D before D's update.
    GanConfig once = wgan(1).updates(UpdateOrder.SIMULTANEOUS).build();
    IterationMetrics free = run(once.toBuilder().gpGamma(0f).build(), TrainerOptions.PLAIN).get(0);
    IterationMetrics penalised = run(once, TrainerOptions.PLAIN).get(0);
    assertTrue(penalised.dLoss() > free.dLoss(), penalised + " against " + free);
    assertEquals(free.gLoss(), penalised.gLoss(), "G's loss has no penalty");
    // with lazy R1 beside it, and simultaneous updates, chained as one run per iteration
    GanConfig both = wgan(13).r1Gamma(1f).r1Every(3).build();
    assertEquals(run(both, TrainerOptions.SHARDED), run(both, TrainerOptions.DEFAULT));
    GanConfig simultaneous = wgan(9).loss(LossKind.HINGE).updates(UpdateOrder.SIMULTANEOUS).build();
    assertEquals(
        run(simultaneous, TrainerOptions.SHARDED), run(simultaneous, TrainerOptions.DEFAULT));
  }

  @Test
  void theFirstIterationsPenaltyOnALinearDiscriminatorIsGammaTimesItsKernelsDistanceFromOne() {
    // The whole trainer, feeds included: with D(x) = x · w + b, the penalty at the first
    // iteration is γ(‖w₀‖ − 1)² whatever ε is, and the rest of D's loss is the same without it.
    GanConfig config = wgan(1).build();
    GanArchitecture mlp = Architectures.forData(config, POINTS);
    GanArchitecture arch =
        new GanArchitecture(
            mlp.shape(),
            mlp.scaling(),
            mlp.flat(),
            mlp.generator(),
            new NetworkSpec(
                Names.DISCRIMINATOR,
                2,
                List.of(new io.github.tfgan.model.Layer(1, Activation.LINEAR))));
    float withPenalty;
    float[] w;
    try (GanTrainer t = new GanTrainer(config, arch, POINTS, TrainerOptions.PLAIN)) {
      w = t.discriminatorValues()[0];
      withPenalty = t.step().dLoss();
    }
    float without;
    try (GanTrainer t =
        new GanTrainer(
            config.toBuilder().gpGamma(0f).build(), arch, POINTS, TrainerOptions.PLAIN)) {
      without = t.step().dLoss();
    }
    double norm = Math.sqrt(w[0] * w[0] + w[1] * w[1]);
    assertEquals(GAMMA * (norm - 1) * (norm - 1), withPenalty - without, 1e-4);
  }

  @Test
  void aRunRestoredFromACheckpointDrawsTheSameInterpolatesAsAnUnbrokenRun(@TempDir Path tmp) {
    GanConfig config = wgan(12).loss(LossKind.HINGE).gpGamma(1f).build();
    List<IterationMetrics> unbroken = run(config, TrainerOptions.DEFAULT);
    List<IterationMetrics> resumed = new ArrayList<>();
    try (GanTrainer t = new GanTrainer(config, POINTS, TrainerOptions.DEFAULT)) {
      t.advance(5, TrainingListener.each(resumed::add));
      t.saveCheckpoint(tmp.resolve("ckpt"));
    }
    try (GanTrainer t = new GanTrainer(config, POINTS, TrainerOptions.DEFAULT)) {
      t.restore(tmp.resolve("ckpt"), 5);
      t.train(TrainingListener.each(resumed::add));
    }
    assertEquals(unbroken, resumed);
    assertNotEquals(
        unbroken, run(config.toBuilder().seed(8).build(), TrainerOptions.DEFAULT), "seeded");
  }

  @Test
  void aPenaltyOnADiscriminatorWithoutSecondOrderGradientsIsRefusedBeforeTraining() {
    GanConfig plain = wgan(2).loss(LossKind.STANDARD).gpGamma(0f).build();
    GanArchitecture mlp = Architectures.forData(plain, POINTS);
    GanArchitecture tanh =
        new GanArchitecture(
            mlp.shape(),
            mlp.scaling(),
            mlp.flat(),
            mlp.generator(),
            new NetworkSpec(
                Names.DISCRIMINATOR,
                2,
                List.of(
                    new io.github.tfgan.model.Layer(16, Activation.TANH),
                    new io.github.tfgan.model.Layer(1, Activation.LINEAR))));
    // without a penalty it trains
    try (GanTrainer t = new GanTrainer(plain, tanh, POINTS, TrainerOptions.DEFAULT)) {
      assertTrue(t.step().isFinite());
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new GanTrainer(
                    plain.toBuilder().r1Gamma(1f).build(), tanh, POINTS, TrainerOptions.DEFAULT));
    assertTrue(e.getMessage().startsWith("--r1-gamma (r1Gamma 1.0): "), e.getMessage());
    assertTrue(e.getMessage().contains("found TanhGrad without one"), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith("with LeakyReLU (or linear) layers, or turn the penalty off (--r1-gamma 0)"),
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GradientSupport.check(plain.toBuilder().gpGamma(10f).build(), tanh));
    assertTrue(e.getMessage().startsWith("--gp-gamma (gpGamma 10.0): "), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GradientSupport.check(plain.toBuilder().gpGamma(10f).r1Gamma(1f).build(), tanh));
    assertTrue(
        e.getMessage().startsWith("--r1-gamma and --gp-gamma (r1Gamma 1.0, gpGamma 10.0): "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("(--r1-gamma 0 --gp-gamma 0)"), e.getMessage());
    GradientSupport.check(plain.toBuilder().gpGamma(10f).r1Gamma(1f).build(), mlp);
  }
}
