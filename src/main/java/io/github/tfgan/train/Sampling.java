package io.github.tfgan.train;

import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.Tensors;
import io.github.tfgan.runtime.GraphSession;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Runs a training graph's sampling branch: G's moving average (or G) in inference mode. */
final class Sampling {
  private Sampling() {}

  /**
   * @param z {@code n × noiseDim} floats
   * @param labels one class per row for a conditional G; null for an unconditional one
   * @return samples in the data's terms
   */
  static float[] generate(
      GraphSession runtime, TrainingGraph ops, GanArchitecture arch, float[] z, int[] labels) {
    int noiseDim = arch.noiseDim();
    int n = z.length / noiseDim;
    if (n == 0 || z.length % noiseDim != 0) {
      throw new IllegalArgumentException(
          "z: expected a positive multiple of " + noiseDim + " floats, found " + z.length);
    }
    if ((labels != null) != arch.isConditional() || (labels != null && labels.length != n)) {
      throw new IllegalArgumentException(
          "labels: expected "
              + (arch.isConditional() ? n + " (one per row)" : "none (an unconditional G)")
              + ", found "
              + (labels == null ? "none" : labels.length));
    }
    try (TFloat32 zt = Tensors.matrix(z, n, noiseDim);
        TInt32 lt = labels == null ? null : TInt32.vectorOf(labels);
        Result r =
            (lt == null ? runtime.runner() : runtime.runner().feed(ops.sampleLabels, lt))
                .feed(ops.sampleZ, zt)
                .fetch(ops.sampleImages)
                .run()) {
      return arch.scaling().fromModel(Tensors.toArray((TFloat32) r.get(0)));
    }
  }
}
