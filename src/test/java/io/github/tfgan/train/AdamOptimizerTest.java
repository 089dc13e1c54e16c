package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Checks every variable and slot against TF1 Adam's formula computed in plain Java. */
class AdamOptimizerTest {

  @Test
  void threeStepsMatchTheTf1Formula() {
    float lr = 0.01f;
    float b1 = 0.9f;
    float b2 = 0.999f;
    float eps = 1e-8f;
    float[][] grads = {{0.1f, -0.2f, 0.3f}, {-0.5f, 0.4f, 0.0f}, {1.0f, 1.0f, -1.0f}};
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Variable<TFloat32> x =
          tf.withName("x").variable(tf.withInitScope().constant(new float[] {1f, 2f, 3f}));
      Placeholder<TFloat32> grad = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(3)));
      Operand<TFloat32> lrOp = tf.constant(lr);
      Op step =
          new AdamOptimizer("opt", b1, b2, eps)
              .applyGradients(tf, List.of(x), List.of(grad), lrOp, "step");
      assertNotNull(g.operation("x_adam_m"));
      assertNotNull(g.operation("x_adam_v"));
      assertNotNull(g.operation("opt_adam_beta1_power"));

      double[] theta = {1, 2, 3};
      double[] m = new double[3];
      double[] v = new double[3];
      try (Session s = new Session(g)) {
        s.initialize();
        for (int t = 1; t <= grads.length; t++) {
          try (TFloat32 gt = TFloat32.vectorOf(grads[t - 1])) {
            s.runner().feed(grad, gt).addTarget(step).run().close();
          }
          double lrT = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
          for (int i = 0; i < 3; i++) {
            double gi = grads[t - 1][i];
            m[i] = b1 * m[i] + (1 - b1) * gi;
            v[i] = b2 * v[i] + (1 - b2) * gi * gi;
            theta[i] -= lrT * m[i] / (Math.sqrt(v[i]) + eps);
          }
          try (Result r =
              s.runner()
                  .fetch("x")
                  .fetch("x_adam_m")
                  .fetch("x_adam_v")
                  .fetch("opt_adam_beta1_power")
                  .run()) {
            for (int i = 0; i < 3; i++) {
              assertEquals(theta[i], ((TFloat32) r.get(0)).getFloat(i), 1e-5, "theta step " + t);
              assertEquals(m[i], ((TFloat32) r.get(1)).getFloat(i), 1e-6, "m step " + t);
              assertEquals(v[i], ((TFloat32) r.get(2)).getFloat(i), 1e-7, "v step " + t);
            }
            assertEquals(
                Math.pow(b1, t + 1), ((TFloat32) r.get(3)).getFloat(), 1e-6, "beta1 power");
          }
        }
      }
    }
  }
}
