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
   */
  TrainingGraph(Graph graph, GanConfig config, boolean fused) {
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
    Operand<TFloat32> fake = generator.apply(tf, noise);
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
    Steps steps = new Steps(graph, tf, config, fused, fake, dAdam, gAdam, generatorLearningRate);
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
    private final Operand<TFloat32> fake;
    private final AdamOptimizer dAdam;
    private final AdamOptimizer gAdam;
    private final Operand<TFloat32> generatorLearningRate;
    private GStep sharedG;

    Steps(
        Graph graph,
        Ops tf,
        GanConfig config,
        boolean fused,
        Operand<TFloat32> fake,
        AdamOptimizer dAdam,
        AdamOptimizer gAdam,
        Operand<TFloat32> generatorLearningRate) {
      this.graph = graph;
      this.tf = tf;
      this.config = config;
      this.fused = fused;
      this.fake = fake;
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
      // penalty's second-order gradient and the loss's gradient share the real pass.
      Operand<TFloat32> realLogits = discriminator.apply(tf, realImages);
      Operand<TFloat32> fakeLogits = discriminator.apply(tf, fake);
      LogitLoss real = LogitLoss.of(tf, config, realLogits, tf.constant(config.realLabel()), batch);
      LogitLoss fakes = LogitLoss.of(tf, config, fakeLogits, tf.constant(0f), batch);
      List<Operand<TFloat32>> ys = new ArrayList<>(List.of(realLogits, fakeLogits));
      List<Operand<TFloat32>> dys = new ArrayList<>(List.of(real.gradient(), fakes.gradient()));
      Operand<TFloat32> dObjective = tf.math.add(real.value(), fakes.value());
      if (r1Weight > 0f) {
        R1 r1 = r1(graph, tf, batch, r1Weight, realLogits);
        dObjective = tf.math.add(dObjective, r1.value());
        ys.add(r1.inputGradient());
        dys.add(r1.seed());
      }
      Operand<TFloat32> dReal = tf.math.mean(real.probabilities(), LogitLoss.allAxes(tf));
      Operand<TFloat32> dFake = tf.math.mean(fakes.probabilities(), LogitLoss.allAxes(tf));
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
          g = gStep(tf.withControlDependencies(List.of(dTrain)).identity(fake), suffix);
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
    private GStep gStep(Operand<TFloat32> fake, String suffix) {
      return gStepOn(discriminator.apply(tf, fake), suffix);
    }

    /** G step from D's logits on G(z): maximise log D(G(z)). */
    private GStep gStepOn(Operand<TFloat32> logits, String suffix) {
      LogitLoss g = LogitLoss.of(tf, config, logits, tf.constant(1f), config.batchSize());
      Operand<TFloat32> loss = tf.withName(Names.G_LOSS + suffix).identity(g.value());
      List<Operand<TFloat32>> grads =
          gradients(
              graph, tf, List.of(logits), List.of(g.gradient()), generator.variables(), config);
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
   * R1 (Mescheder et al. 2018): γ/2 · mean over the real batch of ‖∇ₓ logit(x)‖², where {@code
   * logits} is D applied to the fed real images alone, so the gradient with respect to them is a
   * plain backward pass.
   *
   * @param value the penalty
   * @param inputGradient ∇ₓ logit(x), [batch, 784]
   * @param seed the penalty's gradient with respect to {@code inputGradient}, γ/batch · ∇ₓ
   *     logit(x): what the penalty's (second-order) gradient with respect to D's weights starts
   *     from
   */
  private record R1(
      Operand<TFloat32> value, Operand<TFloat32> inputGradient, Operand<TFloat32> seed) {}

  private R1 r1(Graph graph, Ops tf, int batch, float gamma, Operand<TFloat32> logits) {
    // The initial gradient is a constant of ones (the gradient of the sum of the logits): a
    // constant, unlike the OnesLike that addGradients would insert, needs no gradient of its own.
    Output<?>[] dx =
        graph.addGradients(
            "r1_gradients",
            new Output<?>[] {logits.asOutput()},
            new Output<?>[] {realImages.asOutput()},
            new Output<?>[] {
              tf.fill(tf.constant(new long[] {batch, 1}), tf.constant(1f)).asOutput()
            });
    @SuppressWarnings("unchecked")
    Output<TFloat32> grad = (Output<TFloat32>) dx[0];
    Operand<TFloat32> value =
        tf.math.mul(
            tf.constant(gamma / (2f * batch)),
            tf.reduceSum(tf.math.square(grad), LogitLoss.allAxes(tf)));
    Operand<TFloat32> seed = tf.math.mul(tf.constant(gamma / batch), grad);
    return new R1(value, grad, seed);
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
