package io.github.tfgan.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The architecture of one network as a value: its name (the prefix of its variables), the width of
 * its flat input, and its layers. The article's nets are dense layers only; convolutional nets
 * reshape their flat input to an image, convolve, and flatten again, so both kinds take and give
 * flat rows ({@link ConvNets} builds the DCGAN pair). Each layer knows its output shape from its
 * input's, and the constructor checks that the layers fit.
 *
 * @param name variable-name prefix, e.g. {@link Names#GENERATOR}
 * @param inputDim width of the (flat) input
 * @param layers the layers, in order
 */
public record NetworkSpec(String name, int inputDim, List<Layer> layers) {

  /** Width of a flattened 28x28 image. */
  public static final int IMAGE_PIXELS = MnistShape.PIXELS;

  /** What a layer does. */
  public enum Kind {
    /** {@code activation(x · kernel + bias)} on a rank-1 input. */
    DENSE,
    /** To {@code shape} ({@code [H, W, C]}, or {@code [D]} to flatten); no variables. */
    RESHAPE,
    /** {@code activation(conv2d(x, kernel) + bias)}, NHWC, padding SAME, on a rank-3 input. */
    CONV,
    /**
     * A transposed convolution (Conv2DBackpropInput): SAME padding, the output {@code stride}×
     * larger.
     */
    CONV_TRANSPOSE,
    /**
     * Batch normalisation over all axes but the last (Keras's defaults: momentum 0.99, ε 0.001),
     * then {@code activation}: batch statistics in training, moving averages in inference.
     */
    BATCH_NORM
  }

  /**
   * One layer. Only the fields of its kind mean something; a layer read from a file written before
   * 0.11 has no kind and is dense.
   *
   * @param kind what it does (null reads as {@link Kind#DENSE})
   * @param units outputs of a dense layer, filters of a convolution
   * @param activation applied last (null reads as linear)
   * @param kernel a convolution's kernel height and width
   * @param stride a convolution's stride in both directions
   * @param shape a reshape's target, without the batch
   */
  public record Layer(
      Kind kind, int units, Activation activation, int kernel, int stride, List<Integer> shape) {

    /** Fills the defaults of a layer read from an older file and copies the shape. */
    public Layer {
      kind = kind == null ? Kind.DENSE : kind;
      activation = activation == null ? Activation.LINEAR : activation;
      shape = shape == null ? List.of() : List.copyOf(shape);
    }

    /** A dense layer: {@code units} outputs, then {@code activation}. */
    public Layer(int units, Activation activation) {
      this(Kind.DENSE, units, activation, 0, 0, null);
    }

    /** A dense layer. */
    public static Layer dense(int units, Activation activation) {
      return new Layer(units, activation);
    }

    /** A reshape to {@code shape} (without the batch). */
    public static Layer reshape(int... shape) {
      return new Layer(
          Kind.RESHAPE, 0, Activation.LINEAR, 0, 0, Arrays.stream(shape).boxed().toList());
    }

    /** A convolution: {@code filters} outputs, a {@code kernel}×{@code kernel} window. */
    public static Layer conv(int filters, int kernel, int stride, Activation activation) {
      return new Layer(Kind.CONV, filters, activation, kernel, stride, null);
    }

    /** A transposed convolution, {@code stride}× up. */
    public static Layer convTranspose(int filters, int kernel, int stride, Activation activation) {
      return new Layer(Kind.CONV_TRANSPOSE, filters, activation, kernel, stride, null);
    }

    /** Batch normalisation, then {@code activation}. */
    public static Layer batchNorm(Activation activation) {
      return new Layer(Kind.BATCH_NORM, 0, activation, 0, 0, null);
    }

    /** The layer's name stem in variable names and summaries: dense, conv, deconv, bn, reshape. */
    public String typeName() {
      return switch (kind) {
        case DENSE -> "dense";
        case RESHAPE -> "reshape";
        case CONV -> "conv";
        case CONV_TRANSPOSE -> "deconv";
        case BATCH_NORM -> "bn";
      };
    }

    /**
     * The output shape (without the batch) for an input of {@code in}.
     *
     * @throws IllegalArgumentException when the layer does not fit {@code in}
     */
    public int[] outputShape(int[] in) {
      return switch (kind) {
        case DENSE -> {
          need(in.length == 1 && units > 0, in, "a vector input and units > 0");
          yield new int[] {units};
        }
        case RESHAPE -> {
          int[] out = shape.stream().mapToInt(Integer::intValue).toArray();
          need(
              (out.length == 1 || out.length == 3) && size(out) == size(in) && size(out) > 0,
              in,
              "a target [D] or [H, W, C] of as many values");
          yield out;
        }
        case CONV, CONV_TRANSPOSE -> {
          need(
              in.length == 3 && units > 0 && kernel > 0 && stride > 0,
              in,
              "an [H, W, C] input, filters, kernel and stride > 0");
          yield kind == Kind.CONV
              ? new int[] {ceilDiv(in[0], stride), ceilDiv(in[1], stride), units}
              : new int[] {in[0] * stride, in[1] * stride, units};
        }
        case BATCH_NORM -> in.clone();
      };
    }

    /** Trainable parameters for an input of {@code in}: kernel and bias, or BN's γ and β. */
    public long parameterCount(int[] in) {
      long channels = in[in.length - 1];
      return switch (kind) {
        case DENSE -> channels * units + units;
        case CONV, CONV_TRANSPOSE -> (long) kernel * kernel * channels * units + units;
        case BATCH_NORM -> 2 * channels;
        case RESHAPE -> 0;
      };
    }

    /** Non-trainable values: BN's moving mean and variance. */
    public long stateCount(int[] in) {
      return kind == Kind.BATCH_NORM ? 2L * in[in.length - 1] : 0;
    }

    private void need(boolean ok, int[] in, String expected) {
      if (!ok) {
        throw new IllegalArgumentException(
            typeName()
                + " layer: expected "
                + expected
                + ", found input "
                + Arrays.toString(in)
                + " for "
                + this);
      }
    }
  }

  /** Validates the layers' shapes and copies the list. */
  public NetworkSpec {
    if (inputDim <= 0) {
      throw new IllegalArgumentException("inputDim: expected > 0, found " + inputDim);
    }
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("layers: expected at least one layer for " + name);
    }
    layers = List.copyOf(layers);
    int[] shape = {inputDim};
    for (Layer layer : layers) {
      shape = layer.outputShape(shape);
    }
    if (shape.length != 1) {
      throw new IllegalArgumentException(
          name + ": expected flat output rows, found shape " + Arrays.toString(shape));
    }
  }

  /** The shape each layer receives: index i is layer i's input, the last entry the output. */
  public List<int[]> shapes() {
    List<int[]> shapes = new ArrayList<>();
    int[] shape = {inputDim};
    shapes.add(shape);
    for (Layer layer : layers) {
      shape = layer.outputShape(shape);
      shapes.add(shape);
    }
    return shapes;
  }

  /** Whether any layer is a convolution. */
  public boolean isConvolutional() {
    return layers.stream().anyMatch(l -> l.kind() == Kind.CONV || l.kind() == Kind.CONV_TRANSPOSE);
  }

  private static int size(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /**
   * The article's generator: z → Dense 128 leaky_relu → Dense 256 leaky_relu → Dense 784 sigmoid.
   *
   * @param noiseDim width of z (the article: 100)
   */
  public static NetworkSpec generator(int noiseDim) {
    return new NetworkSpec(
        Names.GENERATOR,
        noiseDim,
        List.of(
            new Layer(128, Activation.LEAKY_RELU),
            new Layer(256, Activation.LEAKY_RELU),
            new Layer(IMAGE_PIXELS, Activation.SIGMOID)));
  }

  /**
   * The article's discriminator: x → Dense 256 leaky_relu → Dense 128 leaky_relu → Dense 1. The
   * last layer has no activation here: it yields logits, and the sigmoid that the article applies
   * is added separately for the probability output (the loss works on logits).
   */
  public static NetworkSpec discriminator() {
    return new NetworkSpec(
        Names.DISCRIMINATOR,
        IMAGE_PIXELS,
        List.of(
            new Layer(256, Activation.LEAKY_RELU),
            new Layer(128, Activation.LEAKY_RELU),
            new Layer(1, Activation.LINEAR)));
  }

  /** The article's network choice: G's hidden widths 128, 256 (D mirrors them). */
  public static final String ARTICLE_NET = "mlp:128,256";

  /** What {@link #hiddenWidths} accepts, for messages. */
  public static final String NET_FORMS =
      "mlp:W1,W2,... (dense: G's hidden widths, D mirrors them) or dcgan:W or dcgan:W:bn"
          + " (convolutional: W filters in D's first and G's last hidden layer; bn: D has batch"
          + " norm)";

  /**
   * Checks a {@code --net} value of either form ({@link #NET_FORMS}).
   *
   * @throws IllegalArgumentException naming {@code net}, what is accepted and what was found
   */
  public static void checkNet(String net) {
    if (ConvNets.isConv(net)) {
      ConvNets.parse(net);
    } else {
      hiddenWidths(net);
    }
  }

  /**
   * The hidden widths of a {@code --net} value {@code mlp:W1,W2,...}: G's, in order; D uses them
   * reversed, as the article's nets (G 128, 256; D 256, 128).
   *
   * @throws IllegalArgumentException naming {@code net}, what is accepted and what was found
   */
  public static List<Integer> hiddenWidths(String net) {
    String prefix = "mlp:";
    if (net == null || !net.startsWith(prefix) || net.length() == prefix.length()) {
      throw new IllegalArgumentException(
          "net: expected " + NET_FORMS + ", e.g. " + ARTICLE_NET + ", found '" + net + "'");
    }
    List<Integer> widths = new ArrayList<>();
    for (String part : net.substring(prefix.length()).split(",", -1)) {
      int w;
      try {
        w = Integer.parseInt(part.strip());
      } catch (NumberFormatException e) {
        w = -1;
      }
      if (w <= 0 || w > 65_536) {
        throw new IllegalArgumentException(
            "net: expected widths from 1 to 65536 in "
                + NET_FORMS
                + ", found '"
                + part
                + "' in '"
                + net
                + "'");
      }
      widths.add(w);
    }
    return List.copyOf(widths);
  }

  /**
   * A dense generator: z → Dense(w) leaky_relu for each hidden width → Dense(outputDim) with {@code
   * output}. With widths 128, 256, 784 outputs and a sigmoid it is {@link #generator}.
   */
  public static NetworkSpec mlpGenerator(
      int noiseDim, List<Integer> hidden, int outputDim, Activation output) {
    List<Layer> layers = new ArrayList<>();
    hidden.forEach(w -> layers.add(new Layer(w, Activation.LEAKY_RELU)));
    layers.add(new Layer(outputDim, output));
    return new NetworkSpec(Names.GENERATOR, noiseDim, layers);
  }

  /**
   * A dense discriminator: x → Dense(w) leaky_relu for each hidden width → Dense 1 (logits). With
   * 784 inputs and widths 256, 128 it is {@link #discriminator}.
   */
  public static NetworkSpec mlpDiscriminator(int inputDim, List<Integer> hidden) {
    List<Layer> layers = new ArrayList<>();
    hidden.forEach(w -> layers.add(new Layer(w, Activation.LEAKY_RELU)));
    layers.add(new Layer(1, Activation.LINEAR));
    return new NetworkSpec(Names.DISCRIMINATOR, inputDim, layers);
  }

  /**
   * The TensorFlow ops of this network's backward pass that have no gradient of their own in TF
   * Java 1.1.0's gradient registry, so that a penalty on the gradient with respect to the input
   * (R1, WGAN-GP), which differentiates that backward pass again, cannot be built: {@code
   * TanhGrad}, {@code SigmoidGrad}, {@code ReluGrad}, {@code FusedBatchNormGradV3}. Empty for the
   * article's nets (dense layers, LeakyReLU, a linear logit).
   */
  public List<String> opsWithoutSecondOrderGradient() {
    java.util.Set<String> ops = new java.util.LinkedHashSet<>();
    for (Layer layer : layers) {
      if (layer.kind() == Kind.BATCH_NORM) {
        ops.add("FusedBatchNormGradV3");
      }
      String op = layer.activation().gradientOp();
      if (op != null && !layer.activation().hasSecondOrderGradient()) {
        ops.add(op);
      }
    }
    return List.copyOf(ops);
  }

  /** Width of the output. */
  public int outputDim() {
    List<int[]> shapes = shapes();
    return shapes.get(shapes.size() - 1)[0];
  }

  /** Number of trainable parameters in layer {@code index} (0-based). */
  public long parameterCount(int index) {
    return layers.get(index).parameterCount(shapes().get(index));
  }

  /** Number of trainable parameters of the whole network. */
  public long parameterCount() {
    List<int[]> shapes = shapes();
    long total = 0;
    for (int i = 0; i < layers.size(); i++) {
      total += layers.get(i).parameterCount(shapes.get(i));
    }
    return total;
  }

  /** Number of non-trainable values (batch norm's moving statistics) of the whole network. */
  public long stateCount() {
    List<int[]> shapes = shapes();
    long total = 0;
    for (int i = 0; i < layers.size(); i++) {
      total += layers.get(i).stateCount(shapes.get(i));
    }
    return total;
  }
}
