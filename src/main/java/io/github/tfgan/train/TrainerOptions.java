package io.github.tfgan.train;

import io.github.tfgan.model.GanArchitecture;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * How training executes, as opposed to what it computes ({@link io.github.tfgan.config.GanConfig}):
 * these options change speed, not the math. Two change rounding: XLA, and shards (each shard's
 * gradient is a sum of its own, then the shards' are added), so their losses match the plain step's
 * to rounding (1e-5 in the first iteration, diverging slowly as two runs with other rounding do;
 * {@code GanTrainerTest}) rather than bit for bit.
 *
 * @param fusedStep one {@code Session.run} per iteration (D step then G step inside the graph)
 *     instead of two
 * @param shards split each batch into this many row blocks, each with forward and backward passes
 *     of its own that run side by side on TensorFlow's inter-op threads, their gradients added
 *     (fewer when the batch size is not a multiple: the largest count up to this that divides it);
 *     1 = no split
 * @param unroll iterations per {@code Session.run} in {@link GanTrainer#train} and {@link
 *     GanTrainer#advance}: that many iterations built as one chain of ops, each starting as soon as
 *     the weights it reads are updated (the next iteration's pass over its real batch runs while
 *     this one's G step ends with G's update). The same ops in the same order as one iteration per
 *     run, so the same losses bit for bit ({@code ChainedIterationsTest}). Needs {@code fusedStep};
 *     1 = one iteration per run. {@link GanTrainer#step} always runs one
 * @param intraOpThreads threads inside one op (a MatMul); 0 = TensorFlow's choice (all cores). The
 *     session has threads of its own ({@link io.github.tfgan.runtime.NativeSetup#prepare} asks
 *     TensorFlow for per-session pools before it loads; where another part of the process loaded
 *     TensorFlow first, its process-wide pool, sized by the first session, is used instead)
 * @param interOpThreads ops run at once; 0 = TensorFlow's choice (all cores); per session, as above
 * @param xlaJit compile the graph with XLA's JIT on CPU
 * @param prefetch fill the next iteration's batch and noise on a background thread while the
 *     current iteration runs
 * @param grappler let Grappler, TensorFlow's graph optimiser, rewrite the graph (fusing MatMul,
 *     bias and activation among others); false sets {@code disable_meta_optimizer}. With shards,
 *     its arithmetic optimiser is off (its rewrites of the shards' sums differed between copies of
 *     the same ops, which chained iterations have)
 */
public record TrainerOptions(
    boolean fusedStep,
    int shards,
    int unroll,
    int intraOpThreads,
    int interOpThreads,
    boolean xlaJit,
    boolean prefetch,
    boolean grappler) {

  /**
   * Checks the counts: shards and unroll at least 1 (unroll above 1 only with the fused step),
   * thread counts at least 0.
   */
  public TrainerOptions {
    if (shards < 1) {
      throw new IllegalArgumentException("shards: expected at least 1, found " + shards);
    }
    if (unroll < 1 || (unroll > 1 && !fusedStep)) {
      throw new IllegalArgumentException(
          "unroll: expected at least 1, and 1 without the fused step, found "
              + unroll
              + (fusedStep ? "" : " without the fused step"));
    }
    if (intraOpThreads < 0 || interOpThreads < 0) {
      throw new IllegalArgumentException(
          "thread counts: expected 0 (TensorFlow's choice) or more, found intra-op "
              + intraOpThreads
              + " and inter-op "
              + interOpThreads);
    }
  }

  /** Shards of the default: one op chain per core on the project's 2-core machines. */
  public static final int DEFAULT_SHARDS = 2;

  /** Iterations per session run of the default. */
  public static final int DEFAULT_UNROLL = 4;

  /**
   * One fused run per iteration over the whole batch with TensorFlow's thread choices: the default
   * up to version 0.6.0, and bit for bit the same losses as {@link #PLAIN}.
   */
  public static final TrainerOptions UNSHARDED =
      new TrainerOptions(true, 1, 1, 0, 0, false, true, true);

  /**
   * Four iterations per session run ({@link #DEFAULT_UNROLL}), each over two shards, each op on
   * {@code cores / 2} threads (one on 2 cores) with two ops at once, the next iterations' batches
   * prepared on a background thread, and Grappler: the setting measured fastest on the project's
   * 2-core machine (README, "Speed"). Two independent single-threaded products kept both cores
   * busier there than one product on two threads, and chaining iterations lets the next one's
   * real-batch pass fill the cores while G's update, which waits for all of G's gradients, runs.
   */
  public static final TrainerOptions DEFAULT = sharded(DEFAULT_SHARDS);

  /**
   * The default with one iteration per session run: version 0.7.0's default (its losses rounded
   * slightly differently: 0.8.0 turns Grappler's arithmetic optimiser off with shards).
   */
  public static final TrainerOptions SHARDED = DEFAULT.withUnroll(1);

  /** The default, with the next batch filled on the calling thread between iterations. */
  public static final TrainerOptions FUSED_NO_PREFETCH = DEFAULT.withPrefetch(false);

  /** {@link #UNSHARDED}, compiled with XLA's JIT on CPU. */
  public static final TrainerOptions FUSED_XLA =
      new TrainerOptions(true, 1, 1, 0, 0, true, true, true);

  /** The default, with Grappler off (to measure what its rewrites give). */
  public static final TrainerOptions FUSED_NO_GRAPPLER = DEFAULT.withGrappler(false);

  /** Two runs per iteration, one shard, TensorFlow's default threads: the straightforward way. */
  public static final TrainerOptions PLAIN =
      new TrainerOptions(false, 1, 1, 0, 0, false, false, true);

  /**
   * A fused, prefetching step over {@code shards} shards, with {@code shards} ops at once and each
   * op on its share of the cores ({@code cores / shards}, at least one thread), {@link
   * #DEFAULT_UNROLL} iterations per run; with one shard, {@link #UNSHARDED} (one iteration per
   * run).
   */
  public static TrainerOptions sharded(int shards) {
    if (shards == 1) {
      return UNSHARDED;
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return new TrainerOptions(
        true, shards, DEFAULT_UNROLL, Math.max(1, cores / shards), shards, false, true, true);
  }

  /** These options with the background fill of the next batch on or off. */
  public TrainerOptions withPrefetch(boolean on) {
    return new TrainerOptions(
        fusedStep, shards, unroll, intraOpThreads, interOpThreads, xlaJit, on, grappler);
  }

  /** These options with Grappler's rewrites on or off. */
  public TrainerOptions withGrappler(boolean on) {
    return new TrainerOptions(
        fusedStep, shards, unroll, intraOpThreads, interOpThreads, xlaJit, prefetch, on);
  }

  /**
   * These options with {@code iterations} iterations per session run in {@link GanTrainer#train}.
   */
  public TrainerOptions withUnroll(int iterations) {
    return new TrainerOptions(
        fusedStep, shards, iterations, intraOpThreads, interOpThreads, xlaJit, prefetch, grappler);
  }

  /**
   * The session configuration these options ask for. With {@code xlaJit}, this also turns on XLA's
   * CPU JIT for the process ({@code TF_SetTfXlaCpuGlobalJit}, what {@code
   * TF_XLA_FLAGS=--tf_xla_cpu_global_jit} does); sessions without a JIT level are not affected.
   */
  public ConfigProto sessionConfig() {
    ConfigProto.Builder b =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(intraOpThreads)
            .setInterOpParallelismThreads(interOpThreads)
            .setUsePerSessionThreads(true);
    GraphOptions.Builder graphOptions = GraphOptions.newBuilder();
    if (!grappler) {
      graphOptions.setRewriteOptions(RewriterConfig.newBuilder().setDisableMetaOptimizer(true));
    } else if (shards > 1) {
      // Its rewrites of the shards' sums (hoisting the 1/batch factor out of added losses, say)
      // differ from one copy of the iteration's ops to the next: with it, a chain's later
      // iterations rounded their D loss differently from one iteration per run.
      graphOptions.setRewriteOptions(
          RewriterConfig.newBuilder().setArithmeticOptimization(RewriterConfig.Toggle.OFF));
    }
    if (xlaJit) {
      org.tensorflow.internal.c_api.global.tensorflow.TF_SetTfXlaCpuGlobalJit((byte) 1);
      graphOptions.setOptimizerOptions(
          OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1));
    }
    return b.setGraphOptions(graphOptions).build();
  }

  /**
   * {@link #sessionConfig()} for a run of {@code arch}: with conv nets, without Grappler's
   * remapper, which would fuse D's convolution, bias and LeakyReLU whose separate outputs the
   * gradients read, and gives up with an error line on every session. Dense nets keep it (their
   * runs are unchanged).
   */
  public ConfigProto sessionConfig(GanArchitecture arch) {
    ConfigProto config = sessionConfig();
    if (!arch.generator().isConvolutional() && !arch.discriminator().isConvolutional()) {
      return config;
    }
    GraphOptions.Builder graphOptions = config.getGraphOptions().toBuilder();
    graphOptions.setRewriteOptions(
        graphOptions.getRewriteOptions().toBuilder().setRemapping(RewriterConfig.Toggle.OFF));
    return config.toBuilder().setGraphOptions(graphOptions).build();
  }
}
