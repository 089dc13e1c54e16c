package io.github.tfgan.train;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;

/**
 * How training executes, as opposed to what it computes ({@link io.github.tfgan.config.GanConfig}):
 * these options change speed, not losses.
 *
 * @param fusedStep one {@code Session.run} per iteration (D step then G step inside the graph)
 *     instead of two
 * @param intraOpThreads threads inside one op (a MatMul); 0 = TensorFlow's choice (all cores)
 * @param interOpThreads ops run at once; 0 = TensorFlow's choice
 * @param xlaJit compile the graph with XLA's JIT on CPU
 * @param prefetch fill the next iteration's batch and noise on a background thread while the
 *     current iteration runs
 */
public record TrainerOptions(
    boolean fusedStep, int intraOpThreads, int interOpThreads, boolean xlaJit, boolean prefetch) {

  /** The measured fastest setting on the project's 2-core machine (see README, "Speed"). */
  public static final TrainerOptions DEFAULT = new TrainerOptions(true, 0, 0, false, true);

  /** Fused step compiled with XLA's JIT on CPU. */
  public static final TrainerOptions FUSED_XLA = new TrainerOptions(true, 0, 0, true, true);

  /**
   * Fused step, the next batch filled on the calling thread (to measure what prefetching saves).
   */
  public static final TrainerOptions FUSED_NO_PREFETCH =
      new TrainerOptions(true, 0, 0, false, false);

  /** Two runs per iteration, TensorFlow's default threads: the straightforward way. */
  public static final TrainerOptions PLAIN = new TrainerOptions(false, 0, 0, false, false);

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
    if (xlaJit) {
      org.tensorflow.internal.c_api.global.tensorflow.TF_SetTfXlaCpuGlobalJit((byte) 1);
      b.setGraphOptions(
          GraphOptions.newBuilder()
              .setOptimizerOptions(
                  OptimizerOptions.newBuilder()
                      .setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1)));
    }
    return b.build();
  }
}
