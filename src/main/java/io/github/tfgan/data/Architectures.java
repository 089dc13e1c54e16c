package io.github.tfgan.data;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.model.ConvNets;
import io.github.tfgan.model.DataScaling;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;

/**
 * Chooses a run's {@link GanArchitecture} from its configuration and its data, once, when the run
 * starts:
 *
 * <ul>
 *   <li>the built-in sets (MNIST, Fashion-MNIST: {@link GanConfig#dataset()} not {@code custom})
 *       keep, with dense nets, the article's scaling (pixels in [0, 1], G ends in a sigmoid), and
 *       at 28×28×1 with any net the flat {@code [-1, 784]} exports of 0.x;
 *   <li>conv nets ({@code dcgan:W}) and other pixel data train in [-1, 1] (G ends in tanh) and
 *       export {@code [-1, H, W, C]} images in [0, 1];
 *   <li>float images whose values all lie in [0, 1] are pixels, as above (Keras's float images);
 *   <li>other float data are standardised per feature ({@link FeatureStatistics}) and exported in
 *       their own units.
 * </ul>
 */
public final class Architectures {
  private Architectures() {}

  /** The architecture of a run of {@code config} on {@code data}. */
  public static GanArchitecture forData(GanConfig config, Dataset data) {
    DataShape shape = data.shape();
    boolean builtIn = config.dataset().builtIn();
    DataScaling scaling;
    FeatureStatistics stats =
        data.encoding() == Dataset.Encoding.FLOATS ? FeatureStatistics.of(data) : null;
    if (stats != null && !(shape.isImage() && stats.min() >= 0f && stats.max() <= 1f)) {
      scaling = stats.scaling();
    } else {
      // The article's dense nets keep its [0, 1] pixels on the built-in sets; conv nets end in
      // tanh, as DCGAN's.
      scaling =
          builtIn && !ConvNets.isConv(config.net()) ? DataScaling.UNIT : DataScaling.SYMMETRIC;
    }
    boolean flat = builtIn && shape.equals(DataShape.MNIST);
    GanArchitecture arch =
        GanArchitecture.of(config.net(), config.noiseDim(), shape, scaling, flat);
    if (!config.conditional()) {
      if (arch.clusters() > data.size()) {
        throw new IllegalArgumentException(
            "--net "
                + config.net()
                + ": expected at least "
                + arch.clusters()
                + " samples to cluster, found "
                + data.size()
                + " in "
                + data.source());
      }
      return arch;
    }
    if (!data.hasLabels() || data.classes() < 2) {
      throw new IllegalArgumentException(
          "--conditional: expected data with labels of at least 2 classes (a class folder per"
              + " label, --labels FILE.npy or --label-column NAME), found "
              + (data.hasLabels() ? data.classes() + " class" : "no labels")
              + " in "
              + data.source());
    }
    return arch.conditional(data.classes());
  }
}
