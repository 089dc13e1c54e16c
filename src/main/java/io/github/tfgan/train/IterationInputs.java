package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.model.Names;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * What one iteration of the training graph is fed (real batch, noise, its 0-based index, and with
 * the gradient penalty its interpolation weights) and the learning rates the index gives. A chain
 * of iterations run together has one of these per link.
 *
 * @param mix the gradient penalty's ε, {@code [batch, 1]}; null without the penalty, whose graphs
 *     and feeds are as before it existed
 * @param learningRate D's learning rate at this iteration (fetched for the metrics)
 * @param labels the real batch\'s class labels, which G\'s samples also take, or its clusters; null
 *     unless conditional or clustered
 * @param generatorLearningRate G's: the same operand when G has no rate of its own
 */
record IterationInputs(
    Placeholder<TFloat32> realImages,
    Placeholder<TFloat32> noise,
    Placeholder<TInt64> iteration,
    Placeholder<TFloat32> mix,
    Placeholder<TInt32> labels,
    Operand<TFloat32> learningRate,
    Operand<TFloat32> generatorLearningRate) {

  /**
   * @param width values per sample
   * @param suffix appended to the names of the placeholders and of the learning rate: "" for the
   *     graph's first iteration, whose names {@link Names} gives
   * @param labelled fed the real batch's labels: its classes when conditional, its clusters when
   *     clustered
   */
  static IterationInputs create(
      Ops tf, GanConfig config, int width, String suffix, boolean labelled) {
    int batch = config.batchSize();
    Placeholder<TFloat32> real =
        tf.withName(Names.REAL_IMAGES + suffix)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch, width)));
    Placeholder<TInt64> iteration =
        tf.withName(Names.ITERATION + suffix)
            .placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
    Placeholder<TFloat32> noise =
        tf.withName(Names.NOISE + suffix)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch, config.noiseDim())));
    Placeholder<TFloat32> mix =
        config.gpGamma() > 0f
            ? tf.withName(Names.GP_MIX + suffix)
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch, 1)))
            : null;
    Placeholder<TInt32> labels =
        labelled
            ? tf.withName(Names.LABELS + suffix)
                .placeholder(TInt32.class, Placeholder.shape(Shape.of(batch)))
            : null;
    Operand<TFloat32> rate =
        tf.withName(Names.LEARNING_RATE + suffix)
            .identity(rate(tf, config, config.learningRate(), iteration));
    Operand<TFloat32> generatorRate =
        config.generatorBaseLearningRate() == config.learningRate()
            ? rate
            : rate(tf, config, config.generatorBaseLearningRate(), iteration);
    return new IterationInputs(real, noise, iteration, mix, labels, rate, generatorRate);
  }

  /** base · rate^floor(iteration / steps); a plain constant when decay is off. */
  private static Operand<TFloat32> rate(
      Ops tf, GanConfig config, float base, Operand<TInt64> iteration) {
    if (config.lrDecayRate() == 1f) {
      return tf.constant(base);
    }
    Operand<TFloat32> periods =
        tf.dtypes.cast(
            tf.math.floorDiv(iteration, tf.constant((long) config.lrDecaySteps())), TFloat32.class);
    return tf.math.mul(tf.constant(base), tf.math.pow(tf.constant(config.lrDecayRate()), periods));
  }
}
