package io.github.tfgan.train;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * How training executes, as opposed to what it computes ({@link io.github.tfgan.config.GanConfig}):
 * these options change speed, not losses.
 *
 * @param fusedStep one {@code Session.run} per iteration (D step then G step inside the graph)
 *     instead of two
 * @param intraOpThreads threads inside one op (a MatMul); 0 = TensorFlow's choice (all cores).
 *     TensorFlow sizes its process-wide pools from the first session's setting, so this only takes
 *     effect in the first session of a process
 * @param interOpThreads ops run at once; 0 = TensorFlow's choice (as above, process-wide)
 * @param xlaJit compile the graph with XLA's JIT on CPU
 * @param prefetch fill the next iteration's batch and noise on a background thread while the
 *     current iteration runs
 * @param grappler let Grappler, TensorFlow's graph optimiser, rewrite the graph (fusing MatMul,
 *     bias and activation among others); false sets {@code disable_meta_optimizer}
 */
public record TrainerOptions(
    boolean fusedStep,
    int intraOpThreads,
    int interOpThreads,
    boolean xlaJit,
    boolean prefetch,
    boolean grappler) {

  /**
   * One fused run per iteration, the next batch prepared on a background thread, TensorFlow's
   * thread pools and Grappler: the setting measured fastest on the project's 2-core machine
   * (README, "Speed").
   */
  public static final TrainerOptions DEFAULT = new TrainerOptions(true, 0, 0, false, true, true);

  /** The default, with the next batch filled on the calling thread between iterations. */
  public static final TrainerOptions FUSED_NO_PREFETCH =
      new TrainerOptions(true, 0, 0, false, false, true);

  /** Fused step compiled with XLA's JIT on CPU. */
  public static final TrainerOptions FUSED_XLA = new TrainerOptions(true, 0, 0, true, true, true);

  /** The default, with Grappler off (to measure what its rewrites give). */
  public static final TrainerOptions FUSED_NO_GRAPPLER =
      new TrainerOptions(true, 0, 0, false, true, false);

  /** Two runs per iteration, TensorFlow's default threads: the straightforward way. */
  public static final TrainerOptions PLAIN = new TrainerOptions(false, 0, 0, false, false, true);

  /**
   * The session configuration these options ask for. With {@code xlaJit}, this also turns on XLA's
   * CPU JIT for the process ({@code TF_SetTfXlaCpuGlobalJit}, what {@code
   * TF_XLA_FLAGS=--tf_xla_cpu_global_jit} does); sessions without a JIT level are not affected.
   */
  public ConfigProto sessionConfig() {
    ConfigProto.Builder b =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(intraOpThreads)
            .setInterOpParallelismThreads(interOpThreads);
    GraphOptions.Builder graphOptions = GraphOptions.newBuilder();
    if (!grappler) {
      graphOptions.setRewriteOptions(RewriterConfig.newBuilder().setDisableMetaOptimizer(true));
    }
    if (xlaJit) {
      org.tensorflow.internal.c_api.global.tensorflow.TF_SetTfXlaCpuGlobalJit((byte) 1);
      graphOptions.setOptimizerOptions(
          OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1));
    }
    return b.setGraphOptions(graphOptions).build();
  }
}
