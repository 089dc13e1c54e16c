package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.UpdateOrder;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.Network;
import io.github.tfgan.model.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
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
 *
 * <p>With shards ({@link Shards}), the batch's rows are split into blocks, and every pass of both
 * steps runs once per block, side by side; {@code addGradients} adds the blocks' contributions to
 * each gradient, so the update is the whole batch's, rounded in another order.
 */
final class TrainingGraph {
  final Network generator;
  final Network discriminator;

  /** The moving average of G's weights, or null when {@link GanConfig#usesEma()} is false. */
  final Network generatorEma;

  final Placeholder<TFloat32> realImages;
  final Placeholder<TInt64> iteration;
  final Placeholder<TFloat32> noise;
  final Operand<TFloat32> learningRate;

  /** The iteration's ops: every iteration's, or with lazy R1 those of iterations without it. */
  final Step regular;

  /** With lazy R1 ({@link GanConfig#r1Every()} > 1), the ops of iterations that apply it. */
  final Step penalised;

  final Placeholder<TFloat32> sampleZ;
  final Operand<TFloat32> sampleImages;

  private final int r1Every;

  /** R1 passes built so far, which keeps their gradient ops' names apart. */
  private int r1Ops;

  /**
   * What one kind of iteration runs and fetches.
   *
   * @param dLoss D's loss before its update (with the R1 penalty when the step applies it)
   * @param dReal mean D(x) on the real batch
   * @param dFake mean D(G(z)) on the fake batch
   * @param dTrain D's Adam step
   * @param gLoss G's loss before its update
   * @param gTrain G's Adam step (and the moving average's update)
   * @param dGradients d dLoss / d D's variables, as D's optimiser applies them
   * @param gGradients d gLoss / d G's variables, as G's optimiser applies them
   */
  record Step(
      Operand<TFloat32> dLoss,
      Operand<TFloat32> dReal,
      Operand<TFloat32> dFake,
      Op dTrain,
      Operand<TFloat32> gLoss,
      Op gTrain,
      List<Operand<TFloat32>> dGradients,
      List<Operand<TFloat32>> gGradients) {}

  /**
   * @param fused build one op for the whole iteration: the G step's D forward pass waits for D's
   *     update and reuses the D step's G(z) (G's weights and z are the same in both steps), so one
   *     {@code Session.run} does both steps with the same math as two runs. With {@link
   *     UpdateOrder#SIMULTANEOUS} updates there is one form only (G's step reads D before the D
   *     step's update): the trainer runs it in one run either way
   * @param shards how many row blocks each batch is split into ({@link Shards}); 1 = none
   */
  TrainingGraph(Graph graph, GanConfig config, boolean fused, int shards) {
    Ops tf = Ops.create(graph);
    int batch = config.batchSize();
    r1Every = config.r1Gamma() > 0f ? config.r1Every() : 1;

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
    learningRate =
        tf.withName(Names.LEARNING_RATE).identity(learningRate(tf, config, config.learningRate()));
    Operand<TFloat32> generatorLearningRate =
        config.generatorBaseLearningRate() == config.learningRate()
            ? learningRate
            : learningRate(tf, config, config.generatorBaseLearningRate());
    List<Operand<TFloat32>> fake = new ArrayList<>();
    for (Operand<TFloat32> z : Shards.split(tf, noise, shards)) {
      fake.add(generator.apply(tf, z));
    }
    List<Operand<TFloat32>> reals = Shards.split(tf, realImages, shards);
    generatorEma =
        config.usesEma()
            ? Network.create(
                tf, NetworkSpec.generator(config.noiseDim()), config.seed(), Names.GENERATOR_EMA)
            : null;

    // One optimiser per network, each over its own variables only; with lazy R1 both kinds of
    // iteration share its moments.
    AdamOptimizer dAdam =
        new AdamOptimizer(Names.DISCRIMINATOR, config.beta1(), config.beta2(), config.epsilon());
    AdamOptimizer gAdam =
        new AdamOptimizer(Names.GENERATOR, config.beta1(), config.beta2(), config.epsilon());
    Steps steps =
        new Steps(graph, tf, config, fused, fake, reals, dAdam, gAdam, generatorLearningRate);
    if (r1Every == 1) {
      regular = steps.build(config.r1Gamma(), "");
      penalised = regular;
    } else {
      penalised = steps.build(config.r1Gamma() * r1Every, "");
      regular = steps.build(0f, "_no_r1");
    }

    sampleZ =
        tf.withName(Names.SAMPLE_Z)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.noiseDim())));
    sampleImages = tf.withName(Names.SAMPLE_IMAGES).identity(sampledGenerator().apply(tf, sampleZ));
  }

  /** A unique name prefix for the next R1 backward pass: "r1_gradients", then with a count. */
  private String r1Name() {
    return r1Ops++ == 0 ? "r1_gradients" : "r1_gradients_" + r1Ops;
  }

  /** The ops of the 0-based iteration {@code it}: lazy R1 applies on multiples of r1Every. */
  Step stepFor(long it) {
    return it % r1Every == 0 ? penalised : regular;
  }

  /** Builds the ops of one kind of iteration; the plain (two-run) form shares its G step. */
  private final class Steps {
    private final Graph graph;
    private final Ops tf;
    private final GanConfig config;
    private final boolean fused;
    private final List<Operand<TFloat32>> fake;
    private final List<Operand<TFloat32>> reals;
    private final AdamOptimizer dAdam;
    private final AdamOptimizer gAdam;
    private final Operand<TFloat32> generatorLearningRate;
    private GStep sharedG;

    Steps(
        Graph graph,
        Ops tf,
        GanConfig config,
        boolean fused,
        List<Operand<TFloat32>> fake,
        List<Operand<TFloat32>> reals,
        AdamOptimizer dAdam,
        AdamOptimizer gAdam,
        Operand<TFloat32> generatorLearningRate) {
      this.graph = graph;
      this.tf = tf;
      this.config = config;
      this.fused = fused;
      this.fake = fake;
      this.reals = reals;
      this.dAdam = dAdam;
      this.gAdam = gAdam;
      this.generatorLearningRate = generatorLearningRate;
    }

    /**
     * @param r1Weight γ of this kind of iteration's R1 penalty; 0 = none
     * @param suffix appended to the names of its run targets and fetches
     */
    Step build(float r1Weight, String suffix) {
      int batch = config.batchSize();
      List<Variable<TFloat32>> dVars = discriminator.variables();
      // D passes over the real and the fake batch separately: the real pass does not wait for G's
      // forward pass, so the two run side by side (on this project's 2-core machines that was
      // faster than one pass over both batches concatenated, which waits for G and copies them).
      // R1 differentiates the real pass's logits with respect to the images, so that gradient, the
      // penalty's second-order gradient and the loss's gradient share the real pass. Each shard
      // has passes of its own; addGradients adds their contributions to D's gradients.
      List<Operand<TFloat32>> ys = new ArrayList<>();
      List<Operand<TFloat32>> dys = new ArrayList<>();
      List<Operand<TFloat32>> fakeLogits = new ArrayList<>();
      List<Operand<TFloat32>> objectives = new ArrayList<>();
      List<Operand<TFloat32>> realProbabilities = new ArrayList<>();
      List<Operand<TFloat32>> fakeProbabilities = new ArrayList<>();
      for (int i = 0; i < fake.size(); i++) {
        Operand<TFloat32> realLogits = discriminator.apply(tf, reals.get(i));
        fakeLogits.add(discriminator.apply(tf, fake.get(i)));
        LogitLoss real =
            LogitLoss.of(tf, config, realLogits, tf.constant(config.realLabel()), batch);
        LogitLoss fakes = LogitLoss.of(tf, config, fakeLogits.get(i), tf.constant(0f), batch);
        ys.addAll(List.of(realLogits, fakeLogits.get(i)));
        dys.addAll(List.of(real.gradient(), fakes.gradient()));
        Operand<TFloat32> objective = tf.math.add(real.value(), fakes.value());
        if (r1Weight > 0f) {
          R1Penalty r1 =
              R1Penalty.of(graph, tf, realLogits, reals.get(i), batch, r1Weight, r1Name());
          objective = tf.math.add(objective, r1.value());
          ys.add(r1.inputGradient());
          dys.add(r1.seed());
        }
        objectives.add(objective);
        realProbabilities.add(real.probabilities());
        fakeProbabilities.add(fakes.probabilities());
      }
      Operand<TFloat32> dReal = Shards.mean(tf, realProbabilities, batch);
      Operand<TFloat32> dFake = Shards.mean(tf, fakeProbabilities, batch);
      Operand<TFloat32> dObjective = Shards.sum(tf, objectives);
      List<Operand<TFloat32>> dGrads = gradients(graph, tf, ys, dys, dVars, config);
      Operand<TFloat32> dLoss = tf.withName(Names.D_LOSS + suffix).identity(dObjective);
      GStep g = null;
      Ops dStep = tf;
      if (config.updates() == UpdateOrder.SIMULTANEOUS) {
        // G's gradient starts from this step's fake logits, before D's update, so D's update
        // waits for G's backward pass (which reads D's weights) and its loss.
        g = gStepOn(fakeLogits, suffix);
        List<Operation> reads = new ArrayList<>();
        g.gradients().forEach(x -> reads.add(x.op()));
        reads.add(g.loss().op());
        dStep = tf.withControlDependencyOps(reads);
      }
      Op dTrain = dAdam.applyGradients(dStep, dVars, dGrads, learningRate, Names.D_TRAIN + suffix);
      if (g == null) { // alternating: G's step against D as updated
        if (fused) {
          Ops after = tf.withControlDependencies(List.of(dTrain));
          List<Operand<TFloat32>> waited = new ArrayList<>();
          fake.forEach(f -> waited.add(after.identity(f)));
          g = gStep(waited, suffix);
        } else {
          if (sharedG == null) {
            sharedG = gStep(fake, "");
          }
          g = sharedG;
        }
      }
      return new Step(
          dLoss,
          tf.withName(Names.D_REAL + suffix).identity(dReal),
          tf.withName(Names.D_FAKE + suffix).identity(dFake),
          dTrain,
          g.loss(),
          g.train(),
          dGrads,
          g.gradients());
    }

    /** G step: maximise log D(G(z)) with D as updated by the D step ({@code fake} waits for it). */
    private GStep gStep(List<Operand<TFloat32>> fake, String suffix) {
      List<Operand<TFloat32>> logits = new ArrayList<>();
      fake.forEach(f -> logits.add(discriminator.apply(tf, f)));
      return gStepOn(logits, suffix);
    }

    /** G step from D's logits on G(z), one per shard: maximise log D(G(z)). */
    private GStep gStepOn(List<Operand<TFloat32>> logits, String suffix) {
      List<Operand<TFloat32>> values = new ArrayList<>();
      List<Operand<TFloat32>> dys = new ArrayList<>();
      for (Operand<TFloat32> l : logits) {
        LogitLoss g = LogitLoss.of(tf, config, l, tf.constant(1f), config.batchSize());
        values.add(g.value());
        dys.add(g.gradient());
      }
      Operand<TFloat32> loss = tf.withName(Names.G_LOSS + suffix).identity(Shards.sum(tf, values));
      List<Operand<TFloat32>> grads =
          gradients(graph, tf, logits, dys, generator.variables(), config);
      Op train;
      if (generatorEma != null) {
        Op adamStep =
            gAdam.applyGradients(
                tf, generator.variables(), grads, generatorLearningRate, "g_adam_step" + suffix);
        train = emaUpdate(tf, adamStep, config.emaDecay(), Names.G_TRAIN + suffix);
      } else {
        train =
            gAdam.applyGradients(
                tf, generator.variables(), grads, generatorLearningRate, Names.G_TRAIN + suffix);
      }
      return new GStep(loss, train, grads);
    }
  }

  private record GStep(Operand<TFloat32> loss, Op train, List<Operand<TFloat32>> gradients) {}

  /** The generator that samples and exports use: the moving average when on, else G itself. */
  Network sampledGenerator() {
    return generatorEma != null ? generatorEma : generator;
  }

  /**
   * After G's Adam step, moves each averaged variable toward G's: ema ← ema − (1 − decay)(ema − w),
   * as a gradient-descent step of size 1 − decay along ema − w (one update op per variable, in
   * place, instead of a multiplication and a subtraction that each write a new tensor). Returns the
   * op that runs both, named {@link Names#G_TRAIN}.
   */
  private Op emaUpdate(Ops tf, Op gAdamStep, float decay, String name) {
    Ops after = tf.withControlDependencies(List.of(gAdamStep));
    Operand<TFloat32> step = after.constant(1f - decay);
    List<Op> updates = new ArrayList<>();
    List<Variable<TFloat32>> weights = generator.variables();
    List<Variable<TFloat32>> averages = generatorEma.variables();
    for (int i = 0; i < weights.size(); i++) {
      Variable<TFloat32> avg = averages.get(i);
      updates.add(after.train.applyGradientDescent(avg, step, after.math.sub(avg, weights.get(i))));
    }
    return tf.withControlDependencies(updates).withName(name).noOp();
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

  /**
   * d loss / d vars, from the loss's gradients with respect to some of its intermediate outputs
   * ({@code ys}, each with its gradient in {@code dys}), clipped to the configured global norm when
   * clipping is on.
   */
  private static List<Operand<TFloat32>> gradients(
      Graph graph,
      Ops tf,
      List<Operand<TFloat32>> ys,
      List<Operand<TFloat32>> dys,
      List<Variable<TFloat32>> vars,
      GanConfig config) {
    Output<?>[] xs = vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    Output<?>[] dy =
        graph.addGradients(
            null,
            ys.stream().map(Operand::asOutput).toArray(Output<?>[]::new),
            xs,
            dys.stream().map(Operand::asOutput).toArray(Output<?>[]::new));
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
