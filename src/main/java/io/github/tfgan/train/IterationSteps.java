package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.UpdateOrder;
import io.github.tfgan.model.Names;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Builds the ops of one kind of iteration of a {@link TrainingGraph} from its inputs (G(z) and the
 * real batch, per shard): D's losses and step, then G's step, with R1 and the moving average when
 * the configuration has them. The plain (two-run) form shares its G step between kinds.
 */
final class IterationSteps {

  private final TrainingGraph owner;
  private final Graph graph;
  private final Ops tf;
  private final GanConfig config;
  private final boolean fused;
  private final List<Operand<TFloat32>> fake;
  private final List<Operand<TFloat32>> reals;

  /** The batch's labels per shard (G's samples take the real batch's); null unless conditional. */
  private final List<Operand<TInt32>> labels;

  /**
   * The labels D takes with G's samples, per shard: the clusters G drew from its noise when G and D
   * are clustered, else {@link #labels}.
   */
  private final List<Operand<TInt32>> fakeLabels;

  /** The iteration's noise, whole batch. */
  private final Operand<TFloat32> noise;

  /** The gradient penalty's ε, one per shard; null without the penalty. */
  private final List<Operand<TFloat32>> mixes;

  private final GanLoss loss;
  private final AdamOptimizer dAdam;
  private final AdamOptimizer gAdam;
  private final Operand<TFloat32> dRate;
  private final Operand<TFloat32> gRate;
  private final Operand<TInt64> iteration;
  private final List<Op> gUpdateAfter;
  private GStep sharedG;

  /**
   * What every iteration of a graph builds with: the graph, its configuration and execution form,
   * and the two optimisers, whose moments all iterations share.
   */
  record Shared(
      TrainingGraph owner,
      Graph graph,
      Ops tf,
      GanConfig config,
      boolean fused,
      AdamOptimizer dAdam,
      AdamOptimizer gAdam) {}

  /**
   * @param in the iteration's inputs, whose learning rates the two Adam steps take
   * @param fake G(z), one per shard
   * @param reals the real batch, one per shard
   * @param gUpdateAfter ops G's Adam step waits for besides its gradients (in a chain of
   *     iterations, the update of the iteration before)
   */
  IterationSteps(
      Shared shared,
      IterationInputs in,
      List<Operand<TFloat32>> fake,
      List<Operand<TFloat32>> reals,
      List<Op> gUpdateAfter) {
    this.owner = shared.owner();
    this.graph = shared.graph();
    this.tf = shared.tf();
    this.config = shared.config();
    this.fused = shared.fused();
    this.dAdam = shared.dAdam();
    this.gAdam = shared.gAdam();
    this.fake = fake;
    this.reals = reals;
    this.mixes = in.mix() == null ? null : Shards.split(tf, in.mix(), fake.size());
    this.labels = Shards.split(tf, in.labels(), fake.size());
    this.noise = in.noise();
    if (owner.generator.spec().hasClusterInput()) {
      List<Operand<TInt32>> drawn = new ArrayList<>();
      Shards.split(tf, noise, fake.size())
          .forEach(z -> drawn.add(owner.generator.clusterOf(tf, z)));
      this.fakeLabels = List.copyOf(drawn);
    } else {
      this.fakeLabels = labels;
    }
    this.loss = new GanLoss(tf, config, config.batchSize());
    this.dRate = in.learningRate();
    this.gRate = in.generatorLearningRate();
    this.iteration = in.iteration();
    this.gUpdateAfter = gUpdateAfter;
  }

  /**
   * @param r1Weight γ of this kind of iteration's R1 penalty; 0 = none. The gradient penalty, when
   *     on, applies to every kind
   * @param suffix appended to the names of its run targets and fetches
   */
  TrainingGraph.Step build(float r1Weight, String suffix) {
    int batch = config.batchSize();
    List<Variable<TFloat32>> dVars = owner.discriminator.variables();
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
      Operand<TFloat32> realLogits = owner.discriminator.apply(tf, reals.get(i), label(i));
      fakeLogits.add(owner.discriminator.apply(tf, fake.get(i), fakeLabel(i)));
      LogitLoss real = loss.discriminatorReal(realLogits);
      LogitLoss fakes = loss.discriminatorFake(fakeLogits.get(i));
      ys.addAll(List.of(realLogits, fakeLogits.get(i)));
      dys.addAll(List.of(real.gradient(), fakes.gradient()));
      Operand<TFloat32> objective = tf.math.add(real.value(), fakes.value());
      if (r1Weight > 0f) {
        R1Penalty r1 =
            R1Penalty.of(graph, tf, realLogits, reals.get(i), batch, r1Weight, owner.r1Name());
        objective = tf.math.add(objective, r1.value());
        ys.add(r1.inputGradient());
        dys.add(r1.seed());
      }
      if (mixes != null) {
        GradientPenalty gp =
            GradientPenalty.of(
                graph,
                tf,
                owner.discriminator,
                reals.get(i),
                fake.get(i),
                mixes.get(i),
                label(i),
                batch,
                config.gpGamma(),
                "gp_gradients" + suffix + "_" + i);
        objective = tf.math.add(objective, gp.value());
        ys.add(gp.inputGradient());
        dys.add(gp.seed());
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
    Op dTrain = dAdam.applyGradients(dStep, dVars, dGrads, dRate, Names.D_TRAIN + suffix);
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
    return new TrainingGraph.Step(
        dLoss,
        tf.withName(Names.D_REAL + suffix).identity(dReal),
        tf.withName(Names.D_FAKE + suffix).identity(dFake),
        dTrain,
        g.loss(),
        g.train(),
        g.update(),
        dGrads,
        g.gradients());
  }

  /**
   * Shard {@code i}'s labels (the real batch's classes or clusters), or null when unconditional.
   */
  private Operand<TInt32> label(int i) {
    return labels == null ? null : labels.get(i);
  }

  /** The labels D takes with shard {@code i} of G's samples ({@link #fakeLabels}), or null. */
  private Operand<TInt32> fakeLabel(int i) {
    return fakeLabels == null ? null : fakeLabels.get(i);
  }

  /** G step with D as updated by the D step ({@code fake} waits for it). */
  private GStep gStep(List<Operand<TFloat32>> fake, String suffix) {
    List<Operand<TFloat32>> logits = new ArrayList<>();
    for (int i = 0; i < fake.size(); i++) {
      logits.add(owner.discriminator.apply(tf, fake.get(i), fakeLabel(i)));
    }
    return gStepOn(logits, suffix);
  }

  /** G step from D's logits on G(z), one per shard ({@link GanLoss#generator}). */
  private GStep gStepOn(List<Operand<TFloat32>> logits, String suffix) {
    List<Operand<TFloat32>> values = new ArrayList<>();
    List<Operand<TFloat32>> dys = new ArrayList<>();
    for (Operand<TFloat32> l : logits) {
      LogitLoss g = loss.generator(l);
      values.add(g.value());
      dys.add(g.gradient());
    }
    Operand<TFloat32> loss = tf.withName(Names.G_LOSS + suffix).identity(Shards.sum(tf, values));
    List<Operand<TFloat32>> grads =
        gradients(graph, tf, logits, dys, owner.generator.variables(), config);
    // In a chain, the iteration before may still read G (its moving average) until its gTrain.
    List<Operand<TFloat32>> applied = new ArrayList<>(grads);
    if (!gUpdateAfter.isEmpty()) {
      Ops after = tf.withControlDependencies(gUpdateAfter);
      applied.replaceAll(after::identity);
    }
    if (owner.generatorEma == null) {
      Op adamStep =
          gAdam.applyGradients(
              tf, owner.generator.variables(), applied, gRate, Names.G_TRAIN + suffix);
      return new GStep(loss, adamStep, adamStep, grads);
    }
    Op adamStep =
        gAdam.applyGradients(
            tf, owner.generator.variables(), applied, gRate, "g_adam_step" + suffix);
    Op train = emaUpdate(tf, adamStep, Names.G_TRAIN + suffix);
    return new GStep(loss, train, adamStep, grads);
  }

  private record GStep(
      Operand<TFloat32> loss, Op train, Op update, List<Operand<TFloat32>> gradients) {}

  /**
   * After G's Adam step, moves each averaged variable toward G's: ema ← ema − (1 − decay)(ema − w),
   * as a gradient-descent step of size 1 − decay along ema − w (one update op per variable, in
   * place, instead of a multiplication and a subtraction that each write a new tensor). Returns the
   * op that runs both, named {@link Names#G_TRAIN}.
   *
   * <p>With {@link GanConfig#emaWarmup()} the decay at iteration n (0-based) is min(emaDecay, (1 +
   * n) / (10 + n)), as TensorFlow's {@code tf.train.ExponentialMovingAverage(decay, num_updates)}
   * computes it: 0.1 at the first iteration, 0.98 at the 450th, emaDecay from (10·emaDecay − 1) /
   * (1 − emaDecay) on (44,990 for 0.9998). Without it, a constant decay keeps 0.9998^300 ≈ 94% of
   * the initial weights after 300 iterations, and a short run's average draws noise.
   */
  private Op emaUpdate(Ops tf, Op gAdamStep, String name) {
    Ops after = tf.withControlDependencies(List.of(gAdamStep));
    float decay = config.emaDecay();
    Operand<TFloat32> step;
    if (config.emaWarmup()) {
      Operand<TFloat32> n = after.dtypes.cast(iteration, TFloat32.class);
      Operand<TFloat32> ramp =
          after.math.div(
              after.math.add(n, after.constant(1f)), after.math.add(n, after.constant(10f)));
      step = after.math.sub(after.constant(1f), after.math.minimum(after.constant(decay), ramp));
    } else {
      step = after.constant(1f - decay);
    }
    List<Op> updates = new ArrayList<>();
    List<Variable<TFloat32>> weights = owner.generator.variables();
    List<Variable<TFloat32>> averages = owner.generatorEma.variables();
    for (int i = 0; i < weights.size(); i++) {
      Variable<TFloat32> avg = averages.get(i);
      updates.add(after.train.applyGradientDescent(avg, step, after.math.sub(avg, weights.get(i))));
    }
    if (owner.generatorEma.savedVariables().size() == averages.size()) {
      return tf.withControlDependencies(updates).withName(name).noOp();
    }
    // With batch norm, the average keeps statistics of its own: averaging G's would normalise the
    // average's activations with another network's (blurred, broken strokes in the samples). Once
    // its weights are updated, the average runs in training mode on the first shard's noise, which
    // moves its moving statistics toward its own batch statistics.
    Ops averaged = tf.withControlDependencies(updates);
    Operand<TFloat32> z = Shards.split(tf, averaged.identity(noise), fake.size()).get(0);
    Operand<TFloat32> own = owner.generatorEma.apply(averaged, z, label(0));
    return tf.withControlDependencyOps(List.of(own.op())).withName(name).noOp();
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
