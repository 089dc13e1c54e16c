package io.github.tfgan.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * The evaluation classifier for labelled images of any shape {@code H×W×C} and any number of
 * classes K ≥ 2, sized from those two values: {@link #blocks} blocks of conv 3×3 (32, 64, 128, 128
 * filters), LeakyReLU(0.2) and 2×2 max-pool (SAME, so odd sides round up), as many as keep the
 * smaller side at 4 or more (at least 1, at most {@value #MAX_BLOCKS}) → dense 128, LeakyReLU (the
 * penultimate features of the Fréchet distance and of precision/recall) → dense K (logits).
 *
 * <p>28×28 takes 3 blocks (28 → 14 → 7 → 4), 32×32 3 (→ 4×4), 16×16 2, 8×8 1. MNIST's shipped
 * classifier is {@link MnistClassifier}, which this class leaves as it is.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the library's other packages use it.
 */
public final class ImageClassifier {
  /** Variable-name prefix (also of the classifier's Adam slots). */
  public static final String NAME = MnistClassifier.NAME;

  /** Width of the penultimate features. */
  public static final int FEATURES = 128;

  /** At most this many conv blocks. */
  public static final int MAX_BLOCKS = 4;

  private static final int[] WIDTHS = {32, 64, 128, 128};
  private static final int KERNEL = 3;
  private static final int MIN_SIDE = 4;

  private final DataShape shape;
  private final int classes;
  private final List<Operand<TFloat32>> weights;
  private final List<Variable<TFloat32>> variables;

  /** What one forward pass yields. */
  public record Outputs(Operand<TFloat32> features, Operand<TFloat32> logits) {}

  private ImageClassifier(
      DataShape shape,
      int classes,
      List<? extends Operand<TFloat32>> weights,
      List<Variable<TFloat32>> variables) {
    this.shape = shape;
    this.classes = classes;
    this.weights = List.copyOf(weights);
    this.variables = List.copyOf(variables);
  }

  /**
   * Checks that a classifier can be built for {@code shape} and {@code classes}.
   *
   * @throws IllegalArgumentException naming what was expected and found
   */
  public static void check(DataShape shape, int classes) {
    if (!shape.isImage()) {
      throw new IllegalArgumentException(
          "shape: expected images [height, width, channels], found " + shape.describe());
    }
    if (classes < 2) {
      throw new IllegalArgumentException("classes: expected at least 2 classes, found " + classes);
    }
  }

  /** Number of conv blocks for {@code shape}: halvings that keep the smaller side ≥ 4, in 1..4. */
  public static int blocks(DataShape shape) {
    int side = Math.min(shape.height(), shape.width());
    int b = 1;
    while (b < MAX_BLOCKS && halved(side, b + 1) >= MIN_SIDE) {
      b++;
    }
    return b;
  }

  private static int halved(int side, int times) {
    int s = side;
    for (int i = 0; i < times; i++) {
      s = (s + 1) / 2;
    }
    return s;
  }

  /** Values per image after the conv blocks, the input width of the dense layer. */
  static int flatWidth(DataShape shape) {
    int b = blocks(shape);
    return halved(shape.height(), b) * halved(shape.width(), b) * WIDTHS[b - 1];
  }

  private static long[][] shapes(DataShape shape, int classes) {
    int b = blocks(shape);
    long[][] s = new long[2 * b + 4][];
    int in = shape.channels();
    for (int i = 0; i < b; i++) {
      s[2 * i] = new long[] {KERNEL, KERNEL, in, WIDTHS[i]};
      s[2 * i + 1] = new long[] {WIDTHS[i]};
      in = WIDTHS[i];
    }
    s[2 * b] = new long[] {flatWidth(shape), FEATURES};
    s[2 * b + 1] = new long[] {FEATURES};
    s[2 * b + 2] = new long[] {FEATURES, classes};
    s[2 * b + 3] = new long[] {classes};
    return s;
  }

  private static List<String> names(DataShape shape) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= blocks(shape); i++) {
      names.add(NAME + "_conv" + i + "_kernel");
      names.add(NAME + "_conv" + i + "_bias");
    }
    for (int i = 1; i <= 2; i++) {
      names.add(NAME + "_dense" + i + "_kernel");
      names.add(NAME + "_dense" + i + "_bias");
    }
    return names;
  }

  /** The variables' names, in {@link #variables} order (also their checkpoint keys). */
  public static List<String> variableNames(DataShape shape) {
    return names(shape);
  }

  /**
   * Creates the variables for {@code shape} and {@code classes}: Glorot-uniform kernels, zero
   * biases.
   */
  public static ImageClassifier create(Ops tf, DataShape shape, int classes, long seed) {
    check(shape, classes);
    Ops init = tf.withInitScope();
    long[][] shapes = shapes(shape, classes);
    List<String> names = names(shape);
    List<Variable<TFloat32>> vars = new ArrayList<>();
    for (int i = 0; i < shapes.length; i++) {
      Operand<TFloat32> value =
          GlorotUniform.initialValue(
              init, shapes[i], new SeedStreams(seed).key(SeedStreams.INIT + NAME, i));
      vars.add(tf.withName(names.get(i)).variable(value));
    }
    return new ImageClassifier(shape, classes, vars, vars);
  }

  /** The classifier for a serving graph: resource variables ({@link ServingVariable}). */
  public static ImageClassifier createForServing(Ops tf, DataShape shape, int classes) {
    check(shape, classes);
    long[][] shapes = shapes(shape, classes);
    List<String> names = names(shape);
    List<Operand<TFloat32>> reads = new ArrayList<>();
    for (int i = 0; i < shapes.length; i++) {
      reads.add(ServingVariable.create(tf, names.get(i), Shape.of(shapes[i])));
    }
    return new ImageClassifier(shape, classes, reads, List.of());
  }

  /**
   * @param images {@code [batch, H, W, C]} (or {@code [batch, H·W·C]}) float32
   */
  public Outputs apply(Ops tf, Operand<TFloat32> images) {
    Operand<TFloat32> h = tf.reshape(images, tf.constant(shape.withBatch(-1)));
    int b = blocks(shape);
    for (int c = 0; c < b; c++) {
      Operand<TFloat32> conv = tf.nn.conv2d(h, weights.get(2 * c), List.of(1L, 1L, 1L, 1L), "SAME");
      h = leaky(tf, tf.nn.biasAdd(conv, weights.get(2 * c + 1)));
      h = maxPool2x2(tf, h);
    }
    Operand<TFloat32> flat = tf.reshape(h, tf.constant(new long[] {-1, flatWidth(shape)}));
    Operand<TFloat32> features =
        leaky(
            tf, tf.nn.biasAdd(tf.linalg.matMul(flat, weights.get(2 * b)), weights.get(2 * b + 1)));
    Operand<TFloat32> logits =
        tf.nn.biasAdd(tf.linalg.matMul(features, weights.get(2 * b + 2)), weights.get(2 * b + 3));
    return new Outputs(features, logits);
  }

  private static Operand<TFloat32> leaky(Ops tf, Operand<TFloat32> x) {
    return tf.nn.leakyRelu(x, LeakyRelu.alpha(Activation.LEAKY_RELU_ALPHA));
  }

  /** 2×2 max pooling, stride 2, SAME ({@link MnistClassifier#maxPool2x2(Ops, Operand, String)}). */
  private static Operand<TFloat32> maxPool2x2(Ops tf, Operand<TFloat32> x) {
    return MnistClassifier.maxPool2x2(tf, x, "SAME");
  }

  /** The image shape this classifier takes. */
  public DataShape shape() {
    return shape;
  }

  /** Number of classes (logits). */
  public int classes() {
    return classes;
  }

  /** All variables, in a fixed order (empty for a serving graph). */
  public List<Variable<TFloat32>> variables() {
    return variables;
  }
}
