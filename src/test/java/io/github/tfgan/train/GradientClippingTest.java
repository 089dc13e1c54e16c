package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class GradientClippingTest {
  @Test
  void scalesToTheClipNormOnlyWhenAbove() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      // global norm of {3, 4} and {12} is 13
      List<Operand<TFloat32>> grads =
          List.of(tf.constant(new float[] {3f, 4f}), tf.constant(new float[][] {{12f}}));
      List<Operand<TFloat32>> clipped = GradientClipping.clipByGlobalNorm(tf, grads, 6.5f);
      List<Operand<TFloat32>> untouched = GradientClipping.clipByGlobalNorm(tf, grads, 100f);
      try (Session s = new Session(g);
          Result r =
              s.runner()
                  .fetch(clipped.get(0))
                  .fetch(clipped.get(1))
                  .fetch(untouched.get(0))
                  .run()) {
        assertEquals(1.5f, ((TFloat32) r.get(0)).getFloat(0), 1e-6);
        assertEquals(2f, ((TFloat32) r.get(0)).getFloat(1), 1e-6);
        assertEquals(6f, ((TFloat32) r.get(1)).getFloat(0, 0), 1e-6);
        assertEquals(3f, ((TFloat32) r.get(2)).getFloat(0), 1e-6);
      }
    }
  }
}
