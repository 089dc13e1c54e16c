package io.github.tfgan.bench;

import io.github.tfgan.model.MnistShape;
import io.github.tfgan.model.SeedStreams;
import io.github.tfgan.runtime.GraphSession;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The matrix products of one training iteration, their FLOPs, and the time this machine's
 * TensorFlow MatMul kernels take for exactly those products: the floor the iteration cannot beat
 * with these kernels.
 */
final class MatmulFloor {
  /** One product {@code [m, k] × [k, n]}. */
  public record Product(String what, int m, int k, int n) {
    /** Multiply-adds counted as 2 FLOPs. */
    public long flops() {
      return 2L * m * k * n;
    }
  }

  private MatmulFloor() {}

  /**
   * The products of one fused iteration at batch {@code b} (see {@code TrainingGraph}): D step (G
   * forward once, D forward and weight gradients on the 2b real+fake batch), then G step (D forward
   * on the b fakes, backward through D to its input, G's weight gradients).
   *
   * <p>The step runs D's pass over the real and the fake batch as two b-row products each, side by
   * side; the floor times each pair as one 2b-row product, the same FLOPs in the form these kernels
   * run fastest, so the floor stays the harder mark.
   */
  public static List<Product> iteration(int b, int noiseDim) {
    int[] g = {noiseDim, 128, 256, MnistShape.PIXELS};
    int[] d = {MnistShape.PIXELS, 256, 128, 1};
    List<Product> p = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      p.add(new Product("D step: G forward " + (i + 1), b, g[i], g[i + 1]));
    }
    for (int i = 0; i < 3; i++) {
      p.add(new Product("D step: D forward " + (i + 1), 2 * b, d[i], d[i + 1]));
    }
    for (int i = 0; i < 3; i++) {
      p.add(new Product("D step: D kernel gradient " + (i + 1), d[i], 2 * b, d[i + 1]));
      if (i > 0) {
        p.add(new Product("D step: D input gradient " + (i + 1), 2 * b, d[i + 1], d[i]));
      }
    }
    for (int i = 0; i < 3; i++) {
      p.add(new Product("G step: D forward " + (i + 1), b, d[i], d[i + 1]));
      p.add(new Product("G step: D input gradient " + (i + 1), b, d[i + 1], d[i]));
    }
    for (int i = 0; i < 3; i++) {
      p.add(new Product("G step: G kernel gradient " + (i + 1), g[i], b, g[i + 1]));
      if (i > 0) {
        p.add(new Product("G step: G input gradient " + (i + 1), b, g[i + 1], g[i]));
      }
    }
    return p;
  }

  /** Total FLOPs of {@code products}. */
  public static long flops(List<Product> products) {
    return products.stream().mapToLong(Product::flops).sum();
  }

  /**
   * The products of one iteration as independent MatMul ops in one graph with fed random inputs,
   * built once so that it can be timed repeatedly (between the training repeats of a benchmark).
   */
  public static final class Harness implements Floor.Timer {
    private final List<TFloat32> inputs = new ArrayList<>();
    private final List<Placeholder<TFloat32>> placeholders = new ArrayList<>();
    private final List<Operand<TFloat32>> matmuls = new ArrayList<>();
    private final GraphSession runtime;

    /**
     * @param config the session's configuration (its thread counts: the floor is timed with
     *     TensorFlow's choice and with the trainer's, one thread per op and two ops at once)
     */
    public Harness(List<Product> products, ConfigProto config) {
      runtime = GraphSession.open(config);
      runtime.build(
          graph -> {
            Ops tf = Ops.create(graph);
            for (Product p : products) {
              // Fed inputs: a product of constants or of never-assigned variables is folded.
              Placeholder<TFloat32> a = placeholder(tf, p.m(), p.k());
              Placeholder<TFloat32> b = placeholder(tf, p.k(), p.n());
              placeholders.add(a);
              placeholders.add(b);
              matmuls.add(tf.linalg.matMul(a, b));
            }
            return null;
          });
      SeedStreams.Generator random = new SeedStreams(1).generator(SeedStreams.BENCH_OPERANDS, 0);
      for (Product p : products) {
        inputs.add(random(random, p.m(), p.k()));
        inputs.add(random(random, p.k(), p.n()));
      }
    }

    /** Median milliseconds of {@code runs} runs of all products. */
    @Override
    public double measureMillis(int runs) {
      double[] ms = new double[Math.max(runs, 1)];
      for (int i = 0; i < ms.length; i++) {
        Session.Runner runner = runtime.runner();
        for (int j = 0; j < placeholders.size(); j++) {
          runner.feed(placeholders.get(j), inputs.get(j));
        }
        matmuls.forEach(runner::fetch);
        long t0 = System.nanoTime();
        runner.run().close();
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      return Stats.median(ms);
    }

    @Override
    public void close() {
      runtime.close();
      inputs.forEach(TFloat32::close);
    }
  }

  private static Placeholder<TFloat32> placeholder(Ops tf, int rows, int cols) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows, cols)));
  }

  private static TFloat32 random(SeedStreams.Generator random, int rows, int cols) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return TFloat32.tensorOf(Shape.of(rows, cols), DataBuffers.of(v, true, false));
  }
}
