package io.github.tfgan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The DCGAN specs' shapes and counts, and the conv layers' maths against plain Java. */
class ConvNetsTest {

  @Test
  void sizesTheNetsFromTheImageShape() {
    record Case(DataShape shape, int blocks, String gFirst) {}
    for (Case c :
        List.of(
            new Case(DataShape.image(28, 28, 1), 2, "[7, 7, 128]"),
            new Case(DataShape.image(32, 32, 3), 3, "[4, 4, 256]"),
            new Case(DataShape.image(64, 64, 3), 4, "[4, 4, 512]"),
            new Case(DataShape.image(27, 27, 1), 0, "[27, 27, 64]"))) {
      assertEquals(c.blocks(), ConvNets.blocks(c.shape()), c.toString());
      NetworkSpec g = ConvNets.generator(100, c.shape(), 64, Activation.TANH);
      NetworkSpec d = ConvNets.discriminator(c.shape(), 64, false);
      assertEquals(c.shape().size(), g.outputDim(), c.toString());
      assertEquals(c.shape().size(), d.inputDim(), c.toString());
      assertEquals(1, d.outputDim());
      assertEquals(c.gFirst(), java.util.Arrays.toString(g.shapes().get(2)), c.toString());
      assertTrue(g.isConvolutional() || c.blocks() == 0);
      GanArchitecture arch =
          GanArchitecture.of("dcgan:64", 100, c.shape(), DataScaling.SYMMETRIC, false);
      assertEquals(g, arch.generator());
    }
  }

  @Test
  void countsParametersAsKerasDoes() {
    NetworkSpec g = ConvNets.generator(100, DataShape.MNIST, 64, Activation.TANH);
    // dense 100→6272, BN 128, deconv 128→64 4x4, BN 64, deconv 64→1 4x4
    long trainable = 100 * 6272 + 6272 + 2 * 128 + 16 * 128 * 64 + 64 + 2 * 64 + 16 * 64 + 1;
    assertEquals(trainable, g.parameterCount());
    assertEquals(2 * 128 + 2 * 64, g.stateCount());
    NetworkSpec d = ConvNets.discriminator(DataShape.MNIST, 64, false);
    assertEquals(16 * 64 + 64 + 16 * 64 * 128 + 128 + 7 * 7 * 128 + 1, d.parameterCount());
    assertEquals(List.of(), d.opsWithoutSecondOrderGradient());
    assertEquals(
        List.of("FusedBatchNormGradV3"),
        ConvNets.discriminator(DataShape.MNIST, 64, true).opsWithoutSecondOrderGradient());
    String summary = ModelSummary.of(g);
    assertTrue(summary.contains("deconv4 (linear) 4x4/2"), summary);
    assertTrue(summary.contains("(None, 14, 14, 64)"), summary);
    assertTrue(summary.contains("Non-trainable params: 384"), summary);
  }

  @Test
  void parsesTheNetAndNamesWhatIsWrong() {
    assertEquals(new ConvNets.Options(32, false, 0), ConvNets.parse("dcgan:32"));
    assertEquals(new ConvNets.Options(16, true, 0), ConvNets.parse("dcgan:16:bn"));
    assertEquals(new ConvNets.Options(64, false, 10), ConvNets.parse("dcgan:64:clusters10"));
    assertEquals(new ConvNets.Options(8, true, 3), ConvNets.parse("dcgan:8:bn:clusters3"));
    for (String bad :
        List.of(
            "dcgan:",
            "dcgan:0",
            "dcgan:x",
            "dcgan:8:ln",
            "dcgan:8:bn:2",
            "dcgan:8:clusters1",
            "dcgan:8:clusters",
            "dcgan:8:clusters10:bn",
            "dcgan:8:clusters10:clusters10")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> NetworkSpec.checkNet(bad));
      assertTrue(e.getMessage().startsWith("net: expected dcgan:W"), e.getMessage());
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    IllegalArgumentException vectors =
        assertThrows(
            IllegalArgumentException.class,
            () -> GanArchitecture.of("dcgan:8", 4, DataShape.vector(3), DataScaling.UNIT, false));
    assertTrue(vectors.getMessage().contains("mlp:"), vectors.getMessage());
  }

  @Test
  void layersThatDoNotFitAreRefusedWithTheirShapes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new NetworkSpec(
                    "d",
                    12,
                    List.of(
                        Layer.conv(4, 3, 1, Activation.LINEAR),
                        Layer.dense(1, Activation.LINEAR))));
    assertTrue(e.getMessage().contains("conv layer: expected an [H, W, C] input"), e.getMessage());
    assertTrue(e.getMessage().contains("[12]"), e.getMessage());
  }

  /** conv2d with SAME padding, NHWC, kernel [k, k, in, out], in plain Java. */
  static float[] conv(float[] x, int h, int w, int cin, float[] k, int ks, int cout, int s) {
    int oh = (h + s - 1) / s;
    int ow = (w + s - 1) / s;
    int padH = Math.max((oh - 1) * s + ks - h, 0) / 2;
    int padW = Math.max((ow - 1) * s + ks - w, 0) / 2;
    float[] y = new float[oh * ow * cout];
    for (int i = 0; i < oh; i++) {
      for (int j = 0; j < ow; j++) {
        for (int o = 0; o < cout; o++) {
          double acc = 0;
          for (int a = 0; a < ks; a++) {
            for (int b = 0; b < ks; b++) {
              int yi = i * s + a - padH;
              int xj = j * s + b - padW;
              if (yi < 0 || yi >= h || xj < 0 || xj >= w) {
                continue;
              }
              for (int c = 0; c < cin; c++) {
                acc += x[(yi * w + xj) * cin + c] * k[((a * ks + b) * cin + c) * cout + o];
              }
            }
          }
          y[(i * ow + j) * cout + o] = (float) acc;
        }
      }
    }
    return y;
  }

  private static float[] random(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  /**
   * A conv layer equals the plain-Java convolution, and a transposed one is its adjoint: ⟨conv(x),
   * y⟩ = ⟨x, deconv(y)⟩ with the same kernel.
   */
  @Test
  void convolutionsMatchPlainJava() {
    Random r = new Random(7);
    int h = 6;
    int w = 4;
    int cin = 2;
    int cout = 3;
    int ks = 4;
    float[] x = random(r, h * w * cin);
    float[] kernel = random(r, ks * ks * cin * cout);
    float[] y = random(r, 3 * 2 * cout);
    NetworkSpec convSpec =
        new NetworkSpec(
            "c",
            h * w * cin,
            List.of(
                Layer.reshape(h, w, cin),
                Layer.conv(cout, ks, 2, Activation.LINEAR),
                Layer.reshape(3 * 2 * cout)));
    NetworkSpec deconvSpec =
        new NetworkSpec(
            "t",
            3 * 2 * cout,
            List.of(
                Layer.reshape(3, 2, cout),
                Layer.convTranspose(cin, ks, 2, Activation.LINEAR),
                Layer.reshape(h * w * cin)));
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Network c = Network.createForRestore(tf, convSpec);
      Network t = Network.createForRestore(tf, deconvSpec);
      Placeholder<TFloat32> xp = tf.placeholder(TFloat32.class);
      Placeholder<TFloat32> yp = tf.placeholder(TFloat32.class);
      var cy = c.apply(tf, tf.reshape(xp, tf.constant(new long[] {-1, h * w * cin})));
      var tx = t.apply(tf, tf.reshape(yp, tf.constant(new long[] {-1, 3 * 2 * cout})));
      try (TFloat32 kt =
              TFloat32.tensorOf(Shape.of(ks, ks, cin, cout), DataBuffers.of(kernel, true, false));
          TFloat32 zero = TFloat32.tensorOf(Shape.of(cout), DataBuffers.of(new float[cout]));
          TFloat32 zeroIn = TFloat32.tensorOf(Shape.of(cin), DataBuffers.of(new float[cin]));
          TFloat32 xt =
              TFloat32.tensorOf(Shape.of(1, h * w * cin), DataBuffers.of(x, true, false));
          TFloat32 yt =
              TFloat32.tensorOf(Shape.of(1, 3 * 2 * cout), DataBuffers.of(y, true, false))) {
        List<org.tensorflow.op.core.Variable<TFloat32>> cv = c.savedVariables();
        List<org.tensorflow.op.core.Variable<TFloat32>> tv = t.savedVariables();
        s.runner()
            .addTarget(tf.assign(cv.get(0), tf.constant(kt)))
            .addTarget(tf.assign(cv.get(1), tf.constant(zero)))
            .addTarget(tf.assign(tv.get(0), tf.constant(kt)))
            .addTarget(tf.assign(tv.get(1), tf.constant(zeroIn)))
            .run();
        try (Result res = s.runner().feed(xp, xt).feed(yp, yt).fetch(cy).fetch(tx).run()) {
          float[] convOut = Tensors.toArray((TFloat32) res.get(0));
          float[] deconvOut = Tensors.toArray((TFloat32) res.get(1));
          assertArrayEquals(conv(x, h, w, cin, kernel, ks, cout, 2), convOut, 1e-4f);
          double left = 0;
          double right = 0;
          for (int i = 0; i < y.length; i++) {
            left += convOut[i] * y[i];
          }
          for (int i = 0; i < x.length; i++) {
            right += x[i] * deconvOut[i];
          }
          assertEquals(left, right, 1e-3 * Math.max(1, Math.abs(left)));
        }
      }
    }
  }

  /**
   * In training mode batch norm normalises with the batch's statistics and moves its averages 1%
   * toward them; in inference mode it uses the averages.
   */
  @Test
  void batchNormTrainsOnTheBatchAndInfersWithItsAverages() {
    NetworkSpec spec = new NetworkSpec("b", 2, List.of(Layer.batchNorm(Activation.LINEAR)));
    float[] x = {1f, 10f, 3f, 30f, 5f, 50f, 7f, 70f}; // 4 rows, 2 channels
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Network n = Network.create(tf, spec, 1L);
      Placeholder<TFloat32> xp = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(4, 2)));
      var train = n.apply(tf, xp);
      var infer = n.inference().apply(tf, xp);
      s.initialize();
      try (TFloat32 xt = TFloat32.tensorOf(Shape.of(4, 2), DataBuffers.of(x, true, false));
          Result res = s.runner().feed(xp, xt).fetch(train).run()) {
        float[] y = Tensors.toArray((TFloat32) res.get(0));
        // channel 0: mean 4, biased variance 5
        assertEquals((1f - 4f) / (float) Math.sqrt(5 + 1e-3), y[0], 1e-4f);
        assertEquals((70f - 40f) / (float) Math.sqrt(500 + 1e-3), y[7], 1e-4f);
      }
      List<org.tensorflow.op.core.Variable<TFloat32>> vars = n.savedVariables();
      assertEquals(4, vars.size());
      assertEquals(2, n.variables().size(), "γ and β train; the averages do not");
      try (Result res = s.runner().fetch(vars.get(2)).fetch(vars.get(3)).run()) {
        float[] mean = Tensors.toArray((TFloat32) res.get(0));
        float[] variance = Tensors.toArray((TFloat32) res.get(1));
        assertEquals(0.01f * 4f, mean[0], 1e-5f);
        // the unbiased variance, 20/3, moves the average from 1
        assertEquals(0.99f + 0.01f * 20f / 3f, variance[0], 1e-4f);
      }
      try (TFloat32 xt = TFloat32.tensorOf(Shape.of(4, 2), DataBuffers.of(x, true, false));
          Result res = s.runner().feed(xp, xt).fetch(infer).run()) {
        float[] y = Tensors.toArray((TFloat32) res.get(0));
        float expected = (1f - 0.04f) / (float) Math.sqrt(0.99f + 0.2f / 3f + 1e-3f);
        assertEquals(expected, y[0], 1e-4f);
        assertFalse(Float.isNaN(y[7]));
      }
    }
  }
}
