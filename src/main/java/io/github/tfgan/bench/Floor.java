package io.github.tfgan.bench;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.NetworkSpec;
import io.github.tfgan.train.TrainerOptions;
import java.util.List;
import java.util.function.Function;
import org.tensorflow.proto.ConfigProto;

/**
 * What a benchmark's floor times: for the article's network {@link MatmulFloor} (its products at
 * the article's shapes, as before conv nets), for any other net {@link ConvFloor}'s ops of its own
 * step, called the conv floor when the nets have convolutions.
 *
 * @param label the floor's row in the table
 * @param description what it times, in a line
 * @param flops FLOPs per iteration
 * @param harness its harness for a session configuration (thread counts)
 * @param second the threads it is also timed with, besides TensorFlow's choice
 * @param secondLabel what {@code second} is, for the output
 * @param secondKey the JSON key of its timing
 */
record Floor(
    String label,
    String description,
    double flops,
    Function<ConfigProto, Timer> harness,
    TrainerOptions second,
    String secondLabel,
    String secondKey) {

  /**
   * One op at a time, each on all cores (TensorFlow's intra-op choice, one inter-op thread): how
   * the conv floor's ops run alone. Two at once on one thread each, as the matmul floor's second
   * setting, was the slower one with conv nets here.
   */
  static final TrainerOptions ONE_OP_AT_A_TIME =
      new TrainerOptions(true, 1, 1, 0, 1, false, true, true);

  /** A floor's harness: its ops built once, timed alone. */
  interface Timer extends AutoCloseable {
    /** Median milliseconds per iteration over about {@code runs} runs. */
    double measureMillis(int runs);

    @Override
    void close();
  }

  /** Whether either network has convolutions. */
  static boolean isConv(GanArchitecture arch) {
    return arch.generator().isConvolutional() || arch.discriminator().isConvolutional();
  }

  /** The floor of {@code preset}, whose configuration {@code config} trains {@code arch}. */
  static Floor of(String preset, GanConfig config, GanArchitecture arch) {
    if (config.net().equals(NetworkSpec.ARTICLE_NET)) {
      List<MatmulFloor.Product> products =
          MatmulFloor.iteration(config.batchSize(), config.noiseDim());
      return new Floor(
          preset.equals("article")
              ? "matmul floor (TF MatMul kernels)"
              : "matmul floor (article's products; R1 adds)",
          products.size() + " products",
          MatmulFloor.flops(products),
          c -> new MatmulFloor.Harness(products, c),
          TrainerOptions.DEFAULT,
          "one thread per op with two ops at once",
          "floor_one_thread_per_op");
    }
    ConvFloor.Cycle cycle =
        ConvFloor.cycle(
            arch, config.batchSize(), config.updates(), config.r1Gamma() > 0f, config.r1Every());
    return new Floor(
        isConv(arch)
            ? "conv floor (TF conv and MatMul kernels)"
            : "matmul floor (TF MatMul kernels)",
        ConvFloor.describe(cycle),
        cycle.flopsPerIteration(),
        c -> new ConvFloorHarness(cycle, c, false),
        ONE_OP_AT_A_TIME,
        "one op at a time on all cores",
        "floor_one_op_at_a_time");
  }
}
