package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.Dataset;
import io.github.tfgan.model.DataScaling;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The input tensors of one iteration (real batch, noise, counter, and the gradient penalty's
 * interpolation weights when it is on), allocated once and refilled: nothing is allocated per step.
 * {@link Feeds} holds them, twice as many as one run feeds, so that some can be filled while the
 * others are fed.
 */
final class FeedSlot implements AutoCloseable {
  final TFloat32 real;
  final TFloat32 z;
  final TInt64 iteration;

  /** The batch's class labels, {@code [batch]}; null unless conditional. */
  final TInt32 labels;

  /** ε of the gradient penalty, {@code [batch, 1]}; null without it. */
  final TFloat32 mix;

  private final int[] indices;
  private final float[] pixels;
  private final float[] noiseValues;
  private final float[] mixValues;
  long preparedFor = -1;

  private final int width;
  private final DataScaling scaling;

  /**
   * @param width values per sample
   * @param scaling maps each sample from the data's terms to the training space
   * @param labelled feed the batch's labels: its classes when conditional, its clusters when
   *     clustered
   */
  FeedSlot(GanConfig config, int width, DataScaling scaling, boolean labelled) {
    int batch = config.batchSize();
    this.width = width;
    this.scaling = scaling;
    indices = new int[batch];
    pixels = new float[batch * width];
    noiseValues = new float[batch * config.noiseDim()];
    real = TFloat32.tensorOf(Shape.of(batch, width));
    z = TFloat32.tensorOf(Shape.of(batch, config.noiseDim()));
    iteration = TInt64.scalarOf(0);
    boolean penalty = config.gpGamma() > 0f;
    mixValues = penalty ? new float[batch] : null;
    mix = penalty ? TFloat32.tensorOf(Shape.of(batch, 1)) : null;
    labels = labelled ? TInt32.tensorOf(Shape.of(batch)) : null;
  }

  /** Fills the slot with iteration {@code it}'s batch and noise, functions of (seed, it). */
  void prepare(long it, BatchSampler sampler, NoiseStream noise, Dataset data) {
    preparedFor = -1;
    sampler.indices(it, indices);
    for (int b = 0; b < indices.length; b++) {
      data.read(indices[b], pixels, b * width);
    }
    scaling.toModel(pixels, 0, pixels.length);
    noise.fill(it, noiseValues);
    real.asRawTensor().data().asFloats().write(pixels);
    z.asRawTensor().data().asFloats().write(noiseValues);
    if (labels != null) {
      for (int b = 0; b < indices.length; b++) {
        labels.setInt(data.label(indices[b]), b);
      }
    }
    if (mix != null) {
      noise.fillMix(it, mixValues);
      mix.asRawTensor().data().asFloats().write(mixValues);
    }
    iteration.setLong(it);
    preparedFor = it;
  }

  /** Feeds this slot's tensors to the placeholders of {@code in}; returns {@code runner}. */
  Session.Runner feed(Session.Runner runner, IterationInputs in) {
    runner.feed(in.realImages(), real).feed(in.noise(), z).feed(in.iteration(), iteration);
    if (in.labels() != null) {
      runner.feed(in.labels(), labels);
    }
    return in.mix() == null ? runner : runner.feed(in.mix(), mix);
  }

  @Override
  public void close() {
    real.close();
    z.close();
    iteration.close();
    if (mix != null) {
      mix.close();
    }
    if (labels != null) {
      labels.close();
    }
  }
}
