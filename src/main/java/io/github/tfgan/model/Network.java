package io.github.tfgan.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The variables of one {@link NetworkSpec} in a graph, and the ops that apply it to an input.
 *
 * <p>Variables are created once; {@link #apply} may be called many times (the discriminator is
 * applied to real and to generated images with the same weights). A network made by {@link #create}
 * applies batch norm in training mode (batch statistics, with its moving averages updated before
 * the output is read); {@link #inference()} is the same variables in inference mode (the moving
 * averages), which samples and exports use. This class builds ops only: it knows no sessions or
 * files.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the library's other packages use it.
 */
public final class Network {
  /** Keras's {@code BatchNormalization} defaults. */
  static final float BN_MOMENTUM = 0.99f;

  static final float BN_EPSILON = 1e-3f;

  private final NetworkSpec spec;

  /** Per layer: its variables (read operands), in {@link #savedVariables()}'s order. */
  private final List<List<Operand<TFloat32>>> layerVars;

  /** A projection discriminator's label embedding, {@code [classes, features]}; else null. */
  private final Operand<TFloat32> embedding;

  /** A clustered generator's log shares or discriminator's centroids; else null. */
  private final Operand<TFloat32> clusterState;

  private final List<Variable<TFloat32>> trainable;
  private final List<Variable<TFloat32>> saved;
  private final boolean training;

  private Network(
      NetworkSpec spec,
      List<List<Operand<TFloat32>>> layerVars,
      Operand<TFloat32> embedding,
      Operand<TFloat32> clusterState,
      List<Variable<TFloat32>> trainable,
      List<Variable<TFloat32>> saved,
      boolean training) {
    this.spec = spec;
    this.layerVars = layerVars;
    this.embedding = embedding;
    this.clusterState = clusterState;
    this.trainable = trainable;
    this.saved = saved;
    this.training = training;
  }

  /** How a variable starts: Glorot-uniform, zeros, ones, or from the data's clusters. */
  private enum Init {
    GLOROT,
    ZEROS,
    ONES,
    LOG_SHARES,
    CENTROIDS
  }

  /** Makes one variable of the network. */
  @FunctionalInterface
  private interface Maker {
    Operand<TFloat32> make(String name, long[] shape, Init init, long seed);
  }

  /**
   * The network for a serving graph: resource variables ({@link ServingVariable}) under the spec's
   * names, without values (the export restores them), read once per use.
   */
  public static Network createForServing(Ops tf, NetworkSpec spec) {
    return build(
        spec,
        spec.name(),
        (name, shape, init, seed) -> ServingVariable.create(tf, name, Shape.of(shape)),
        null,
        null,
        false);
  }

  /**
   * Creates the variables with the initialisers of {@code tf.layers}: Glorot-uniform kernels, zero
   * biases, batch norm's γ = 1, β = 0 and moving statistics 0 and 1. The initialisers run when the
   * session is initialised.
   *
   * @param seed drives every kernel; each layer draws from its own stream derived from it
   */
  public static Network create(Ops tf, NetworkSpec spec, long seed) {
    return create(tf, spec, seed, spec.name());
  }

  /**
   * As {@link #create(Ops, NetworkSpec, long)}, with variables named after {@code variablePrefix}
   * instead of the spec's name but initialised to the same values: a shadow copy (e.g. the moving
   * average of G's weights) that starts equal to the network.
   */
  public static Network create(Ops tf, NetworkSpec spec, long seed, String variablePrefix) {
    return create(tf, spec, seed, variablePrefix, null);
  }

  /** As above; a clustered network's shares or centroids start from {@code clusters} or 0. */
  public static Network create(
      Ops tf, NetworkSpec spec, long seed, String variablePrefix, Clusters clusters) {
    if (clusters != null && clusters.count() != spec.clusters()) {
      throw new IllegalArgumentException(
          spec.name() + ": expected " + spec.clusters() + " clusters, found " + clusters.count());
    }
    Ops init = tf.withInitScope();
    List<Variable<TFloat32>> trainable = new ArrayList<>();
    List<Variable<TFloat32>> saved = new ArrayList<>();
    Maker maker =
        (name, shape, kind, layerSeed) -> {
          Operand<TFloat32> value =
              switch (kind) {
                case GLOROT -> glorot(init, shape, layerSeed);
                case ZEROS -> init.zeros(init.constant(shape), TFloat32.class);
                case ONES -> init.fill(init.constant(shape), init.constant(1f));
                case LOG_SHARES, CENTROIDS ->
                    clusters == null
                        ? init.zeros(init.constant(shape), TFloat32.class)
                        : init.constant(
                            Shape.of(shape),
                            org.tensorflow.ndarray.buffer.DataBuffers.of(
                                kind == Init.LOG_SHARES
                                    ? clusters.logShares()
                                    : clusters.centroids()));
              };
          return tf.withName(name).variable(value);
        };
    return build(spec, variablePrefix, maker, seed, new Lists(trainable, saved), true);
  }

  /**
   * Creates the variables without initialisers, for a graph whose values are restored from a
   * checkpoint or assigned.
   */
  public static Network createForRestore(Ops tf, NetworkSpec spec) {
    Maker maker =
        (name, shape, kind, seed) -> tf.withName(name).variable(Shape.of(shape), TFloat32.class);
    return build(
        spec, spec.name(), maker, 0L, new Lists(new ArrayList<>(), new ArrayList<>()), false);
  }

  private record Lists(List<Variable<TFloat32>> trainable, List<Variable<TFloat32>> saved) {}

  /**
   * A dense kernel as {@code tf.layers.dense} draws it; a convolution's with fans from its window.
   */
  private static Operand<TFloat32> glorot(Ops init, long[] shape, long seed) {
    return shape.length == 2
        ? GlorotUniform.kernel(init, (int) shape[0], (int) shape[1], seed)
        : GlorotUniform.initialValue(init, shape, seed);
  }

  private static Network build(
      NetworkSpec spec, String prefix, Maker maker, Long seed, Lists lists, boolean training) {
    List<List<Operand<TFloat32>>> all = new ArrayList<>();
    List<int[]> shapes = spec.shapes();
    for (int i = 0; i < spec.layers().size(); i++) {
      Layer layer = spec.layers().get(i);
      int[] in = shapes.get(i);
      long channels = in[in.length - 1];
      long layerSeed = seed == null ? 0L : layerSeed(seed, spec.name(), i);
      String stem = prefix + "_" + layer.typeName() + (i + 1) + "_";
      List<Operand<TFloat32>> vars = new ArrayList<>();
      List<String> parts = new ArrayList<>();
      switch (layer.kind()) {
        case DENSE, CONV, CONV_TRANSPOSE -> {
          long k = layer.kernel();
          long[] kernel =
              switch (layer.kind()) {
                case DENSE -> new long[] {channels, layer.units()};
                case CONV -> new long[] {k, k, channels, layer.units()};
                default -> new long[] {k, k, layer.units(), channels};
              };
          vars.add(maker.make(stem + "kernel", kernel, Init.GLOROT, layerSeed));
          vars.add(maker.make(stem + "bias", new long[] {layer.units()}, Init.ZEROS, layerSeed));
          parts.addAll(List.of("kernel", "bias"));
        }
        case BATCH_NORM -> {
          long[] c = {channels};
          vars.add(maker.make(stem + "gamma", c, Init.ONES, layerSeed));
          vars.add(maker.make(stem + "beta", c, Init.ZEROS, layerSeed));
          vars.add(maker.make(stem + "moving_mean", c, Init.ZEROS, layerSeed));
          vars.add(maker.make(stem + "moving_variance", c, Init.ONES, layerSeed));
          parts.addAll(List.of("gamma", "beta", "moving_mean", "moving_variance"));
        }
        case RESHAPE -> {}
      }
      if (lists != null) {
        for (int v = 0; v < vars.size(); v++) {
          @SuppressWarnings("unchecked")
          Variable<TFloat32> variable = (Variable<TFloat32>) vars.get(v);
          lists.saved().add(variable);
          if (!parts.get(v).startsWith("moving")) {
            lists.trainable().add(variable);
          }
        }
      }
      all.add(List.copyOf(vars));
    }
    Operand<TFloat32> embedding = null;
    if (spec.projectedClasses() > 0) {
      long features = shapes.get(shapes.size() - 2)[0];
      long embeddingSeed = seed == null ? 0L : layerSeed(seed, spec.name(), spec.layers().size());
      embedding =
          maker.make(
              prefix + "_embedding",
              new long[] {spec.projectedClasses(), features},
              Init.GLOROT,
              embeddingSeed);
      if (lists != null) {
        @SuppressWarnings("unchecked")
        Variable<TFloat32> variable = (Variable<TFloat32>) embedding;
        lists.trainable().add(variable);
        lists.saved().add(variable);
      }
    }
    // A clustered network's state: saved and exported, not trained.
    Operand<TFloat32> clusterState = null;
    if (spec.clusters() > 0) {
      boolean g = spec.hasClusterInput();
      clusterState =
          maker.make(
              prefix + (g ? "_cluster_log_shares" : "_cluster_centroids"),
              g ? new long[] {spec.clusters()} : new long[] {spec.clusters(), spec.inputDim()},
              g ? Init.LOG_SHARES : Init.CENTROIDS,
              0L);
      if (lists != null) {
        @SuppressWarnings("unchecked")
        Variable<TFloat32> variable = (Variable<TFloat32>) clusterState;
        lists.saved().add(variable);
      }
    }
    return new Network(
        spec,
        List.copyOf(all),
        embedding,
        clusterState,
        lists == null ? List.of() : List.copyOf(lists.trainable()),
        lists == null ? List.of() : List.copyOf(lists.saved()),
        training && lists != null);
  }

  /** A per-layer seed: the key of stream {@code init/NETWORK} at the layer's index. */
  static long layerSeed(long seed, String network, int layer) {
    return new SeedStreams(seed).key(SeedStreams.INIT + network, layer);
  }

  /** The architecture this network applies. */
  public NetworkSpec spec() {
    return spec;
  }

  /** The same variables, applied in inference mode: batch norm uses its moving averages. */
  public Network inference() {
    return training
        ? new Network(spec, layerVars, embedding, clusterState, trainable, saved, false)
        : this;
  }

  /**
   * Applies the network layer by layer. In training mode, each batch norm layer normalises with the
   * batch's statistics, and its moving averages are updated before its output is read.
   *
   * @param x {@code [batch, inputDim]} float32
   * @return {@code [batch, outputDim]} float32, after the last layer's activation
   */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    if (spec.isConditional()) {
      throw new IllegalStateException(spec.name() + ": a conditional network needs labels");
    }
    return apply(tf, x, null);
  }

  /**
   * The cluster in [0, clusters) a clustered generator draws from each row of its noise {@code z}
   * ({@link NetworkSpec#clusters()}): by inverse transform of the row's first value.
   */
  public Operand<TInt32> clusterOf(Ops tf, Operand<TFloat32> z) {
    if (!spec.hasClusterInput()) {
      throw new IllegalStateException(spec.name() + ": expected a generator with clusters");
    }
    return LayerOps.inverseCdf(tf, z, clusterState, spec.clusters());
  }

  /**
   * Applies a class-conditional network ({@link NetworkSpec#conditioning()}) to rows and their
   * labels; as {@link #apply(Ops, Operand)} for an unconditional one, which takes null labels.
   *
   * @param labels {@code [batch]} int32 in [0, classes)
   */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, Operand<TInt32> labels) {
    if (spec.isConditional() && labels == null) {
      throw new IllegalStateException(spec.name() + ": a conditional network needs labels");
    }
    Ops scope = tf.withSubScope(spec.name()); // one group per network in TensorBoard's graph
    List<int[]> shapes = spec.shapes();
    Operand<TFloat32> h = x;
    if (spec.conditioning() == NetworkSpec.Conditioning.INPUT) {
      h =
          scope.concat(
              List.of(x, LayerOps.oneHot(scope, labels, spec.classes())), scope.constant(1));
    }
    // A clustered G's first layer looks up its cluster's row of the kernel (LayerOps.clusterDense).
    Operand<TInt32> cluster = spec.hasClusterInput() ? clusterOf(scope, x) : null;
    Operand<TInt32> projected =
        labels != null || !spec.hasClusterProjection()
            ? labels
            : LayerOps.nearest(scope, x, clusterState);
    int last = spec.layers().size() - 1;
    for (int i = 0; i < spec.layers().size(); i++) {
      if (i == last && embedding != null) {
        // logit = dense(h) + ⟨embed(y), h⟩. The lookup waits for h, so that it reads the
        // embedding when the layers read theirs: in a chain of iterations, after the update of
        // the iteration before.
        Ops afterH = scope.withControlDependencyOps(List.of(h.op()));
        Operand<TFloat32> rows =
            spec.clusters() > 0
                ? afterH.gather(embedding, projected, scope.constant(0))
                : afterH.linalg.matMul(
                    LayerOps.oneHot(scope, projected, spec.projectedClasses()), embedding);
        Operand<TFloat32> projection =
            scope.reduceSum(
                scope.math.mul(rows, h),
                scope.constant(new int[] {1}),
                org.tensorflow.op.core.ReduceSum.keepDims(true));
        Operand<TFloat32> dense =
            scope.nn.biasAdd(
                scope.linalg.matMul(h, layerVars.get(i).get(0)), layerVars.get(i).get(1));
        return spec.layers().get(i).activation().apply(scope, scope.math.add(dense, projection));
      }
      Layer layer = spec.layers().get(i);
      List<Operand<TFloat32>> v = layerVars.get(i);
      int[] out = shapes.get(i + 1);
      Operand<TFloat32> z =
          switch (layer.kind()) {
            case DENSE ->
                i == 0 && cluster != null
                    ? LayerOps.clusterDense(scope, h, spec.inputDim(), cluster, v.get(0), v.get(1))
                    : scope.nn.biasAdd(scope.linalg.matMul(h, v.get(0)), v.get(1));
            case RESHAPE -> scope.reshape(h, scope.constant(LayerOps.withBatch(out)));
            case CONV ->
                scope.nn.biasAdd(
                    scope.nn.conv2d(h, v.get(0), LayerOps.strides(layer.stride()), "SAME"),
                    v.get(1));
            case CONV_TRANSPOSE ->
                scope.nn.biasAdd(
                    scope.nn.conv2dBackpropInput(
                        LayerOps.outputSizes(scope, h, out),
                        v.get(0),
                        h,
                        LayerOps.strides(layer.stride()),
                        "SAME"),
                    v.get(1));
            case BATCH_NORM -> LayerOps.batchNorm(scope, h, v, out, training);
          };
      h = layer.activation().apply(scope, z);
    }
    return h;
  }

  /**
   * The trainable variables, layer by layer: kernel then bias, or batch norm's γ then β. This is
   * what this network's optimiser updates.
   */
  public List<Variable<TFloat32>> variables() {
    if (saved.isEmpty()) {
      throw new IllegalStateException(
          spec.name() + ": a serving network's resource variables are not optimiser variables");
    }
    return trainable;
  }

  /**
   * Every variable a checkpoint or an export holds, layer by layer: the trainable ones and batch
   * norm's moving mean and variance after its γ and β. Equal to {@link #variables()} for a network
   * without batch norm.
   */
  public List<Variable<TFloat32>> savedVariables() {
    if (saved.isEmpty()) {
      throw new IllegalStateException(spec.name() + ": a serving network has no variables list");
    }
    return saved;
  }
}
