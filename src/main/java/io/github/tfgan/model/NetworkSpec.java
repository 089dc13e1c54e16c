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
 * <p>A class-conditional network also takes an integer label per row: a generator sees it as a
 * one-hot vector concatenated to its input ({@link Conditioning#INPUT}); a discriminator adds the
 * projection ⟨embed(y), h⟩ of the features h that its last (dense) layer reads to its logit ({@link
 * Conditioning#PROJECTION}, Miyato and Koyama 2018).
 *
 * <p>An unconditional network may instead be conditioned on {@code clusters} clusters of the
 * training data, found without labels (k-means on the samples; Sage et al. 2018, Liu et al. 2020):
 * a generator (a network whose last layer is not a 1-unit dense layer) draws its cluster from its
 * own noise, by inverse transform of its first value with the clusters' shares of the data (so that
 * clusters come as often as in the data), and sees it one-hot beside its input; a discriminator (a
 * last layer of 1 unit) adds the projection of its features onto the cluster's embedding to its
 * logit, as a projection discriminator does with a label: the cluster a sample was generated from,
 * or for any other sample its nearest centroid. Shares and centroids are variables of the networks
 * ({@link Network}); their callers see unconditional networks: noise in, samples out, and samples
 * in, logits out.
 *
 * @param name variable-name prefix, e.g. {@link Names#GENERATOR}
 * @param inputDim width of the (flat) input, without the label
 * @param layers the layers, in order
 * @param classes how many labels a conditional network takes; 0 = unconditional
 * @param conditioning how the label enters; null when unconditional
 * @param clusters how many data clusters the network is conditioned on; 0 = none. A conditional
 *     network has none, and an architecture written before this field existed reads as 0
 */
public record NetworkSpec(
    String name,
    int inputDim,
    List<Layer> layers,
    int classes,
    Conditioning conditioning,
    int clusters) {

  /** How a conditional network takes its label. */
  public enum Conditioning {
    /** One-hot, concatenated to the input of the first (dense) layer. */
    INPUT,
    /** The projection ⟨embed(y), h⟩ added to the logit of the last (dense, 1-unit) layer. */
    PROJECTION
  }

  /** An unconditional network. */
  public NetworkSpec(String name, int inputDim, List<Layer> layers) {
    this(name, inputDim, layers, 0, null, 0);
  }

  /** A network without clusters. */
  public NetworkSpec(
      String name, int inputDim, List<Layer> layers, int classes, Conditioning conditioning) {
    this(name, inputDim, layers, classes, conditioning, 0);
  }

  /**
   * This network conditioned on {@code clusters} data clusters ({@link #clusters()}); 0 removes
   * them.
   *
   * @throws IllegalArgumentException when the network is conditional, or does not fit clusters
   */
  public NetworkSpec withClusters(int clusters) {
    return new NetworkSpec(name, inputDim, layers, classes, conditioning, clusters);
  }

  /** Whether this network projects its features onto a cluster (a discriminator's clusters). */
  public boolean hasClusterProjection() {
    return clusters > 0 && isCritic(layers);
  }

  /** Whether this network draws a cluster from its noise (a generator's clusters). */
  public boolean hasClusterInput() {
    return clusters > 0 && !isCritic(layers);
  }

  /**
   * How many labels a projection onto the last layer's features takes: the classes of a {@link
   * Conditioning#PROJECTION} network, the clusters of one with {@link #hasClusterProjection()};
   * else 0.
   */
  public int projectedClasses() {
    return conditioning == Conditioning.PROJECTION
        ? classes
        : hasClusterProjection() ? clusters : 0;
  }

  private static boolean isCritic(List<Layer> layers) {
    Layer last = layers.get(layers.size() - 1);
    return last.kind() == Layer.Kind.DENSE && last.units() == 1;
  }

  /** This network taking one of {@code classes} labels the way {@code conditioning} says. */
  public NetworkSpec conditioned(int classes, Conditioning conditioning) {
    if (classes < 2 || conditioning == null) {
      throw new IllegalArgumentException(
          name + ": expected at least 2 classes and a conditioning, found " + classes);
    }
    return new NetworkSpec(name, inputDim, layers, classes, conditioning, clusters);
  }

  /** Whether the network takes a label. */
  public boolean isConditional() {
    return classes > 0;
  }

  /** Width of a flattened 28x28 image. */
  public static final int IMAGE_PIXELS = MnistShape.PIXELS;

  /** Validates the layers' shapes and copies the list. */
  public NetworkSpec {
    if (inputDim <= 0) {
      throw new IllegalArgumentException("inputDim: expected > 0, found " + inputDim);
    }
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("layers: expected at least one layer for " + name);
    }
    layers = List.copyOf(layers);
    if (classes < 0 || (classes > 0) != (conditioning != null)) {
      throw new IllegalArgumentException(
          name + ": expected classes > 0 with a conditioning, or 0 without, found " + classes);
    }
    Layer edge =
        conditioning == Conditioning.PROJECTION ? layers.get(layers.size() - 1) : layers.get(0);
    if (conditioning != null
        && (edge.kind() != Layer.Kind.DENSE
            || (conditioning == Conditioning.PROJECTION && edge.units() != 1))) {
      throw new IllegalArgumentException(
          name
              + ": expected "
              + (conditioning == Conditioning.INPUT
                  ? "a dense first layer to take the one-hot label"
                  : "a dense last layer of 1 unit to add the label's projection to")
              + ", found "
              + edge);
    }
    checkClusters(name, inputDim, layers, conditioning, clusters);
    int[] shape = {inputWidth(inputDim, layers, classes, conditioning, clusters)};
    for (Layer layer : layers) {
      shape = layer.outputShape(shape);
    }
    if (shape.length != 1) {
      throw new IllegalArgumentException(
          name + ": expected flat output rows, found shape " + Arrays.toString(shape));
    }
  }

  private static void checkClusters(
      String name, int inputDim, List<Layer> layers, Conditioning conditioning, int clusters) {
    if (clusters == 0) {
      return;
    }
    boolean critic = isCritic(layers);
    String found = null;
    if (clusters < 2 || clusters > 1024) {
      found = clusters + " clusters";
    } else if (conditioning != null) {
      found = "a label as well (" + conditioning + ")";
    } else if (!critic && layers.get(0).kind() != Layer.Kind.DENSE) {
      found = "a first layer " + layers.get(0);
    } else if (critic && layers.size() < 2) {
      found = "no features before its logit";
    }
    if (found != null) {
      throw new IllegalArgumentException(
          name
              + ": expected 2 to 1024 clusters on an unconditional network with a dense first"
              + " layer (a generator) or a dense 1-unit last layer after others (a"
              + " discriminator), found "
              + found);
    }
  }

  private static int inputWidth(
      int inputDim, List<Layer> layers, int classes, Conditioning conditioning, int clusters) {
    return inputDim
        + (conditioning == Conditioning.INPUT ? classes : 0)
        + (clusters > 0 && !isCritic(layers) ? clusters : 0);
  }

  /** The shape each layer receives: index i is layer i's input, the last entry the output. */
  public List<int[]> shapes() {
    List<int[]> shapes = new ArrayList<>();
    int[] shape = {inputWidth(inputDim, layers, classes, conditioning, clusters)};
    shapes.add(shape);
    for (Layer layer : layers) {
      shape = layer.outputShape(shape);
      shapes.add(shape);
    }
    return shapes;
  }

  /** Whether any layer is a convolution. */
  public boolean isConvolutional() {
    return layers.stream()
        .anyMatch(l -> l.kind() == Layer.Kind.CONV || l.kind() == Layer.Kind.CONV_TRANSPOSE);
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
      "mlp:W1,W2,... (dense: G's hidden widths, D mirrors them) or dcgan:W[:bn][:clustersK]"
          + " (convolutional: W filters in D's first and G's last hidden layer; bn: D has batch"
          + " norm; clustersK: G and D conditioned on K clusters of the data)";

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
      if (layer.kind() == Layer.Kind.BATCH_NORM) {
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

  /**
   * Size of a projection discriminator's label or cluster embedding ({@code classes × features},
   * {@link #projectedClasses()}); else 0.
   */
  public long embeddingCount() {
    List<int[]> shapes = shapes();
    return (long) projectedClasses() * shapes.get(shapes.size() - 2)[0];
  }

  /** Number of trainable parameters of the whole network. */
  public long parameterCount() {
    List<int[]> shapes = shapes();
    long total = embeddingCount();
    for (int i = 0; i < layers.size(); i++) {
      total += layers.get(i).parameterCount(shapes.get(i));
    }
    return total;
  }

  /**
   * Number of non-trainable values of the whole network: batch norm's moving statistics, and a
   * generator's cluster shares or a discriminator's centroids ({@link #clusters()}).
   */
  public long stateCount() {
    List<int[]> shapes = shapes();
    long total =
        hasClusterInput() ? clusters : hasClusterProjection() ? (long) clusters * inputDim : 0;
    for (int i = 0; i < layers.size(); i++) {
      total += layers.get(i).stateCount(shapes.get(i));
    }
    return total;
  }
}
