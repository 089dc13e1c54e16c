package io.github.tfgan.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of one multilayer perceptron: its name (the prefix of its variables), input
 * width and dense layers.
 *
 * @param name variable-name prefix, e.g. {@link Names#GENERATOR}
 * @param inputDim width of the input
 * @param layers the dense layers, in order
 */
public record NetworkSpec(String name, int inputDim, List<Layer> layers) {

  /** Width of a flattened 28x28 image. */
  public static final int IMAGE_PIXELS = MnistShape.PIXELS;

  /** One dense layer: {@code units} outputs, then {@code activation}. */
  public record Layer(int units, Activation activation) {}

  /** Validates and copies the layer list. */
  public NetworkSpec {
    if (inputDim <= 0) {
      throw new IllegalArgumentException("inputDim: expected > 0, found " + inputDim);
    }
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("layers: expected at least one layer for " + name);
    }
    layers = List.copyOf(layers);
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
  public static final String NET_FORMS = "mlp:W1,W2,... (G's hidden widths; D mirrors them)";

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
      String op = layer.activation().gradientOp();
      if (op != null && !layer.activation().hasSecondOrderGradient()) {
        ops.add(op);
      }
    }
    return List.copyOf(ops);
  }

  /** Width of the output. */
  public int outputDim() {
    return layers.get(layers.size() - 1).units();
  }

  /** Number of trainable parameters in layer {@code index} (0-based): kernel plus bias. */
  public long parameterCount(int index) {
    int in = index == 0 ? inputDim : layers.get(index - 1).units();
    int out = layers.get(index).units();
    return (long) in * out + out;
  }

  /** Number of trainable parameters of the whole network. */
  public long parameterCount() {
    long total = 0;
    for (int i = 0; i < layers.size(); i++) {
      total += parameterCount(i);
    }
    return total;
  }
}
