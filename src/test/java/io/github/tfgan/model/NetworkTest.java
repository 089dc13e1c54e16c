package io.github.tfgan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class NetworkTest {

  @Test
  void parameterCountsAreTheArticles() {
    assertEquals(247_440, NetworkSpec.generator(100).parameterCount());
    assertEquals(233_985, NetworkSpec.discriminator().parameterCount());
  }

  @Test
  void graphVariablesHaveStableNamesAndTheSpecsShapes() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Network gen = Network.create(tf, NetworkSpec.generator(100), 1);
      Network disc = Network.create(tf, NetworkSpec.discriminator(), 1);
      assertEquals(
          List.of(
              "generator_dense1_kernel", "generator_dense1_bias",
              "generator_dense2_kernel", "generator_dense2_bias",
              "generator_dense3_kernel", "generator_dense3_bias"),
          gen.variables().stream().map(v -> v.op().name()).toList());
      assertEquals(
          List.of(
              Shape.of(784, 256),
              Shape.of(256),
              Shape.of(256, 128),
              Shape.of(128),
              Shape.of(128, 1),
              Shape.of(1)),
          disc.variables().stream().map(Variable::shape).toList());
      assertEquals(247_440, gen.variables().stream().mapToLong(v -> v.shape().size()).sum());
      assertEquals(233_985, disc.variables().stream().mapToLong(v -> v.shape().size()).sum());
    }
  }

  @Test
  void forwardPassMatchesPlainJavaAndHasTheRightShapes() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      NetworkSpec spec = NetworkSpec.generator(100);
      Network gen = Network.create(tf, spec, 3);
      float[] z = new float[2 * 100];
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) Math.sin(i);
      }
      Operand<TFloat32> out =
          gen.apply(
              tf, tf.constant(Shape.of(2, 100), org.tensorflow.ndarray.buffer.DataBuffers.of(z)));
      try (Session s = new Session(g)) {
        s.initialize();
        Session.Runner runner = s.runner().fetch(out);
        gen.variables().forEach(runner::fetch);
        try (Result r = runner.run()) {
          TFloat32 images = (TFloat32) r.get(0);
          assertEquals(Shape.of(2, 784), images.shape());
          float[][] w = new float[6][];
          for (int i = 0; i < 6; i++) {
            w[i] = read((TFloat32) r.get(i + 1));
          }
          float[] expected = plainForward(spec, w, z, 2);
          float[] actual = read(images);
          for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, "pixel " + i);
            assertTrue(actual[i] >= 0f && actual[i] <= 1f);
          }
        }
      }
    }
  }

  @Test
  void kernelsAreGlorotUniformAndBiasesZero() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Network disc = Network.create(tf, NetworkSpec.discriminator(), 7);
      try (Session s = new Session(g)) {
        s.initialize();
        Session.Runner runner = s.runner();
        disc.variables().forEach(runner::fetch);
        try (Result r = runner.run()) {
          float[] k1 = read((TFloat32) r.get(0));
          double limit = GlorotUniform.limit(784, 256);
          double min = Double.MAX_VALUE;
          double max = -Double.MAX_VALUE;
          double sum = 0;
          double sq = 0;
          for (float v : k1) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sq += v * v;
          }
          assertTrue(min >= -limit && max <= limit, "within ±limit");
          assertTrue(
              min < -0.98 * limit && max > 0.98 * limit, "spans ±limit: " + min + ".." + max);
          assertEquals(0.0, sum / k1.length, 0.002, "mean");
          assertEquals(limit * limit / 3.0, sq / k1.length, 0.05 * limit * limit / 3.0, "variance");
          for (float b : read((TFloat32) r.get(1))) {
            assertEquals(0f, b);
          }
        }
      }
    }
  }

  /** Plain-Java reference of {@link Network#apply}. */
  static float[] plainForward(NetworkSpec spec, float[][] weights, float[] x, int batch) {
    float[] h = x;
    int in = spec.inputDim();
    for (int l = 0; l < spec.layers().size(); l++) {
      int out = spec.layers().get(l).units();
      float[] k = weights[2 * l];
      float[] b = weights[2 * l + 1];
      float[] next = new float[batch * out];
      for (int n = 0; n < batch; n++) {
        for (int j = 0; j < out; j++) {
          double acc = b[j];
          for (int i = 0; i < in; i++) {
            acc += h[n * in + i] * k[i * out + j];
          }
          next[n * out + j] =
              switch (spec.layers().get(l).activation()) {
                case LEAKY_RELU -> (float) (acc > 0 ? acc : 0.2 * acc);
                case RELU -> (float) Math.max(acc, 0.0);
                case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-acc)));
                case TANH -> (float) Math.tanh(acc);
                case LINEAR -> (float) acc;
              };
        }
      }
      h = next;
      in = out;
    }
    return h;
  }

  static float[] read(TFloat32 t) {
    float[] out = new float[(int) t.size()];
    t.asRawTensor().data().asFloats().read(out);
    return out;
  }
}
