package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.LossKind;
import io.github.tfgan.config.Presets;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.MnistShape;
import io.github.tfgan.model.Network;
import io.github.tfgan.model.SeedStreams;
import io.github.tfgan.model.Tensors;
import io.github.tfgan.runtime.GraphSession;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.op.FrameworkOps;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The training graph starts backpropagation from the losses' gradients with respect to D's logits
 * in closed form ({@link GanLoss}) and from the penalties' (R1, WGAN-GP) gradients with respect to
 * the input gradient. Here the same losses are built the generic way in the same graph (TF Java's
 * sigmoid cross-entropy, each loss as its paper writes it, a mean, the penalties as scalars, each
 * differentiated symbolically by {@code addGradients}), for every loss, and both sets of gradients
 * and losses are compared on the same batch. The training graph is built over one, two and four
 * shards of the batch ({@link Shards}); the generic reference always over the whole batch.
 */
class ClosedFormGradientsTest {
  private static final int BATCH = 32;

  static Stream<Arguments> configsAndShards() {
    return configs().flatMap(c -> Stream.of(1, 2, 4).map(n -> Arguments.of(c, n)));
  }

  static Stream<GanConfig> configs() {
    GanConfig article = Presets.article().toBuilder().batchSize(BATCH).seed(4).build();
    return Stream.of(
        article,
        Presets.stable().toBuilder().batchSize(BATCH).seed(5).build(),
        article.toBuilder().realLabel(0.9f).r1Gamma(3f).build(),
        article.toBuilder().loss(LossKind.LEAST_SQUARES).build(),
        article.toBuilder().loss(LossKind.LEAST_SQUARES).r1Gamma(1f).realLabel(0.9f).build(),
        article.toBuilder().r1Gamma(2f).r1Every(4).build(),
        article.toBuilder().loss(LossKind.MINIMAX).realLabel(0.9f).build(),
        article.toBuilder().loss(LossKind.HINGE).build(),
        article.toBuilder().loss(LossKind.WASSERSTEIN).gpGamma(10f).build(),
        article.toBuilder().gpGamma(3f).build(),
        article.toBuilder().loss(LossKind.HINGE).gpGamma(1f).r1Gamma(2f).r1Every(4).build());
  }

  @ParameterizedTest
  @MethodSource("configsAndShards")
  void gradientsAndLossesEqualTheGenericOnes(GanConfig config, int shards) {
    check(config, shards, false);
    if (config.r1Every() > 1) {
      check(config, shards, true);
    }
  }

  /**
   * @param penalised with lazy R1, check the iterations that apply it (weighted by r1Every) rather
   *     than those without it
   */
  private static void check(GanConfig config, int shards, boolean penalised) {
    try (GraphSession gs = GraphSession.open()) {
      Built b = gs.build(graph -> new Built(graph, config, shards, penalised));
      gs.initialize();
      SeedStreams.Generator random = new SeedStreams(9).generator(SeedStreams.BENCH_OPERANDS, 0);
      float[] real = new float[BATCH * MnistShape.PIXELS];
      for (int i = 0; i < real.length; i++) {
        real[i] = (float) random.nextDouble();
      }
      float[] z = new float[BATCH * config.noiseDim()];
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) random.nextGaussian();
      }
      float[] eps = new float[BATCH];
      for (int i = 0; i < eps.length; i++) {
        eps[i] = (float) random.nextDouble();
      }
      try (TFloat32 x = Tensors.matrix(real, BATCH, MnistShape.PIXELS);
          TFloat32 noise = Tensors.matrix(z, BATCH, config.noiseDim());
          TFloat32 mix = Tensors.matrix(eps, BATCH, 1);
          TInt64 it = TInt64.scalarOf(0)) {
        Session.Runner runner =
            gs.runner()
                .feed(b.ops.first.realImages(), x)
                .feed(b.ops.first.noise(), noise)
                .feed(b.ops.first.iteration(), it);
        if (config.gpGamma() > 0f) {
          runner.feed(b.ops.first.mix(), mix);
        }
        List<Operand<TFloat32>> fetched = new ArrayList<>();
        fetched.addAll(List.of(b.step.dLoss(), b.refDLoss, b.step.gLoss(), b.refGLoss));
        fetched.addAll(b.step.dGradients());
        fetched.addAll(b.refDGrads);
        fetched.addAll(b.step.gGradients());
        fetched.addAll(b.refGGrads);
        fetched.forEach(runner::fetch);
        try (Result r = runner.run()) {
          float[][] v = new float[fetched.size()][];
          for (int i = 0; i < v.length; i++) {
            v[i] = Tensors.toArray((TFloat32) r.get(i));
          }
          assertEquals(v[1][0], v[0][0], 1e-5 * Math.abs(v[1][0]), "D loss");
          assertEquals(v[3][0], v[2][0], 1e-5 * Math.abs(v[3][0]), "G loss");
          int d = b.step.dGradients().size();
          int g = b.step.gGradients().size();
          for (int i = 0; i < d; i++) {
            // D's loss under wasserstein does not depend on the logit's bias: (1 − 1)/n
            boolean zero = config.loss() == LossKind.WASSERSTEIN && i == d - 1;
            assertClose(v[4 + d + i], v[4 + i], "D gradient " + i, zero);
          }
          for (int i = 0; i < g; i++) {
            assertClose(v[4 + 2 * d + g + i], v[4 + 2 * d + i], "G gradient " + i, false);
          }
        }
      }
    }
  }

  /**
   * @param zero the gradient is zero: both must be, to rounding
   */
  private static void assertClose(float[] expected, float[] actual, String what, boolean zero) {
    assertEquals(expected.length, actual.length, what);
    double scale = 0;
    double diff = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
    }
    if (zero) {
      assertTrue(scale <= 1e-7 && diff <= 1e-7, what + ": zero, found " + scale + ", " + diff);
      return;
    }
    assertTrue(scale > 0, what + ": a gradient that is not all zeros");
    assertTrue(diff <= 1e-5 * scale, what + ": largest difference " + diff + " of " + scale);
  }

  /** The training graph (plain, two-run form) and the generic losses and gradients beside it. */
  private static final class Built {
    final TrainingGraph ops;
    final TrainingGraph.Step step;
    final Operand<TFloat32> refDLoss;
    final Operand<TFloat32> refGLoss;
    final List<Operand<TFloat32>> refDGrads;
    final List<Operand<TFloat32>> refGGrads;

    Built(Graph graph, GanConfig config, int shards, boolean penalised) {
      ops =
          new TrainingGraph(
              graph, config, GanArchitecture.article(config.noiseDim()), false, shards, 1, null);
      step = penalised ? ops.penalised : ops.regular;
      float gamma =
          config.r1Every() == 1
              ? config.r1Gamma()
              : penalised ? config.r1Gamma() * config.r1Every() : 0f;
      Ops tf = Ops.create(graph).withSubScope("reference");
      FrameworkOps fops = FrameworkOps.create(tf);
      Network d = ops.discriminator;
      Operand<TFloat32> fake = ops.generator.apply(tf, ops.first.noise());
      Operand<TFloat32> realLogits = d.apply(tf, ops.first.realImages());
      Operand<TFloat32> fakeLogits = d.apply(tf, fake);
      Operand<TFloat32> dLoss =
          tf.math.add(
              loss(tf, fops, config, realLogits, Part.REAL),
              loss(tf, fops, config, fakeLogits, Part.FAKE));
      if (gamma > 0f) {
        Output<?> dx =
            graph
                .addGradients(
                    "reference_r1",
                    new Output<?>[] {realLogits.asOutput()},
                    new Output<?>[] {ops.first.realImages().asOutput()},
                    new Output<?>[] {targets(tf, 1f).asOutput()})[0];
        @SuppressWarnings("unchecked")
        Operand<TFloat32> grad = (Output<TFloat32>) dx;
        Operand<TFloat32> penalty =
            tf.math.mul(
                tf.constant(gamma / 2f),
                tf.math.mean(tf.reduceSum(tf.math.square(grad), tf.constant(1)), tf.constant(0)));
        dLoss = tf.math.add(dLoss, penalty);
      }
      if (config.gpGamma() > 0f) {
        dLoss = tf.math.add(dLoss, gradientPenalty(graph, tf, config, d, fake));
      }
      refDLoss = dLoss;
      refGLoss = loss(tf, fops, config, d.apply(tf, fake), Part.GENERATOR);
      refDGrads = gradients(graph, refDLoss, d.variables());
      refGGrads = gradients(graph, refGLoss, ops.generator.variables());
    }

    /**
     * WGAN-GP as the paper writes it: γ · mean((‖∇ D(x̂)‖ − 1)²), x̂ = εx + (1 − ε)G(z), no epsilon
     * under the square root, differentiated symbolically.
     */
    private Operand<TFloat32> gradientPenalty(
        Graph graph, Ops tf, GanConfig config, Network d, Operand<TFloat32> fake) {
      Operand<TFloat32> mix = ops.first.mix();
      Operand<TFloat32> between =
          tf.math.add(
              tf.math.mul(mix, ops.first.realImages()),
              tf.math.mul(tf.math.sub(tf.constant(1f), mix), fake));
      Output<?> dx =
          graph
              .addGradients(
                  "reference_gp",
                  new Output<?>[] {d.apply(tf, between).asOutput()},
                  new Output<?>[] {between.asOutput()},
                  new Output<?>[] {targets(tf, 1f).asOutput()})[0];
      @SuppressWarnings("unchecked")
      Operand<TFloat32> grad = (Output<TFloat32>) dx;
      Operand<TFloat32> norm = tf.math.sqrt(tf.reduceSum(tf.math.square(grad), tf.constant(1)));
      return tf.math.mul(
          tf.constant(config.gpGamma()),
          tf.math.mean(tf.math.square(tf.math.sub(norm, tf.constant(1f))), tf.constant(0)));
    }

    private static Operand<TFloat32> targets(Ops tf, float value) {
      return tf.fill(tf.constant(new long[] {BATCH, 1}), tf.constant(value));
    }

    private enum Part {
      REAL,
      FAKE,
      GENERATOR
    }

    /** Each loss as its paper writes it, a mean over the batch, differentiated symbolically. */
    private static Operand<TFloat32> loss(
        Ops tf, FrameworkOps fops, GanConfig config, Operand<TFloat32> logits, Part part) {
      float target = part == Part.REAL ? config.realLabel() : part == Part.FAKE ? 0f : 1f;
      Operand<TFloat32> one = tf.constant(1f);
      Operand<TFloat32> perExample =
          switch (config.loss()) {
            case STANDARD -> fops.nn.sigmoidCrossEntropyWithLogits(targets(tf, target), logits);
            case MINIMAX ->
                part == Part.GENERATOR
                    ? tf.math.log(tf.math.sub(one, tf.math.sigmoid(logits)))
                    : fops.nn.sigmoidCrossEntropyWithLogits(targets(tf, target), logits);
            case LEAST_SQUARES ->
                tf.math.mul(
                    tf.constant(0.5f), tf.math.square(tf.math.sub(logits, targets(tf, target))));
            case HINGE ->
                switch (part) {
                  case REAL -> tf.nn.relu(tf.math.sub(one, logits));
                  case FAKE -> tf.nn.relu(tf.math.add(one, logits));
                  case GENERATOR -> tf.math.neg(logits);
                };
            case WASSERSTEIN -> part == Part.FAKE ? logits : tf.math.neg(logits);
          };
      return tf.math.mean(perExample, tf.constant(new int[] {0, 1}));
    }

    @SuppressWarnings("unchecked")
    private static List<Operand<TFloat32>> gradients(
        Graph graph, Operand<TFloat32> loss, List<Variable<TFloat32>> vars) {
      Output<?>[] dy =
          graph.addGradients(
              loss.asOutput(), vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new));
      List<Operand<TFloat32>> grads = new ArrayList<>();
      for (Output<?> o : dy) {
        grads.add((Output<TFloat32>) o);
      }
      return grads;
    }
  }
}
