package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.model.MnistShape;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The input tensors of one iteration (real batch, noise, counter), allocated once and refilled:
 * nothing is allocated per step. {@link Feeds} holds them, twice as many as one run feeds, so that
 * some can be filled while the others are fed.
 */
final class FeedSlot implements AutoCloseable {
  final TFloat32 real;
  final TFloat32 z;
  final TInt64 iteration;
  private final int[] indices;
  private final float[] pixels;
  private final float[] noiseValues;
  long preparedFor = -1;

  FeedSlot(GanConfig config) {
    int batch = config.batchSize();
    indices = new int[batch];
    pixels = new float[batch * MnistShape.PIXELS];
    noiseValues = new float[batch * config.noiseDim()];
    real = TFloat32.tensorOf(Shape.of(batch, MnistShape.PIXELS));
    z = TFloat32.tensorOf(Shape.of(batch, config.noiseDim()));
    iteration = TInt64.scalarOf(0);
  }

  /** Fills the slot with iteration {@code it}'s batch and noise, functions of (seed, it). */
  void prepare(long it, BatchSampler sampler, NoiseStream noise, ImageData data) {
    preparedFor = -1;
    sampler.indices(it, indices);
    float[] all = data.pixels();
    for (int b = 0; b < indices.length; b++) {
      System.arraycopy(
          all, indices[b] * MnistShape.PIXELS, pixels, b * MnistShape.PIXELS, MnistShape.PIXELS);
    }
    noise.fill(it, noiseValues);
    real.asRawTensor().data().asFloats().write(pixels);
    z.asRawTensor().data().asFloats().write(noiseValues);
    iteration.setLong(it);
    preparedFor = it;
  }

  @Override
  public void close() {
    real.close();
    z.close();
    iteration.close();
  }
}
