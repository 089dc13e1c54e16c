package io.github.tfgan.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The DCGAN pair (Radford et al. 2016) for images of any {@code [H, W, C]}, sized from the shape:
 *
 * <ul>
 *   <li>G: z → Dense to {@code [h, w, W·2^(n−1)]} → batch norm, ReLU → n − 1 blocks of a 4×4
 *       transposed convolution with stride 2, halving the filters, batch norm and ReLU → a last 4×4
 *       transposed convolution with stride 2 to C channels and the scaling's activation (tanh for
 *       pixels in [-1, 1]);
 *   <li>D: n blocks of a 4×4 convolution with stride 2, W, 2W, 4W ... filters and LeakyReLU(0.2)
 *       (batch norm after every block but the first with {@code :bn}) → Dense 1, the logit.
 * </ul>
 *
 * <p>With {@code :clustersK}, G and D are conditioned on K clusters of the training data, found by
 * k-means before training ({@link NetworkSpec#clusters()}): G draws a cluster from its noise, D
 * projects its features onto the cluster's embedding.
 *
 * <p>n is how many times H and W halve evenly while staying at least 4: 28×28 gives n = 2 (from
 * 7×7), 32×32 gives 3 and 64×64 gives 4 (from 4×4); at most 4. A shape that does not halve (odd H
 * or W) gets n = 0: G projects to {@code [H, W, W]} and ends in a 3×3 convolution, D has one 4×4
 * convolution with stride 2.
 *
 * <p>D has no batch norm by default, so that gradient penalties (R1, WGAN-GP), which differentiate
 * D's backward pass again, can be built: TF Java 1.1.0 has no gradient for {@code
 * FusedBatchNormGradV3}.
 */
public final class ConvNets {
  /** The form of a {@code --net} value of this kind. */
  public static final String PREFIX = "dcgan:";

  /** DCGAN's kernel size. */
  public static final int KERNEL = 4;

  private static final int MAX_BLOCKS = 4;

  private ConvNets() {}

  /**
   * A parsed {@code dcgan:W[:bn][:clustersK]}.
   *
   * @param width filters of D's first convolution and of G's last hidden block
   * @param discriminatorBatchNorm batch norm in D's blocks after the first
   * @param clusters G and D conditioned on K clusters of the data ({@link NetworkSpec#clusters()});
   *     0 = none
   */
  public record Options(int width, boolean discriminatorBatchNorm, int clusters) {}

  /** Whether {@code net} names a convolutional net. */
  public static boolean isConv(String net) {
    return net != null && net.startsWith(PREFIX);
  }

  /**
   * Parses {@code dcgan:W}, then optionally {@code :bn} and {@code :clustersK} in this order.
   *
   * @throws IllegalArgumentException naming {@code net}, what is accepted and what was found
   */
  public static Options parse(String net) {
    String[] parts = net == null ? new String[0] : net.split(":", -1);
    int width = parts.length >= 2 ? number(parts[1]) : -1;
    int next = 2;
    boolean bn = parts.length > next && parts[next].equals("bn");
    if (bn) {
      next++;
    }
    int clusters = 0;
    if (parts.length > next && parts[next].startsWith(CLUSTERS)) {
      clusters = number(parts[next].substring(CLUSTERS.length()));
      next++;
    }
    if (!isConv(net)
        || width < 1
        || width > 4096
        || parts.length != next
        || (clusters != 0 && (clusters < 2 || clusters > 1024))) {
      throw new IllegalArgumentException(
          "net: expected dcgan:W, then optionally :bn and :clustersK, with W from 1 to 4096 and K"
              + " from 2 to 1024, e.g. dcgan:64 or dcgan:64:clusters50, found '"
              + net
              + "'");
    }
    return new Options(width, bn, clusters);
  }

  /**
   * The part of a {@code --net} value that conditions G and D on K data clusters: {@code
   * :clusters50}.
   */
  public static final String CLUSTERS = "clusters";

  private static int number(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** How many stride-2 blocks images of {@code shape} get (see the class comment). */
  public static int blocks(DataShape shape) {
    int h = shape.height();
    int w = shape.width();
    int n = 0;
    while (n < MAX_BLOCKS && h % 2 == 0 && w % 2 == 0 && h / 2 >= 4 && w / 2 >= 4) {
      h /= 2;
      w /= 2;
      n++;
    }
    return n;
  }

  /** The generator for images of {@code shape}, ending in {@code output}. */
  public static NetworkSpec generator(int noiseDim, DataShape shape, int width, Activation output) {
    requireImage(shape);
    int n = blocks(shape);
    int h = shape.height() >> n;
    int w = shape.width() >> n;
    int filters = width << Math.max(n - 1, 0);
    List<Layer> layers = new ArrayList<>();
    layers.add(Layer.dense(h * w * filters, Activation.LINEAR));
    layers.add(Layer.reshape(h, w, filters));
    layers.add(Layer.batchNorm(Activation.RELU));
    for (int i = 1; i < n; i++) {
      filters /= 2;
      layers.add(Layer.convTranspose(filters, KERNEL, 2, Activation.LINEAR));
      layers.add(Layer.batchNorm(Activation.RELU));
    }
    layers.add(
        n == 0
            ? Layer.conv(shape.channels(), 3, 1, output)
            : Layer.convTranspose(shape.channels(), KERNEL, 2, output));
    layers.add(Layer.reshape(shape.size()));
    return new NetworkSpec(Names.GENERATOR, noiseDim, layers);
  }

  /** The discriminator for images of {@code shape}: ends in one logit. */
  public static NetworkSpec discriminator(DataShape shape, int width, boolean batchNorm) {
    requireImage(shape);
    int n = Math.max(blocks(shape), 1);
    List<Layer> layers = new ArrayList<>();
    layers.add(Layer.reshape(shape.height(), shape.width(), shape.channels()));
    int h = shape.height();
    int w = shape.width();
    int filters = width;
    for (int i = 0; i < n; i++) {
      if (batchNorm && i > 0) {
        layers.add(Layer.conv(filters, KERNEL, 2, Activation.LINEAR));
        layers.add(Layer.batchNorm(Activation.LEAKY_RELU));
      } else {
        layers.add(Layer.conv(filters, KERNEL, 2, Activation.LEAKY_RELU));
      }
      h = (h + 1) / 2;
      w = (w + 1) / 2;
      if (i < n - 1) {
        filters *= 2;
      }
    }
    layers.add(Layer.reshape(h * w * filters));
    layers.add(Layer.dense(1, Activation.LINEAR));
    return new NetworkSpec(Names.DISCRIMINATOR, shape.size(), layers);
  }

  private static void requireImage(DataShape shape) {
    if (!shape.isImage()) {
      throw new IllegalArgumentException(
          "net: expected images [H, W, C] for a dcgan net, found samples of shape "
              + shape
              + "; use mlp:W1,W2,... for vectors");
    }
  }
}
