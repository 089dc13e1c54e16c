package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.UpdateOrder;
import io.github.tfgan.model.Clusters;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

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
 *
 * <p>With chains ({@link TrainerOptions#unroll}), the graph also holds copies of the iteration's
 * ops, each fed inputs of its own ({@link IterationInputs}) and ordered after the copy before it by
 * control dependencies, so that one session run trains several iterations ({@link #chainAt}).
 */
final class TrainingGraph {
  final Network generator;
  final Network discriminator;

  /** The moving average of G's weights, or null when {@link GanConfig#usesEma()} is false. */
  final Network generatorEma;

  /** The inputs of the graph's single iteration, which is also every chain's first. */
  final IterationInputs first;

  /** The iteration's ops: every iteration's, or with lazy R1 those of iterations without it. */
  final Step regular;

  /** With lazy R1 ({@link GanConfig#r1Every()} > 1), the ops of iterations that apply it. */
  final Step penalised;

  final Placeholder<TFloat32> sampleZ;
  final Operand<TFloat32> sampleImages;

  /** A conditional trainer's sample labels; null when unconditional. */
  final Placeholder<TInt32> sampleLabels;

  private final int r1Every;

  /** Whether the iterations are fed the real batch's labels (classes or clusters). */
  private final boolean labelled;

  /** Values per sample. */
  private final int width;

  /** Chains of iterations run together, by {@code start % r1Every} ({@link #chainAt}). */
  private final Map<Long, List<Link>> chains;

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
   * @param gUpdate G's Adam step alone: after it, G's weights are the next iteration's
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
      Op gUpdate,
      List<Operand<TFloat32>> dGradients,
      List<Operand<TFloat32>> gGradients) {}

  /**
   * @param fused build one op for the whole iteration: the G step's D forward pass waits for D's
   *     update and reuses the D step's G(z) (G's weights and z are the same in both steps), so one
   *     {@code Session.run} does both steps with the same math as two runs. With {@link
   *     UpdateOrder#SIMULTANEOUS} updates there is one form only (G's step reads D before the D
   *     step's update): the trainer runs it in one run either way
   * @param shards how many row blocks each batch is split into ({@link Shards}); 1 = none
   * @param clusters where clustered networks' shares and centroids start; null when not clustered
   */
  TrainingGraph(
      Graph graph,
      GanConfig config,
      GanArchitecture arch,
      boolean fused,
      int shards,
      int unroll,
      Clusters clusters) {
    Ops tf = Ops.create(graph);
    width = arch.shape().size();
    r1Every = config.r1Gamma() > 0f ? config.r1Every() : 1;

    labelled = config.conditional() || arch.clusters() > 0;
    generator =
        Network.create(tf, arch.generator(), config.seed(), arch.generator().name(), clusters);
    discriminator =
        Network.create(
            tf, arch.discriminator(), config.seed(), arch.discriminator().name(), clusters);

    first = IterationInputs.create(tf, config, width, "", labelled);
    List<Operand<TFloat32>> fake = generate(tf, first.noise(), first, shards);
    List<Operand<TFloat32>> reals = Shards.split(tf, first.realImages(), shards);
    generatorEma =
        config.usesEma()
            ? Network.create(tf, arch.generator(), config.seed(), Names.GENERATOR_EMA, clusters)
            : null;

    // One optimiser per network, each over its own variables only; with lazy R1 both kinds of
    // iteration share its moments.
    AdamOptimizer dAdam =
        new AdamOptimizer(Names.DISCRIMINATOR, config.beta1(), config.beta2(), config.epsilon());
    AdamOptimizer gAdam =
        new AdamOptimizer(Names.GENERATOR, config.beta1(), config.beta2(), config.epsilon());
    IterationSteps.Shared shared =
        new IterationSteps.Shared(this, graph, tf, config, fused, dAdam, gAdam);
    IterationSteps steps = new IterationSteps(shared, first, fake, reals, List.of());
    penalised = steps.build(r1Weight(config, true), "");
    regular = r1Every == 1 ? penalised : steps.build(r1Weight(config, false), "_no_r1");
    chains = unroll > 1 ? chains(shared, shards, unroll) : Map.of();
    sampleZ =
        tf.withName(Names.SAMPLE_Z)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, config.noiseDim())));
    sampleLabels =
        arch.isConditional()
            ? tf.withName(Names.SAMPLE_LABELS)
                .placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)))
            : null;
    sampleImages =
        tf.withName(Names.SAMPLE_IMAGES)
            .identity(sampledGenerator().inference().apply(tf, sampleZ, sampleLabels));
  }

  /** G(z) on {@code noise} (per shard), with the labels of {@code in} when conditional. */
  private List<Operand<TFloat32>> generate(
      Ops tf, Operand<TFloat32> noise, IterationInputs in, int shards) {
    List<Operand<TFloat32>> zs = Shards.split(tf, noise, shards);
    List<Operand<TInt32>> labels = Shards.split(tf, in.labels(), shards);
    List<Operand<TFloat32>> fake = new ArrayList<>();
    for (int i = 0; i < zs.size(); i++) {
      fake.add(generator.apply(tf, zs.get(i), labels == null ? null : labels.get(i)));
    }
    return fake;
  }

  /** γ of an iteration's R1 penalty: with lazy R1, γ · r1Every on the iterations that apply it. */
  private float r1Weight(GanConfig config, boolean penalised) {
    return r1Every == 1 ? config.r1Gamma() : penalised ? config.r1Gamma() * r1Every : 0f;
  }

  /** One iteration of a chain: what it is fed, and its ops. */
  record Link(IterationInputs inputs, Step step) {}

  /**
   * The chain of {@code unroll} iterations that starts at {@code start} (a multiple of unroll), or
   * null when the graph has no chains.
   */
  List<Link> chainAt(long start) {
    return chains.get(start % r1Every);
  }

  /**
   * Chains of {@code unroll} iterations, one per kind of start (with lazy R1, where in R1's cycle
   * the chain starts). The first link is the single iteration's ops; each later link has inputs of
   * its own, and its passes start when the weights they read are updated: over the real batch after
   * D's update of the link before, G's forward pass after G's (while the link before may still run
   * its G step), and G's update after the link before has read G (its moving average). D's update
   * waits for its gradients, and through them for the link before to have read D.
   */
  private Map<Long, List<Link>> chains(IterationSteps.Shared shared, int shards, int unroll) {
    Ops tf = shared.tf();
    GanConfig config = shared.config();
    List<IterationInputs> inputs = new ArrayList<>();
    for (int j = 0; j < unroll; j++) {
      inputs.add(j == 0 ? first : IterationInputs.create(tf, config, width, "_" + j, labelled));
    }
    Map<Long, List<Link>> all = new HashMap<>();
    long kinds = r1Every / gcd(unroll, r1Every);
    for (long start = 0; all.size() < kinds; start += unroll) {
      Step before = stepFor(start);
      List<Link> chain = new ArrayList<>(List.of(new Link(inputs.get(0), before)));
      for (int j = 1; j < unroll; j++) {
        IterationInputs in = inputs.get(j);
        // D's pass over G(z) reads D: with simultaneous updates, G's update does not wait for D's.
        Ops afterG = tf.withControlDependencies(List.of(before.gUpdate(), before.dTrain()));
        List<Operand<TFloat32>> fake = generate(tf, afterG.identity(in.noise()), in, shards);
        // The real batch's passes wait for D's update and for the G step's pass of D over G(z)
        // (its loss): started as soon as D is updated, they took the cores from the G step,
        // which the iteration after waits for (slower, in a paired timer outside the repo).
        Ops afterD =
            tf.withControlDependencyOps(List.of(before.dTrain().op(), before.gLoss().op()));
        List<Operand<TFloat32>> reals = Shards.split(tf, afterD.identity(in.realImages()), shards);
        IterationSteps steps =
            new IterationSteps(shared, in, fake, reals, List.of(before.gTrain()));
        boolean penalised = (start + j) % r1Every == 0;
        before = steps.build(r1Weight(config, penalised), "_chain" + start + "_" + j);
        chain.add(new Link(in, before));
      }
      all.put(start % r1Every, List.copyOf(chain));
    }
    return all;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** A unique name prefix for the next R1 backward pass: "r1_gradients", then with a count. */
  String r1Name() {
    return r1Ops++ == 0 ? "r1_gradients" : "r1_gradients_" + r1Ops;
  }

  /** The ops of the 0-based iteration {@code it}: lazy R1 applies on multiples of r1Every. */
  Step stepFor(long it) {
    return it % r1Every == 0 ? penalised : regular;
  }

  /** The generator that samples and exports use: the moving average when on, else G itself. */
  Network sampledGenerator() {
    return generatorEma != null ? generatorEma : generator;
  }
}
