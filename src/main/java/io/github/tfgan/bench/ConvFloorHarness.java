package io.github.tfgan.bench;

import io.github.tfgan.model.SeedStreams;
import io.github.tfgan.runtime.GraphSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.Conv2dBackpropFilter;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The ops of a cycle as independent TensorFlow ops in one graph with fed random inputs, built once
 * so that it can be timed repeatedly (between the training repeats of a benchmark). The cycle's
 * first run fetches every iteration's ops and the R1 pass's; the others every iteration's only.
 */
final class ConvFloorHarness implements Floor.Timer {
  private final ConvFloor.Cycle cycle;
  private final Group every = new Group();
  private final Group r1 = new Group();
  private final GraphSession runtime;

  /**
   * @param config the session's configuration (its thread counts)
   * @param channelsFirst build the convolutions NCHW instead of NHWC (the layout the nets use); for
   *     measuring only: TensorFlow's own CPU kernels take NHWC only, oneDNN's both
   */
  ConvFloorHarness(ConvFloor.Cycle cycle, ConfigProto config, boolean channelsFirst) {
    this.cycle = cycle;
    runtime = GraphSession.open(config);
    SeedStreams.Generator random = new SeedStreams(1).generator(SeedStreams.BENCH_OPERANDS, 1);
    runtime.build(
        graph -> {
          Ops tf = Ops.create(graph);
          for (ConvFloor.Op op : cycle.every()) {
            every.ops.add(build(tf, every, op, channelsFirst, random));
          }
          for (ConvFloor.Op op : cycle.r1()) {
            r1.ops.add(build(tf, r1, op, channelsFirst, random));
          }
          return null;
        });
  }

  /** Ops run together, with their fed inputs. */
  private static final class Group {
    final List<Operand<TFloat32>> ops = new ArrayList<>();
    final List<Placeholder<TFloat32>> placeholders = new ArrayList<>();
    final List<TFloat32> inputs = new ArrayList<>();

    void addTo(Session.Runner runner) {
      for (int j = 0; j < placeholders.size(); j++) {
        runner.feed(placeholders.get(j), inputs.get(j));
      }
      ops.forEach(runner::fetch);
    }
  }

  private static Operand<TFloat32> build(
      Ops tf, Group group, ConvFloor.Op op, boolean channelsFirst, SeedStreams.Generator random) {
    long[] input = layout(op.inputShape(), channelsFirst && op.kind() != ConvFloor.Kind.MATMUL);
    long[] output = layout(op.outputShape(), channelsFirst && op.kind() != ConvFloor.Kind.MATMUL);
    List<Long> strides =
        channelsFirst
            ? List.of(1L, 1L, (long) op.stride(), (long) op.stride())
            : List.of(1L, (long) op.stride(), (long) op.stride(), 1L);
    String format = channelsFirst ? "NCHW" : "NHWC";
    return switch (op.kind()) {
      case MATMUL ->
          tf.linalg.matMul(fed(tf, group, input, random), fed(tf, group, op.filterShape(), random));
      case CONV2D ->
          tf.nn.conv2d(
              fed(tf, group, input, random),
              fed(tf, group, op.filterShape(), random),
              strides,
              "SAME",
              Conv2d.dataFormat(format));
      case BACKPROP_INPUT ->
          tf.nn.conv2dBackpropInput(
              tf.constant(toInts(input)),
              fed(tf, group, op.filterShape(), random),
              fed(tf, group, output, random),
              strides,
              "SAME",
              Conv2dBackpropInput.dataFormat(format));
      case BACKPROP_FILTER ->
          tf.nn.conv2dBackpropFilter(
              fed(tf, group, input, random),
              tf.constant(toInts(op.filterShape())),
              fed(tf, group, output, random),
              strides,
              "SAME",
              Conv2dBackpropFilter.dataFormat(format));
    };
  }

  /**
   * A placeholder of {@code shape} and its random value: fed inputs, because an op on constants or
   * on never-assigned variables is folded.
   */
  private static Placeholder<TFloat32> fed(
      Ops tf, Group group, long[] shape, SeedStreams.Generator random) {
    Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
    group.placeholders.add(p);
    float[] v = new float[Math.toIntExact(Shape.of(shape).size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    group.inputs.add(TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(v, true, false)));
    return p;
  }

  /**
   * Median milliseconds per iteration over about {@code runs} runs: whole cycles of {@code r1Every}
   * runs (at least one), each cycle's time divided by its iterations.
   */
  @Override
  public double measureMillis(int runs) {
    int cycles = Math.max(1, runs / cycle.r1Every());
    double[] ms = new double[cycles];
    for (int c = 0; c < cycles; c++) {
      double total = 0;
      for (int i = 0; i < cycle.r1Every(); i++) {
        Session.Runner runner = runtime.runner();
        every.addTo(runner);
        if (i == 0) {
          r1.addTo(runner);
        }
        long t0 = System.nanoTime();
        runner.run().close();
        total += (System.nanoTime() - t0) / 1e6;
      }
      ms[c] = total / cycle.r1Every();
    }
    return Stats.median(ms);
  }

  @Override
  public void close() {
    runtime.close();
    every.inputs.forEach(TFloat32::close);
    r1.inputs.forEach(TFloat32::close);
  }

  /** NHWC dims as NCHW when {@code channelsFirst}. */
  private static long[] layout(long[] nhwc, boolean channelsFirst) {
    return channelsFirst ? new long[] {nhwc[0], nhwc[3], nhwc[1], nhwc[2]} : nhwc;
  }

  private static int[] toInts(long[] dims) {
    return Arrays.stream(dims).mapToInt(Math::toIntExact).toArray();
  }
}
