package io.github.tfgan.export;

import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.Names;

/**
 * What the sample tensor of an exported G or D says about one sample's shape: {@code images} {@code
 * [-1, H, W, C]}; {@code images} {@code [-1, 784]}, MNIST's flat layout from 0.x on; or {@code
 * samples} {@code [-1, D]}, vectors.
 */
final class SampleSignatures {
  private SampleSignatures() {}

  /**
   * @param name the signature tensor's name, {@link Names#SIG_IMAGES} or {@link Names#SIG_SAMPLES}
   * @param dims its shape, batch first
   */
  static DataShape shapeOf(String name, long[] dims) {
    if (dims.length == 4) {
      return DataShape.image((int) dims[1], (int) dims[2], (int) dims[3]);
    }
    int d = (int) dims[1];
    if (!name.equals(Names.SIG_IMAGES)) {
      return DataShape.vector(d);
    }
    return d == DataShape.MNIST.size() ? DataShape.MNIST : DataShape.image(1, d, 1);
  }
}
