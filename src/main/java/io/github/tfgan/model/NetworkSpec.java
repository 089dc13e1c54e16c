package io.github.tfgan.model;

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
