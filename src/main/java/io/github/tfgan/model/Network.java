package io.github.tfgan.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The variables of one {@link NetworkSpec} in a graph, and the ops that apply it to an input.
 *
 * <p>Variables are created once; {@link #apply} may be called many times (the discriminator is
 * applied to real and to generated images with the same weights). This class builds ops only: it
 * knows no sessions or files.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the library's other packages use it.
 */
public final class Network {
  private final NetworkSpec spec;
  private final List<Operand<TFloat32>> kernels;
  private final List<Operand<TFloat32>> biases;
  private final List<Variable<TFloat32>> variables;

  private Network(
      NetworkSpec spec,
      List<? extends Operand<TFloat32>> kernels,
      List<? extends Operand<TFloat32>> biases,
      List<Variable<TFloat32>> variables) {
    this.spec = spec;
    this.kernels = List.copyOf(kernels);
    this.biases = List.copyOf(biases);
    this.variables = List.copyOf(variables);
  }

  private static Network ofVariables(
      NetworkSpec spec, List<Variable<TFloat32>> kernels, List<Variable<TFloat32>> biases) {
    List<Variable<TFloat32>> all = new ArrayList<>();
    for (int i = 0; i < kernels.size(); i++) {
      all.add(kernels.get(i));
      all.add(biases.get(i));
    }
    return new Network(spec, kernels, biases, all);
  }

  /**
   * The network for a serving graph: resource variables ({@link ServingVariable}) under the spec's
   * names, without values (the export restores them), read once per use.
   */
  public static Network createForServing(Ops tf, NetworkSpec spec) {
    List<Operand<TFloat32>> kernels = new ArrayList<>();
    List<Operand<TFloat32>> biases = new ArrayList<>();
    int in = spec.inputDim();
    for (int i = 0; i < spec.layers().size(); i++) {
      int out = spec.layers().get(i).units();
      kernels.add(ServingVariable.create(tf, Names.kernel(spec.name(), i + 1), Shape.of(in, out)));
      biases.add(ServingVariable.create(tf, Names.bias(spec.name(), i + 1), Shape.of(out)));
      in = out;
    }
    return new Network(spec, kernels, biases, List.of());
  }

  /**
   * Creates the variables with the initialisers of {@code tf.layers.dense}: Glorot-uniform kernels
   * and zero biases. The initialisers run when the session is initialised.
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
    Ops init = tf.withInitScope();
    List<Variable<TFloat32>> kernels = new ArrayList<>();
    List<Variable<TFloat32>> biases = new ArrayList<>();
    int in = spec.inputDim();
    for (int i = 0; i < spec.layers().size(); i++) {
      int out = spec.layers().get(i).units();
      Operand<TFloat32> kernelInit =
          GlorotUniform.kernel(init, in, out, layerSeed(seed, spec.name(), i));
      kernels.add(tf.withName(Names.kernel(variablePrefix, i + 1)).variable(kernelInit));
      Operand<TFloat32> biasInit = init.zeros(init.constant(new long[] {out}), TFloat32.class);
      biases.add(tf.withName(Names.bias(variablePrefix, i + 1)).variable(biasInit));
      in = out;
    }
    return ofVariables(spec, kernels, biases);
  }

  /**
   * Creates the variables without initialisers, for a graph whose values are restored from a
   * checkpoint (the inference graphs that are exported).
   */
  public static Network createForRestore(Ops tf, NetworkSpec spec) {
    List<Variable<TFloat32>> kernels = new ArrayList<>();
    List<Variable<TFloat32>> biases = new ArrayList<>();
    int in = spec.inputDim();
    for (int i = 0; i < spec.layers().size(); i++) {
      int out = spec.layers().get(i).units();
      kernels.add(
          tf.withName(Names.kernel(spec.name(), i + 1))
              .variable(Shape.of(in, out), TFloat32.class));
      biases.add(
          tf.withName(Names.bias(spec.name(), i + 1)).variable(Shape.of(out), TFloat32.class));
      in = out;
    }
    return ofVariables(spec, kernels, biases);
  }

  /** A per-layer seed: the key of stream {@code init/NETWORK} at the layer's index. */
  static long layerSeed(long seed, String network, int layer) {
    return new SeedStreams(seed).key(SeedStreams.INIT + network, layer);
  }

  /**
   * Applies the network: for each layer {@code activation(x · kernel + bias)}.
   *
   * @param x {@code [batch, inputDim]} float32
   * @return {@code [batch, outputDim]} float32, after the last layer's activation
   */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    Ops scope = tf.withSubScope(spec.name()); // one group per network in TensorBoard's graph
    Operand<TFloat32> h = x;
    for (int i = 0; i < kernels.size(); i++) {
      Operand<TFloat32> z = scope.nn.biasAdd(scope.linalg.matMul(h, kernels.get(i)), biases.get(i));
      h = spec.layers().get(i).activation().apply(scope, z);
    }
    return h;
  }

  /**
   * All variables, layer by layer: kernel then bias. This is what this network's optimiser updates.
   */
  public List<Variable<TFloat32>> variables() {
    if (variables.isEmpty()) {
      throw new IllegalStateException(
          spec.name() + ": a serving network's resource variables are not optimiser variables");
    }
    return variables;
  }
}
