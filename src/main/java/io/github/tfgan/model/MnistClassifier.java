package io.github.tfgan.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The evaluation classifier, a small LeNet-like CNN: 28×28×1 → conv 5×5×32, ReLU, max-pool 2 → conv
 * 5×5×64, ReLU, max-pool 2 → dense 128, ReLU (the penultimate features of the Fréchet distance) →
 * dense 10 (logits). Builds ops only; trained by {@code eval.ClassifierTrainer}.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the library's other packages use it.
 */
public final class MnistClassifier {
  /** Variable-name prefix. */
  public static final String NAME = "classifier";

  /** Width of the penultimate features. */
  public static final int FEATURES = 128;

  /** Number of classes. */
  public static final int CLASSES = 10;

  private static final int[][] CONV = {{5, 1, 32}, {5, 32, 64}};
  private static final int FLAT = 7 * 7 * 64;

  private final List<Operand<TFloat32>> weights;
  private final List<Variable<TFloat32>> variables;

  /** What one forward pass yields. */
  public record Outputs(Operand<TFloat32> features, Operand<TFloat32> logits) {}

  private MnistClassifier(
      List<? extends Operand<TFloat32>> weights, List<Variable<TFloat32>> variables) {
    this.weights = List.copyOf(weights);
    this.variables = List.copyOf(variables);
  }

  private MnistClassifier(List<Variable<TFloat32>> variables) {
    this(variables, variables);
  }

  private static long[][] shapes() {
    return new long[][] {
      {CONV[0][0], CONV[0][0], CONV[0][1], CONV[0][2]}, {CONV[0][2]},
      {CONV[1][0], CONV[1][0], CONV[1][1], CONV[1][2]}, {CONV[1][2]},
      {FLAT, FEATURES}, {FEATURES},
      {FEATURES, CLASSES}, {CLASSES}
    };
  }

  private static final String[] NAMES = {
    "conv1_kernel", "conv1_bias", "conv2_kernel", "conv2_bias",
    "dense1_kernel", "dense1_bias", "dense2_kernel", "dense2_bias"
  };

  /** Creates the variables: Glorot-uniform kernels, zero biases, seeded. */
  public static MnistClassifier create(Ops tf, long seed) {
    Ops init = tf.withInitScope();
    long[][] shapes = shapes();
    List<Variable<TFloat32>> vars = new ArrayList<>();
    for (int i = 0; i < shapes.length; i++) {
      Operand<TFloat32> value =
          GlorotUniform.initialValue(
              init, shapes[i], new SeedStreams(seed).key(SeedStreams.INIT + "classifier", i));
      vars.add(tf.withName(NAME + "_" + NAMES[i]).variable(value));
    }
    return new MnistClassifier(vars);
  }

  /**
   * The classifier for a serving graph: resource variables ({@link ServingVariable}), restored by
   * the export.
   */
  public static MnistClassifier createForServing(Ops tf) {
    long[][] shapes = shapes();
    List<Operand<TFloat32>> reads = new ArrayList<>();
    for (int i = 0; i < shapes.length; i++) {
      reads.add(ServingVariable.create(tf, NAME + "_" + NAMES[i], Shape.of(shapes[i])));
    }
    return new MnistClassifier(reads, List.of());
  }

  /**
   * @param images {@code [batch, 784]} float32 in [0, 1]
   */
  public Outputs apply(Ops tf, Operand<TFloat32> images) {
    Operand<TFloat32> h =
        tf.reshape(images, tf.constant(new long[] {-1, MnistShape.SIDE, MnistShape.SIDE, 1}));
    for (int c = 0; c < 2; c++) {
      Operand<TFloat32> conv = tf.nn.conv2d(h, weights.get(2 * c), List.of(1L, 1L, 1L, 1L), "SAME");
      h = tf.nn.relu(tf.nn.biasAdd(conv, weights.get(2 * c + 1)));
      h = maxPool2x2(tf, h);
    }
    Operand<TFloat32> flat = tf.reshape(h, tf.constant(new long[] {-1, FLAT}));
    Operand<TFloat32> features =
        tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(flat, weights.get(4)), weights.get(5)));
    Operand<TFloat32> logits =
        tf.nn.biasAdd(tf.linalg.matMul(features, weights.get(6)), weights.get(7));
    return new Outputs(features, logits);
  }

  /** 2×2 max pooling, stride 2, VALID: {@link #maxPool2x2(Ops, Operand, String)}. */
  private static Operand<TFloat32> maxPool2x2(Ops tf, Operand<TFloat32> x) {
    return maxPool2x2(tf, x, "VALID");
  }

  /**
   * 2×2 max pooling, stride 2, with {@code padding} ("VALID" or "SAME"), as TensorFlow's {@code
   * MaxPool} op with its window in attributes. TF Java's {@code tf.nn.maxPool} builds {@code
   * MaxPoolV2} (window as inputs), which TFLite has no builtin for; the two compute the same values
   * and gradients.
   */
  static Operand<TFloat32> maxPool2x2(Ops tf, Operand<TFloat32> x, String padding) {
    long[] window = {1, 2, 2, 1};
    return tf.scope()
        .opBuilder("MaxPool", "MaxPool")
        .addInput(x.asOutput())
        .setAttr("ksize", window)
        .setAttr("strides", window)
        .setAttr("padding", padding)
        .build()
        .output(0);
  }

  /** All variables, in a fixed order. */
  public List<Variable<TFloat32>> variables() {
    return variables;
  }
}
