package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.UpdateOrder;
import io.github.tfgan.data.Architectures;
import io.github.tfgan.data.DataClusters;
import io.github.tfgan.data.Dataset;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.Tensors;
import io.github.tfgan.runtime.GraphSession;
import io.github.tfgan.runtime.NativeSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Trains the GAN: owns one graph and session ({@link GraphSession}), built once.
 *
 * <p>Each iteration runs a D step (Adam over D's variables only, on a real batch and G(z)), then a
 * G step (Adam over G's variables only, on the same z, seeing D's update). {@link #train} and
 * {@link #advance} run several iterations per session run where the options and the listener allow
 * it ({@link TrainerOptions#unroll}, {@link TrainingListener#nextStateRead}); {@link #step} runs
 * one. Close it to free the native graph and session; it refuses use after close.
 *
 * <pre>{@code
 * try (GanTrainer trainer = new GanTrainer(config, data)) {
 *   trainer.train(TrainingListener.each(m -> System.out.println(m.logLine())));
 *   float[] images = trainer.generate(z);
 * }
 * }</pre>
 *
 * <p>Exports and run directories are the run layer's ({@code io.github.tfgan.run}).
 */
public final class GanTrainer implements AutoCloseable {
  static {
    // Before the feed tensors, which load TensorFlow ahead of the graph (see NativeSetup).
    NativeSetup.prepare();
  }

  private final GanConfig config;
  private final GanArchitecture architecture;
  private final TrainerOptions options;
  private final GraphSession runtime;
  private final TrainingGraph ops;
  private final Feeds feeds;
  private final int unroll;
  private long completed;
  private boolean closed;

  /**
   * Builds the graph and initialises the variables.
   *
   * @param data training samples of any shape; must hold at least one batch. The architecture is
   *     chosen from the config and the data ({@link Architectures#forData})
   * @throws IllegalArgumentException if the batch size exceeds the number of samples
   */
  public GanTrainer(GanConfig config, Dataset data) {
    this(config, data, TrainerOptions.DEFAULT);
  }

  /**
   * Builds the graph and initialises the variables, with explicit execution options (one or two
   * session runs per iteration, shards, thread pools, graph optimisations). Options change speed,
   * not the math: the same config and data give the same losses, bit for bit between options with
   * one shard and no XLA, and to rounding otherwise ({@link TrainerOptions}).
   */
  public GanTrainer(GanConfig config, Dataset data, TrainerOptions options) {
    this(config, Architectures.forData(config, data), data, options);
  }

  /**
   * As {@link #GanTrainer(GanConfig, Dataset, TrainerOptions)} with a given architecture (a resumed
   * run's own); it must fit the data ({@link GanArchitecture#checkFits}), and D must be twice
   * differentiable when the configuration has a gradient penalty ({@link GradientSupport#check}).
   */
  public GanTrainer(
      GanConfig config, GanArchitecture architecture, Dataset data, TrainerOptions options) {
    architecture.checkFits(data.shape(), config.noiseDim(), data.source());
    GradientSupport.check(config, architecture);
    this.options = options;
    this.config = config;
    this.architecture = architecture;
    this.unroll = options.unroll();
    DataClusters clusters = DataClusters.of(data, architecture, config.seed());
    Dataset fed = clusters == null ? data : clusters.labelled(data);
    this.feeds = new Feeds(config, architecture, fed, unroll, options.prefetch());
    try {
      this.runtime = GraphSession.open(options.sessionConfig(architecture));
      // build and initialize close the graph and session themselves when they throw
      this.ops =
          runtime.build(
              graph ->
                  new TrainingGraph(
                      graph,
                      config,
                      architecture,
                      options.fusedStep(),
                      Shards.count(options.shards(), config.batchSize()),
                      unroll,
                      clusters == null ? null : clusters.clusters()));
      runtime.initialize();
    } catch (RuntimeException | Error e) {
      feeds.close();
      throw e;
    }
  }

  /** The training graph, serialized ({@code GraphDef}), e.g. for TensorBoard's Graphs tab. */
  public byte[] graphDef() {
    checkOpen();
    return runtime.graph().toGraphDef().toByteArray();
  }

  /** The architecture: shapes, scaling and both networks. */
  public GanArchitecture architecture() {
    return architecture;
  }

  /** The configuration this trainer was built with. */
  public GanConfig config() {
    return config;
  }

  /** Number of iterations completed so far. */
  public long completedIterations() {
    return completed;
  }

  /**
   * Runs iterations until {@link GanConfig#iterations()} have completed, then calls the listener's
   * {@link TrainingListener#onFinish}.
   *
   * @throws DivergenceException if a loss becomes NaN or infinite
   */
  public void train(TrainingListener listener) {
    advance(config.iterations() - completed, listener);
    listener.onFinish(this);
  }

  /**
   * Runs {@code n} more iterations (fewer where {@link GanConfig#iterations()} comes first) and
   * hands each one's metrics to the listener, in order. With {@link TrainerOptions#unroll} above 1,
   * iterations run in chains of that many, one session run each, where the chain starts at a
   * multiple of it and ends no later than the listener's {@link TrainingListener#nextStateRead}:
   * their metrics are handed over after the chain, when {@link #completedIterations} is the chain's
   * end. The losses are those of one iteration per run, bit for bit.
   *
   * @throws DivergenceException if a loss becomes NaN or infinite (the trainer may then be up to
   *     {@code unroll - 1} iterations past the iteration it names)
   */
  public void advance(long n, TrainingListener listener) {
    checkOpen();
    long end = Math.min(config.iterations(), completed + Math.max(0, n));
    while (completed < end) {
      long read = Math.min(end, Math.max(completed + 1, listener.nextStateRead(completed)));
      List<IterationMetrics> done =
          unroll > 1 && completed % unroll == 0 && completed + unroll <= read
              ? runChain()
              : List.of(runStep());
      for (IterationMetrics m : done) {
        if (!m.isFinite()) {
          throw new DivergenceException(m);
        }
        listener.onIteration(this, m);
      }
    }
  }

  /** Runs one iteration (D step, then G step) and returns what it measured. */
  public IterationMetrics step() {
    checkOpen();
    return runStep();
  }

  private IterationMetrics runStep() {
    long it = completed;
    TrainingGraph.Step s = ops.stepFor(it);
    if (oneRun()) {
      return runLinks(List.of(new TrainingGraph.Link(ops.first, s))).get(0);
    }
    FeedSlot slot = feeds.get(it);
    feeds.prefetch(it + 1, unroll);
    float[] d = runDiscriminatorStep(s, slot);
    float gLoss = runGeneratorStep(s, slot);
    completed = it + 1;
    return new IterationMetrics(completed, d[0], gLoss, d[1], d[2], d[3]);
  }

  /** Runs the chain of {@code unroll} iterations that starts at the next one, in one run. */
  private List<IterationMetrics> runChain() {
    return runLinks(ops.chainAt(completed));
  }

  /**
   * Runs the next iterations, one per link (a fused iteration, or a chain of them), in one session
   * run, and returns what each measured.
   */
  private List<IterationMetrics> runLinks(List<TrainingGraph.Link> links) {
    long start = completed;
    Session.Runner runner = runtime.runner();
    for (int j = 0; j < links.size(); j++) {
      TrainingGraph.Step s = links.get(j).step();
      feedIteration(runner, links.get(j).inputs(), s, feeds.get(start + j))
          .fetch(s.gLoss())
          .addTarget(s.dTrain())
          .addTarget(s.gTrain());
    }
    feeds.prefetch(start + links.size(), unroll);
    List<IterationMetrics> done = new ArrayList<>();
    try (Result r = runner.run()) {
      for (int j = 0; j < links.size(); j++) {
        int f = 5 * j;
        done.add(
            new IterationMetrics(
                start + j + 1,
                scalar(r, f),
                scalar(r, f + 4),
                scalar(r, f + 1),
                scalar(r, f + 2),
                scalar(r, f + 3)));
      }
    }
    completed = start + links.size();
    return done;
  }

  /**
   * Whether an iteration is one session run: with the fused step, and always with simultaneous
   * updates, whose G step reads D before the D step's update and so cannot run after it.
   */
  private boolean oneRun() {
    return options.fusedStep() || config.updates() == UpdateOrder.SIMULTANEOUS;
  }

  /** One D step; returns D loss, D(x), D(G(z)) and the learning rate, all before the update. */
  private float[] runDiscriminatorStep(TrainingGraph.Step s, FeedSlot feeds) {
    try (Result r = discriminatorRunner(s, feeds).run()) {
      return new float[] {scalar(r, 0), scalar(r, 1), scalar(r, 2), scalar(r, 3)};
    }
  }

  /** A runner for the D step fetching D loss, D(x), D(G(z)) and the learning rate, in order. */
  private Session.Runner discriminatorRunner(TrainingGraph.Step s, FeedSlot feeds) {
    return feedIteration(runtime.runner(), ops.first, s, feeds).addTarget(s.dTrain());
  }

  /**
   * Feeds one iteration's inputs from {@code slot} and fetches its D loss, D(x), D(G(z)) and
   * learning rate, in order.
   */
  private static Session.Runner feedIteration(
      Session.Runner runner, IterationInputs in, TrainingGraph.Step s, FeedSlot slot) {
    return slot.feed(runner, in)
        .fetch(s.dLoss())
        .fetch(s.dReal())
        .fetch(s.dFake())
        .fetch(in.learningRate());
  }

  /** One G step; returns G's loss before the update. */
  private float runGeneratorStep(TrainingGraph.Step s, FeedSlot feeds) {
    try (Result r =
        runtime
            .runner()
            .feed(ops.first.noise(), feeds.z)
            .feed(ops.first.iteration(), feeds.iteration)
            .addTarget(s.gTrain())
            .fetch(s.gLoss())
            .run()) {
      return scalar(r, 0);
    }
  }

  /** As {@link #generate(float[], int[])} for an unconditional generator. */
  public float[] generate(float[] z) {
    return generate(z, null);
  }

  /**
   * Generates samples from the current generator (its moving average if any), in the data's terms.
   *
   * @param z {@code n × noiseDim} floats, row-major
   * @param labels a conditional generator's class for each row; null for an unconditional one
   * @return {@code n × shape.size()} floats, row-major: pixels in [0, 1], or data in its units
   */
  public float[] generate(float[] z, int[] labels) {
    checkOpen();
    return Sampling.generate(runtime, ops, architecture, z, labels);
  }

  /** Values of the given variables, for tests and inspection. */
  public float[][] variableValues(List<Variable<TFloat32>> variables) {
    checkOpen();
    Session.Runner runner = runtime.runner();
    variables.forEach(runner::fetch);
    try (Result r = runner.run()) {
      float[][] values = new float[variables.size()][];
      for (int i = 0; i < variables.size(); i++) {
        values[i] = Tensors.toArray((TFloat32) r.get(i));
      }
      return values;
    }
  }

  /** The generator's variables in this trainer's graph. */
  public List<Variable<TFloat32>> generatorVariables() {
    return ops.generator.savedVariables();
  }

  /**
   * The moving average of the generator's variables (what samples and exports use), or the
   * generator's own variables when the configuration has no moving average.
   */
  public List<Variable<TFloat32>> sampledGeneratorVariables() {
    return ops.sampledGenerator().savedVariables();
  }

  /** The discriminator's variables in this trainer's graph. */
  public List<Variable<TFloat32>> discriminatorVariables() {
    return ops.discriminator.savedVariables();
  }

  /** Runs only a D step of the next iteration, without counting it; for tests. */
  void discriminatorStepOnly() {
    checkOpen();
    runDiscriminatorStep(ops.stepFor(completed), feeds.get(completed));
  }

  /** Runs only a G step of the next iteration, without counting it; for tests. */
  void generatorStepOnly() {
    checkOpen();
    if (oneRun()) {
      throw new IllegalStateException(
          "a fused or simultaneous step cannot run G's step alone; use PLAIN options and"
              + " alternating updates");
    }
    runGeneratorStep(ops.stepFor(completed), feeds.get(completed));
  }

  /**
   * Saves every variable (weights and both Adam states) as a TensorFlow checkpoint.
   *
   * @param prefix checkpoint prefix, e.g. {@code dir/ckpt}; its directory must exist
   */
  public void saveCheckpoint(Path prefix) {
    checkOpen();
    runtime.save(prefix);
  }

  /**
   * Restores every variable from a checkpoint written by {@link #saveCheckpoint} and sets the
   * iteration counter, so that the next {@link #step} is iteration {@code iteration + 1}.
   */
  public void restore(Path prefix, long iteration) {
    checkOpen();
    if (iteration < 0) {
      throw new IllegalArgumentException("iteration: expected >= 0, found " + iteration);
    }
    feeds.await();
    runtime.restore(prefix);
    completed = iteration;
  }

  /**
   * The values of the generator that samples and exports use: the moving average of its weights
   * when the configuration has one, else its own weights (layer by layer, kernel then bias).
   */
  public float[][] sampledGeneratorValues() {
    return variableValues(sampledGeneratorVariables());
  }

  /** The discriminator's current values (layer by layer, kernel then bias). */
  public float[][] discriminatorValues() {
    return variableValues(discriminatorVariables());
  }

  private static float scalar(Result r, int index) {
    return ((TFloat32) r.get(index)).getFloat();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("GanTrainer: used after close()");
    }
  }

  /** Closes the session, then the graph. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      runtime.close();
      feeds.close();
    }
  }
}
