package io.github.tfgan.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything that defines a GAN's graphs, as one value: the shape of a sample, how data are scaled
 * for training ({@link DataScaling}), both networks, and the layout of the exports' signatures. It
 * is built once when a run starts, from the configuration and the data; the run record and every
 * export's manifest keep it, and resume, re-export, {@code summary} and the model loaders read it
 * back instead of trusting the code's defaults.
 *
 * @param shape one sample's shape
 * @param scaling data ↔ training space
 * @param flat the exports take and give flat {@code [-1, D]} rows (the 0.x layout that MNIST's
 *     models keep), instead of {@code [-1, H, W, C]} for images
 * @param generator G: noise → {@code shape.size()} values in the training space
 * @param discriminator D: {@code shape.size()} values in the training space → one logit
 */
public record GanArchitecture(
    DataShape shape,
    DataScaling scaling,
    boolean flat,
    NetworkSpec generator,
    NetworkSpec discriminator) {

  /** Checks that the networks fit the shape and each other. */
  public GanArchitecture {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(scaling, "scaling");
    if (generator.outputDim() != shape.size() || discriminator.inputDim() != shape.size()) {
      throw new IllegalArgumentException(
          "architecture: expected G's output and D's input of "
              + shape.size()
              + " values (shape "
              + shape
              + "), found "
              + generator.outputDim()
              + " and "
              + discriminator.inputDim());
    }
    if (generator.classes() != discriminator.classes()) {
      throw new IllegalArgumentException(
          "architecture: expected G and D conditioned on as many classes, found "
              + generator.classes()
              + " and "
              + discriminator.classes());
    }
    if (generator.clusters() != discriminator.clusters()) {
      throw new IllegalArgumentException(
          "architecture: expected G and D conditioned on as many clusters, found "
              + generator.clusters()
              + " and "
              + discriminator.clusters());
    }
    if (discriminator.outputDim() != 1) {
      throw new IllegalArgumentException(
          "architecture: expected D to end in 1 logit, found " + discriminator.outputDim());
    }
    if (scaling.kind() == DataScaling.Kind.STANDARD && scaling.mean().length != shape.size()) {
      throw new IllegalArgumentException(
          "architecture: expected statistics for "
              + shape.size()
              + " features, found "
              + scaling.mean().length);
    }
  }

  /** The article's networks on MNIST: flat 784-pixel rows in [0, 1]. */
  public static GanArchitecture article(int noiseDim) {
    return new GanArchitecture(
        DataShape.MNIST,
        DataScaling.UNIT,
        true,
        NetworkSpec.generator(noiseDim),
        NetworkSpec.discriminator());
  }

  /**
   * The networks a {@code --net} value names for {@code shape}: {@code mlp:...} ({@link #mlp}) or
   * {@code dcgan:W[:bn]} ({@link ConvNets}), G ending in {@code scaling}'s activation.
   *
   * @throws IllegalArgumentException naming {@code net} when it is neither, or does not fit
   */
  public static GanArchitecture of(
      String net, int noiseDim, DataShape shape, DataScaling scaling, boolean flat) {
    if (!ConvNets.isConv(net)) {
      return mlp(net, noiseDim, shape, scaling, flat);
    }
    ConvNets.Options o = ConvNets.parse(net);
    return new GanArchitecture(
        shape,
        scaling,
        flat,
        ConvNets.generator(noiseDim, shape, o.width(), scaling.generatorOutput())
            .withClusters(o.clusters()),
        ConvNets.discriminator(shape, o.width(), o.discriminatorBatchNorm())
            .withClusters(o.clusters()));
  }

  /**
   * Dense networks for {@code shape}: G has the hidden widths of {@code net} ({@link
   * NetworkSpec#hiddenWidths}) and ends in {@code scaling}'s activation; D has them reversed.
   */
  public static GanArchitecture mlp(
      String net, int noiseDim, DataShape shape, DataScaling scaling, boolean flat) {
    List<Integer> hidden = NetworkSpec.hiddenWidths(net);
    List<Integer> reversed = new ArrayList<>(hidden);
    Collections.reverse(reversed);
    return new GanArchitecture(
        shape,
        scaling,
        flat,
        NetworkSpec.mlpGenerator(noiseDim, hidden, shape.size(), scaling.generatorOutput()),
        NetworkSpec.mlpDiscriminator(shape.size(), reversed));
  }

  /**
   * This architecture conditioned on one of {@code classes} labels: G takes it one-hot beside z, D
   * projects it onto the features of its logit (Miyato and Koyama 2018). The label takes the place
   * of the data's clusters, which a conditional architecture does not have.
   */
  public GanArchitecture conditional(int classes) {
    return new GanArchitecture(
        shape,
        scaling,
        flat,
        generator.withClusters(0).conditioned(classes, NetworkSpec.Conditioning.INPUT),
        discriminator.withClusters(0).conditioned(classes, NetworkSpec.Conditioning.PROJECTION));
  }

  /** How many data clusters G and D are conditioned on ({@link NetworkSpec#clusters()}); or 0. */
  public int clusters() {
    return generator.clusters();
  }

  /** Whether G and D take a class label. */
  public boolean isConditional() {
    return generator.isConditional();
  }

  /** How many class labels G and D take; 0 when unconditional. */
  public int classes() {
    return generator.classes();
  }

  /**
   * Checks that data of {@code shape} (from {@code source}) and noise of {@code noiseDim} fit.
   *
   * @throws IllegalArgumentException naming the source, what was expected and what was found
   */
  public void checkFits(DataShape shape, int noiseDim, String source) {
    if (!this.shape.equals(shape)) {
      throw new IllegalArgumentException(
          source
              + ": expected samples of shape "
              + this.shape
              + " (the architecture's), found "
              + shape);
    }
    if (noiseDim() != noiseDim) {
      throw new IllegalArgumentException(
          "noiseDim: expected " + noiseDim() + " (the architecture's), found " + noiseDim);
    }
  }

  /** Width of G's noise input. */
  public int noiseDim() {
    return generator.inputDim();
  }

  /**
   * The shape of the exports' sample tensors, batch first: {@code [-1, D]} or {@code [-1, H, W,
   * C]}.
   */
  public long[] signatureShape() {
    return flat || !shape.isImage() ? new long[] {-1, shape.size()} : shape.withBatch(-1);
  }

  /** The name of the exports' sample tensor: "images" for images, "samples" for vectors. */
  public String sampleName() {
    return shape.isImage() ? Names.SIG_IMAGES : Names.SIG_SAMPLES;
  }
}
