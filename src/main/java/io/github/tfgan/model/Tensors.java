package io.github.tfgan.model;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Copies between Java float arrays and float32 tensors. The caller closes every tensor.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the library's other packages use it.
 */
public final class Tensors {
  private Tensors() {}

  /** A new {@code [rows, cols]} tensor holding a copy of {@code data} (row-major). */
  public static TFloat32 matrix(float[] data, int rows, int cols) {
    if ((long) rows * cols != data.length) {
      throw new IllegalArgumentException(
          "data: expected " + rows + "x" + cols + " values, found " + data.length);
    }
    return TFloat32.tensorOf(Shape.of(rows, cols), DataBuffers.of(data, true, false));
  }

  /** All values of {@code t}, row-major. */
  public static float[] toArray(TFloat32 t) {
    float[] out = new float[(int) t.size()];
    t.asRawTensor().data().asFloats().read(out);
    return out;
  }
}
