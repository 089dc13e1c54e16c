package io.github.tfgan.bench;

import io.github.tfgan.config.UpdateOrder;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.Layer;
import io.github.tfgan.model.NetworkSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The conv floor of nets with convolutions: the convolutions (Conv2D, Conv2DBackpropInput,
 * Conv2DBackpropFilter) and matrix products of one training iteration at their own shapes, their
 * FLOPs, and the time this machine's TensorFlow kernels take for exactly those ops, run alone: the
 * floor the iteration cannot beat with these kernels. The ops are derived from the networks' layers
 * as {@link io.github.tfgan.train.TrainingGraph} builds the step (the ops a session run executes:
 * gradients nothing reads are pruned), with {@link MatmulFloor}'s conventions: D's passes over the
 * real and the fake batch are timed as one pass over 2b rows, the same FLOPs in one op.
 *
 * <p>Every weighted layer is one convolution geometry: a dense layer {@code [rows, in] × [in, out]}
 * (a MatMul), a convolution from {@code [rows, H, W, in]} through a {@code [k, k, in, out]} filter
 * with stride s to {@code [rows, H/s, W/s, out]}, and a transposed convolution the same geometry
 * run backwards (its input is the geometry's output). Each geometry has three ops: forward (MatMul,
 * Conv2D; Conv2DBackpropInput for a transposed convolution), the weight gradient (MatMul {@code
 * [in, rows] × [rows, out]}, Conv2DBackpropFilter) and the input gradient (MatMul {@code [rows,
 * out] × [out, in]}, Conv2DBackpropInput; Conv2D for a transposed convolution), all with the
 * geometry's FLOPs.
 *
 * <p>With lazy R1 ({@code r1Every} > 1) one iteration in {@code r1Every} also differentiates D's
 * input gradient on the real batch: the floor times that cycle of iterations ({@link Cycle}) and
 * reports it per iteration. {@link ConvFloorHarness} times them.
 */
final class ConvFloor {
  /** The ops timed. */
  enum Kind {
    MATMUL("MatMul"),
    CONV2D("Conv2D"),
    BACKPROP_INPUT("Conv2DBackpropInput"),
    BACKPROP_FILTER("Conv2DBackpropFilter");

    private final String opType;

    Kind(String opType) {
      this.opType = opType;
    }

    /** TensorFlow's op type. */
    String opType() {
      return opType;
    }
  }

  /**
   * One op. For {@link Kind#MATMUL}, {@code [rows, in] × [in, out]} (height, width, kernel and
   * stride 1); for the others, the convolution from {@code [rows, height, width, in]} through a
   * {@code [kernel, kernel, in, out]} filter with {@code stride} and SAME padding to {@code [rows,
   * ⌈height/stride⌉, ⌈width/stride⌉, out]}, run forward (Conv2D) or as one of its gradients.
   */
  record Op(
      String what,
      Kind kind,
      int rows,
      int height,
      int width,
      int in,
      int out,
      int kernel,
      int stride) {

    static Op matmul(String what, int m, int k, int n) {
      return new Op(what, Kind.MATMUL, m, 1, 1, k, n, 1, 1);
    }

    int outHeight() {
      return (height + stride - 1) / stride;
    }

    int outWidth() {
      return (width + stride - 1) / stride;
    }

    /** Multiply-adds counted as 2 FLOPs: the same for a geometry's three ops. */
    long flops() {
      return 2L * rows * outHeight() * outWidth() * out * kernel * kernel * in;
    }

    /** The convolution's input, {@code [rows, H, W, in]} ({@code [rows, in]} for a MatMul). */
    long[] inputShape() {
      return kind == Kind.MATMUL ? new long[] {rows, in} : new long[] {rows, height, width, in};
    }

    /** The filter, {@code [k, k, in, out]} ({@code [in, out]} for a MatMul). */
    long[] filterShape() {
      return kind == Kind.MATMUL ? new long[] {in, out} : new long[] {kernel, kernel, in, out};
    }

    /** The convolution's output, {@code [rows, H/s, W/s, out]} ({@code [rows, out]}). */
    long[] outputShape() {
      return kind == Kind.MATMUL
          ? new long[] {rows, out}
          : new long[] {rows, outHeight(), outWidth(), out};
    }

    /** The op with its operands' shapes, as TensorFlow sees them, e.g. for a test or a listing. */
    String signature() {
      String s =
          switch (kind) {
            case MATMUL -> shape(inputShape()) + " x " + shape(filterShape());
            case CONV2D -> shape(inputShape()) + " * " + shape(filterShape());
            case BACKPROP_INPUT -> shape(filterShape()) + " ^ " + shape(outputShape());
            case BACKPROP_FILTER -> shape(inputShape()) + " ~ " + shape(outputShape());
          };
      long[] result =
          switch (kind) {
            case MATMUL, CONV2D -> outputShape();
            case BACKPROP_INPUT -> inputShape();
            case BACKPROP_FILTER -> filterShape();
          };
      String strides = kind == Kind.MATMUL ? "" : " stride " + stride;
      return kind.opType() + " " + s + strides + " -> " + shape(result);
    }

    private static String shape(long[] dims) {
      return Arrays.stream(dims)
          .mapToObj(Long::toString)
          .collect(Collectors.joining(",", "[", "]"));
    }
  }

  /**
   * What the floor times: {@code every} iteration's ops, and with a penalty the R1 pass's ops of
   * one iteration in {@code r1Every} (which is 1 when R1 applies every iteration or not at all).
   */
  record Cycle(List<Op> every, List<Op> r1, int r1Every) {
    Cycle {
      every = List.copyOf(every);
      r1 = List.copyOf(r1);
    }

    /** FLOPs per iteration, the R1 pass's shared among the cycle's iterations. */
    double flopsPerIteration() {
      return flops(every) + (double) flops(r1) / r1Every;
    }

    /** All ops of the cycle's first iteration (which applies R1). */
    List<Op> first() {
      List<Op> all = new ArrayList<>(every);
      all.addAll(r1);
      return all;
    }
  }

  /** One weighted layer's geometry (see the class comment), named after its network and index. */
  private record Geometry(String name, Layer.Kind kind, Op shape) {
    Op forward(String step, int rows) {
      return op(
          step + name + " forward",
          switch (kind) {
            case DENSE -> Kind.MATMUL;
            case CONV_TRANSPOSE -> Kind.BACKPROP_INPUT;
            default -> Kind.CONV2D;
          },
          rows);
    }

    Op weightGradient(String step, int rows) {
      if (kind == Layer.Kind.DENSE) {
        return Op.matmul(step + name + " kernel gradient", shape.in(), rows, shape.out());
      }
      return op(step + name + " kernel gradient", Kind.BACKPROP_FILTER, rows);
    }

    Op inputGradient(String step, int rows) {
      if (kind == Layer.Kind.DENSE) {
        return Op.matmul(step + name + " input gradient", rows, shape.out(), shape.in());
      }
      return op(
          step + name + " input gradient",
          kind == Layer.Kind.CONV_TRANSPOSE ? Kind.CONV2D : Kind.BACKPROP_INPUT,
          rows);
    }

    private Op op(String what, Kind k, int rows) {
      Op s = shape;
      return new Op(what, k, rows, s.height(), s.width(), s.in(), s.out(), s.kernel(), s.stride());
    }
  }

  private ConvFloor() {}

  /**
   * The ops of training {@code arch} at batch {@code b}: per iteration, the D step (G forward once,
   * D forward over the real and the fake batch, D's kernel gradients and the input gradients
   * between its layers), then the G step (with alternating updates D's forward pass over G(z) as
   * updated; D's input gradients down to the image, G's kernel gradients and the input gradients
   * between G's layers); and with {@code r1Weight} > 0 the R1 pass, on the real batch, of one
   * iteration in {@code r1Every}: D's input gradient (every layer's input-gradient op, seeded with
   * ones) and its gradient with respect to D's weights (per layer the kernel gradient of that op,
   * and, below D's last layer, the gradient into the op's upstream gradient, an op of the forward
   * kind). The G step's D passes, in the fused step, reuse the D step's G(z).
   */
  static Cycle cycle(GanArchitecture arch, int b, UpdateOrder updates, boolean r1, int r1Every) {
    List<Geometry> g = geometries(arch.generator(), "G");
    List<Geometry> d = geometries(arch.discriminator(), "D");
    List<Op> every = new ArrayList<>();
    String dStep = "D step: ";
    for (Geometry l : g) {
      every.add(l.forward(dStep, b));
    }
    for (Geometry l : d) {
      every.add(l.forward(dStep, 2 * b));
    }
    for (int i = 0; i < d.size(); i++) {
      every.add(d.get(i).weightGradient(dStep, 2 * b));
      if (i > 0) {
        every.add(d.get(i).inputGradient(dStep, 2 * b));
      }
    }
    String gStep = "G step: ";
    if (updates != UpdateOrder.SIMULTANEOUS) {
      for (Geometry l : d) {
        every.add(l.forward(gStep, b));
      }
    }
    for (Geometry l : d) {
      every.add(l.inputGradient(gStep, b));
    }
    for (int i = 0; i < g.size(); i++) {
      every.add(g.get(i).weightGradient(gStep, b));
      if (i > 0) {
        every.add(g.get(i).inputGradient(gStep, b));
      }
    }
    List<Op> penalty = new ArrayList<>();
    if (r1) {
      String r1Step = "R1: ";
      for (Geometry l : d) {
        penalty.add(l.inputGradient(r1Step, b));
      }
      String second = "R1 gradient: ";
      for (int i = 0; i < d.size(); i++) {
        Geometry l = d.get(i);
        penalty.add(
            rename(l.weightGradient(second, b), second + l.name() + " input gradient's kernel"));
        if (i < d.size() - 1) {
          penalty.add(
              rename(l.forward(second, b), second + l.name() + " input gradient's upstream"));
        }
      }
    }
    return new Cycle(every, penalty, r1 ? Math.max(r1Every, 1) : 1);
  }

  private static Op rename(Op op, String what) {
    return new Op(
        what,
        op.kind(),
        op.rows(),
        op.height(),
        op.width(),
        op.in(),
        op.out(),
        op.kernel(),
        op.stride());
  }

  /** The weighted layers of {@code spec} as geometries, in order. */
  private static List<Geometry> geometries(NetworkSpec spec, String network) {
    List<int[]> shapes = spec.shapes();
    List<Geometry> out = new ArrayList<>();
    for (int i = 0; i < spec.layers().size(); i++) {
      Layer layer = spec.layers().get(i);
      int[] in = shapes.get(i);
      int[] to = shapes.get(i + 1);
      String name = network + " " + layer.typeName() + (i + 1);
      switch (layer.kind()) {
        case DENSE -> {
          // A clustered G multiplies z alone by its first kernel and looks the cluster's row up.
          int width = i == 0 && spec.hasClusterInput() ? spec.inputDim() : in[0];
          out.add(new Geometry(name, layer.kind(), Op.matmul("", 1, width, to[0])));
        }
        case CONV ->
            out.add(
                new Geometry(
                    name,
                    layer.kind(),
                    new Op(
                        "",
                        Kind.CONV2D,
                        1,
                        in[0],
                        in[1],
                        in[2],
                        to[2],
                        layer.kernel(),
                        layer.stride())));
        case CONV_TRANSPOSE ->
            // the convolution from the output back to the input
            out.add(
                new Geometry(
                    name,
                    layer.kind(),
                    new Op(
                        "",
                        Kind.CONV2D,
                        1,
                        to[0],
                        to[1],
                        to[2],
                        in[2],
                        layer.kernel(),
                        layer.stride())));
        default -> {}
      }
    }
    return out;
  }

  /** Total FLOPs of {@code ops}. */
  static long flops(List<Op> ops) {
    return ops.stream().mapToLong(Op::flops).sum();
  }

  /** A one-line description of {@code cycle}, e.g. for the benchmark's header. */
  static String describe(Cycle cycle) {
    long convs = cycle.first().stream().filter(o -> o.kind() != Kind.MATMUL).count();
    long matmuls = cycle.first().size() - convs;
    return String.format(
        Locale.ROOT,
        "%d ops per iteration (%d with R1: %d convolutions, %d matmuls), %.3f GFLOP",
        cycle.every().size(),
        cycle.first().size(),
        convs,
        matmuls,
        cycle.flopsPerIteration() / 1e9);
  }
}
