package io.github.tfgan.config;

import io.github.tfgan.model.DataShape;
import java.util.List;
import java.util.Locale;

/**
 * Named starting configurations for {@code train --preset}.
 *
 * <ul>
 *   <li>{@code article}: the article's settings, exactly (the default and the reproduction).
 *   <li>{@code stable}: the same network, data and batch, with training-side changes that train it
 *       to digits of all ten classes (chosen by the experiments in {@code
 *       docs/results/experiments.md}; the guide is {@code docs/presets.md}).
 *   <li>{@code vectors}: the default for vector data, chosen on two-dimensional Gaussian mixtures
 *       ({@code docs/results/mixtures.md}).
 * </ul>
 */
public final class Presets {
  /** The names {@link #named} accepts, the default first. */
  public static final List<String> NAMES_LIST = List.of("article", "stable", "vectors", "dcgan");

  /** The names {@link #named} accepts, for messages. */
  public static final String NAMES = "article, stable, vectors or dcgan";

  private Presets() {}

  /** The article's settings, exactly: the faithful reproduction (the default). */
  public static GanConfig article() {
    return GanConfig.article();
  }

  /**
   * The article's network, loss, data and batch with: an R1 gradient penalty on D (γ 1, applied
   * every 4th iteration weighted by 4), Adam β1 0 and β2 0.99, learning rate 1e-3 for D and 3e-3
   * for G, an exponential moving average of G's weights (decay 0.9998) for samples and exports, and
   * 52,000 iterations. The preset table of {@code docs/presets.md} lists the same values, and a
   * test checks that it does.
   */
  public static GanConfig stable() {
    return GanConfig.builder()
        .r1Gamma(1f)
        .r1Every(4)
        .beta1(0f)
        .beta2(0.99f)
        .learningRate(1e-3f)
        .generatorLearningRate(3e-3f)
        .emaDecay(0.9998f)
        .iterations(52_000)
        .build();
  }

  /**
   * The preset a run on the user's own data starts from when no {@code --preset} is given: {@code
   * stable}'s training for images, {@code vectors} for vector data (docs/presets.md).
   */
  public static String forData(DataShape shape) {
    return shape.isImage() ? "stable" : "vectors";
  }

  /**
   * For vector data (Gaussian mixtures, tabular features; data standardised per feature): dense
   * networks of 128, 128, 128 units, noise of 4 dimensions, batch 128, Adam 1e-3 for both networks
   * with β1 0 and β2 0.99, an R1 penalty on D (γ 0.1) against mode collapse, a moving average of
   * G's weights (decay 0.999) for samples and exports, and 30,000 iterations. Chosen on the 2-D
   * mixtures {@code ring8} and {@code grid25}, where it covers every mode (docs/presets.md, "The
   * vectors preset"; docs/results/mixtures.md).
   */
  public static GanConfig vectors() {
    return GanConfig.builder()
        .net("mlp:128,128,128")
        .noiseDim(4)
        .batchSize(128)
        .learningRate(1e-3f)
        .beta1(0f)
        .beta2(0.99f)
        .r1Gamma(0.1f)
        .emaDecay(0.999f)
        .iterations(30_000)
        .build();
  }

  /**
   * Convolutional nets for images conditioned on 200 k-means clusters of the data ({@code --net
   * dcgan:64:clusters200}, {@link io.github.tfgan.model.ConvNets}; with {@code --conditional} the
   * data's labels take the clusters' place): {@code stable}'s training (R1 γ 1 every 4th iteration,
   * Adam β1 0 and β2 0.99, learning rates 1e-3 for D and 3e-3 for G, a moving average of G's
   * weights) with batch 64, decay 0.999 and 6,000 iterations: about 8 minutes on MNIST on this
   * project's 2-core machines (docs/presets.md, "The dcgan preset").
   */
  public static GanConfig dcgan() {
    return stable().toBuilder()
        .net("dcgan:64:clusters200")
        .batchSize(64)
        .emaDecay(0.999f)
        .iterations(6_000)
        .build();
  }

  /** The preset called {@code name}. */
  public static GanConfig named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "article" -> article();
      case "stable" -> stable();
      case "vectors" -> vectors();
      case "dcgan" -> dcgan();
      default ->
          throw new IllegalArgumentException(
              "preset: expected " + NAMES + " (see docs/presets.md), found '" + name + "'");
    };
  }
}
