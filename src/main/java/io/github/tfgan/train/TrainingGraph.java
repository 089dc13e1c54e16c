package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.Network;
import io.github.tfgan.model.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.op.FrameworkOps;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The whole training graph, built once: both networks, the losses on logits, one Adam per network
 * over its own variables, and a sampling branch for fixed-noise grids.
 *
 * <p>The objective is the article's: D maximises log D(x) + log(1 − D(G(z))); G maximises log
 * D(G(z)) (the non-saturating form). Both are written as sigmoid cross-entropy on D's logits, the
 * numerically stable form of the same expressions.
 *
 * <p>Noise z is fed per iteration ({@link NoiseStream}, a function of seed and iteration): the D
 * step and the G step of one iteration see the same z, and any iteration's z can be recomputed
 * (which makes runs reproducible and resumable).
 */
final class TrainingGraph {
  final Network generator;
  final Network discriminator;

  /** The moving average of G's weights, or null when {@link GanConfig#usesEma()} is false. */
  final Network generatorEma;

  final Placeholder<TFloat32> realImages;
  final Placeholder<TInt64> iteration;
  final Placeholder<TFloat32> noise;
  final Operand<TFloat32> dLoss;
  final Operand<TFloat32> gLoss;
  final Operand<TFloat32> dReal;
  final Operand<TFloat32> dFake;
  final Operand<TFloat32> learningRate;
  final Op dTrain;
  final Op gTrain;
  final Placeholder<TFloat32> sampleZ;
  final Operand<TFloat32> sampleImages;

  /**
   * @param fused build one op for the whole iteration: the G step's D forward pass waits for D's
   *     update and reuses the D step's G(z) (G's weights and z are the same in both steps), so one
   *     {@code Session.run} does both steps with the same math as two runs
   */
  TrainingGraph(Graph graph, GanConfig config, boolean fused) {
    Ops tf = Ops.create(graph);
    FrameworkOps fops = FrameworkOps.create(tf);
    int batch = config.batchSize();

    generator = Network.create(tf, NetworkSpec.generator(config.noiseDim()), config.seed());
    discriminator = Network.create(tf, NetworkSpec.discriminator(), config.seed());

    realImages =
        tf.withName(Names.REAL_IMAGES)
            .placeholder(
                TFloat32.class, Placeholder.shape(Shape.of(batch, NetworkSpec.IMAGE_PIXELS)));
    iteration =
        tf.withName(Names.ITERATION).placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));

    noise =
        tf.withName(Names.NOISE)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch, config.noiseDim())));
    Operand<TFloat32> fake = generator.apply(tf, noise);
    // D sees the real and the fake batch as one [2·batch, 784] batch: the same math as two
    // applications, with half as many (and larger) MatMuls.
    Operand<TFloat32> bothLogits =
        discriminator.apply(tf, tf.concat(List.of(realImages, fake), tf.constant(0)));
    Operand<TFloat32> realLogits =
        tf.slice(bothLogits, tf.constant(new int[] {0, 0}), tf.constant(new int[] {batch, 1}));
    Operand<TFloat32> fakeLogits =
        tf.slice(bothLogits, tf.constant(new int[] {batch, 0}), tf.constant(new int[] {batch, 1}));

    // Labels are constants of the batch's shape, so no gradient path runs through them.
    Operand<TFloat32> realTargets = labels(tf, batch, config.realLabel());
    Operand<TFloat32> fakeTargets = labels(tf, batch, 0f);
    Operand<TFloat32> ones = labels(tf, batch, 1f);
    Operand<TFloat32> dObjective =
        tf.math.add(
            loss(tf, fops, config, realTargets, realLogits),
            loss(tf, fops, config, fakeTargets, fakeLogits));
    dLoss =
        tf.withName(Names.D_LOSS)
            .identity(
                config.r1Gamma() > 0f
                    ? tf.math.add(dObjective, r1Penalty(graph, tf, config))
                    : dObjective);
    dReal = tf.withName(Names.D_REAL).math.mean(tf.math.sigmoid(realLogits), allAxes(tf));
    dFake = tf.withName(Names.D_FAKE).math.mean(tf.math.sigmoid(fakeLogits), allAxes(tf));

    learningRate =
        tf.withName(Names.LEARNING_RATE).identity(learningRate(tf, config, config.learningRate()));
    Operand<TFloat32> generatorLearningRate =
        config.generatorBaseLearningRate() == config.learningRate()
            ? learningRate
            : learningRate(tf, config, config.generatorBaseLearningRate());

    List<Operand<TFloat32>> dGrads = gradients(graph, tf, dLoss, discriminator.variables(), config);
    // One optimiser per network, each over its own variables only; the second is built after the
    // first has created its slots.
    AdamOptimizer dAdam =
        new AdamOptimizer(Names.DISCRIMINATOR, config.beta1(), config.beta2(), config.epsilon());
    dTrain =
        dAdam.applyGradients(tf, discriminator.variables(), dGrads, learningRate, Names.D_TRAIN);

    // G step: maximise log D(G(z)) with D as updated by the D step.
    Operand<TFloat32> fakeLogitsForG =
        discriminator.apply(
            tf, fused ? tf.withControlDependencies(List.of(dTrain)).identity(fake) : fake);
    gLoss = tf.withName(Names.G_LOSS).identity(loss(tf, fops, config, ones, fakeLogitsForG));
    List<Operand<TFloat32>> gGrads = gradients(graph, tf, gLoss, generator.variables(), config);
    AdamOptimizer gAdam =
        new AdamOptimizer(Names.GENERATOR, config.beta1(), config.beta2(), config.epsilon());
    if (config.usesEma()) {
      Op gAdamStep =
          gAdam.applyGradients(
              tf, generator.variables(), gGrads, generatorLearningRate, "g_adam_step");
      generatorEma =
          Network.create(
              tf, NetworkSpec.generator(config.noiseDim()), config.seed(), Names.GENERATOR_EMA);
      gTrain = emaUpdate(tf, gAdamStep, config.emaDecay());
    } else {
      generatorEma = null;
      gTrain =
          gAdam.applyGradients(
              tf, generator.variables(), gGrads, generatorLearningRate, Names.G_TRAIN);
    }

    sampleZ =
        tf.withName(Names.SAMPLE_Z)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.noiseDim())));
    sampleImages = tf.withName(Names.SAMPLE_IMAGES).identity(sampledGenerator().apply(tf, sampleZ));
  }

  /** The generator that samples and exports use: the moving average when on, else G itself. */
  Network sampledGenerator() {
    return generatorEma != null ? generatorEma : generator;
  }

  /**
   * R1 (Mescheder et al. 2018): γ/2 · mean over the real batch of ‖∇ₓ logit(x)‖². D is applied to
   * the real batch once more on its own, so the gradient with respect to the fed images is a plain
   * backward pass; the penalty's gradient with respect to D's weights is a second-order one.
   */
  private Operand<TFloat32> r1Penalty(Graph graph, Ops tf, GanConfig config) {
    Operand<TFloat32> logits = discriminator.apply(tf, realImages);
    // The initial gradient is a constant of ones (the gradient of the sum of the logits): a
    // constant, unlike the OnesLike that addGradients would insert, needs no gradient of its own.
    Output<?>[] dx =
        graph.addGradients(
            "r1_gradients",
            new Output<?>[] {logits.asOutput()},
            new Output<?>[] {realImages.asOutput()},
            new Output<?>[] {labels(tf, config.batchSize(), 1f).asOutput()});
    @SuppressWarnings("unchecked")
    Output<TFloat32> grad = (Output<TFloat32>) dx[0];
    Operand<TFloat32> squaredNorms = tf.reduceSum(tf.math.square(grad), tf.constant(1));
    return tf.math.mul(
        tf.constant(config.r1Gamma() / 2f), tf.math.mean(squaredNorms, tf.constant(0)));
  }

  /**
   * After G's Adam step, moves each averaged variable toward G's: ema ← ema − (1 − decay)(ema − w).
   * Returns the op that runs both, named {@link Names#G_TRAIN}.
   */
  private Op emaUpdate(Ops tf, Op gAdamStep, float decay) {
    Ops after = tf.withControlDependencies(List.of(gAdamStep));
    List<Op> updates = new ArrayList<>();
    List<Variable<TFloat32>> weights = generator.variables();
    List<Variable<TFloat32>> averages = generatorEma.variables();
    for (int i = 0; i < weights.size(); i++) {
      Variable<TFloat32> avg = averages.get(i);
      updates.add(
          after.assignSub(
              avg,
              after.math.mul(after.constant(1f - decay), after.math.sub(avg, weights.get(i)))));
    }
    return tf.withControlDependencies(updates).withName(Names.G_TRAIN).noOp();
  }

  private static Operand<TFloat32> labels(Ops tf, int batch, float value) {
    return tf.fill(tf.constant(new long[] {batch, 1}), tf.constant(value));
  }

  private static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf) {
    return tf.constant(new int[] {0, 1});
  }

  /**
   * The mean loss of {@code logits} against {@code targets}: sigmoid cross-entropy (the article's
   * objective), or least squares on the logits (½(logit − target)²).
   */
  private static Operand<TFloat32> loss(
      Ops tf,
      FrameworkOps fops,
      GanConfig config,
      Operand<TFloat32> targets,
      Operand<TFloat32> logits) {
    Operand<TFloat32> perExample =
        switch (config.loss()) {
          case STANDARD -> fops.nn.sigmoidCrossEntropyWithLogits(targets, logits);
          case LEAST_SQUARES ->
              tf.math.mul(tf.constant(0.5f), tf.math.square(tf.math.sub(logits, targets)));
        };
    return tf.math.mean(perExample, allAxes(tf));
  }

  /** base · rate^floor(iteration / steps); a plain constant when decay is off. */
  private Operand<TFloat32> learningRate(Ops tf, GanConfig config, float base) {
    if (config.lrDecayRate() == 1f) {
      return tf.constant(base);
    }
    Operand<TFloat32> periods =
        tf.dtypes.cast(
            tf.math.floorDiv(iteration, tf.constant((long) config.lrDecaySteps())), TFloat32.class);
    return tf.math.mul(tf.constant(base), tf.math.pow(tf.constant(config.lrDecayRate()), periods));
  }

  /** d loss / d vars, clipped to the configured global norm when clipping is on. */
  private static List<Operand<TFloat32>> gradients(
      Graph graph,
      Ops tf,
      Operand<TFloat32> loss,
      List<Variable<TFloat32>> vars,
      GanConfig config) {
    Output<?>[] xs = vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    Output<?>[] dy = graph.addGradients(loss.asOutput(), xs);
    List<Operand<TFloat32>> grads = new ArrayList<>();
    for (Output<?> g : dy) {
      @SuppressWarnings("unchecked")
      Output<TFloat32> typed = (Output<TFloat32>) g;
      grads.add(typed);
    }
    return config.clipNorm() > 0f
        ? GradientClipping.clipByGlobalNorm(tf, grads, config.clipNorm())
        : grads;
  }
}
