package io.github.tfgan.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Every dtype a {@link HostTensor} carries, through a SavedModel built here: doubles times a
 * variable, int64 plus one, booleans negated, strings joined with a suffix.
 */
class SignatureModelDtypesTest {
  @TempDir Path dir;

  private Path export() throws java.io.IOException {
    Path model = dir.resolve("dtypes/1");
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var d = tf.withName("d").placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, 2)));
      var l = tf.withName("l").placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
      var b = tf.withName("b").placeholder(TBool.class, Placeholder.shape(Shape.of(-1)));
      var t = tf.withName("t").placeholder(TString.class, Placeholder.shape(Shape.of(-1)));
      Variable<TFloat64> factor = tf.withName("factor").variable(tf.constant(2.0));
      Signature sig =
          Signature.builder()
              .key("serving_default")
              .input("d", d)
              .input("l", l)
              .input("b", b)
              .input("t", t)
              .output("d2", tf.withName("d2").math.mul(d, factor))
              .output("l1", tf.withName("l1").math.add(l, tf.constant(1L)))
              .output("nb", tf.withName("nb").math.logicalNot(b))
              .output("ts", tf.withName("ts").strings.join(java.util.List.of(t, tf.constant("!"))))
              .build();
      s.initialize();
      SavedModelBundle.exporter(model.toString()).withSession(s).withSignature(sig).export();
    }
    return model;
  }

  @Test
  void everyDtypeGoesInAndComesOut() throws Exception {
    try (SignatureModel m = SignatureModel.load(export().getParent())) {
      var sig = m.signature("serving_default");
      assertEquals("DT_DOUBLE", sig.inputs().get("d").dtype());
      assertEquals("DT_INT64", sig.inputs().get("l").dtype());
      assertEquals("DT_BOOL", sig.inputs().get("b").dtype());
      assertEquals("DT_STRING", sig.inputs().get("t").dtype());
      Map<String, HostTensor> out =
          m.run(
              "serving_default",
              Map.of(
                  "d", HostTensor.ofDoubles(new long[] {2, 2}, new double[] {1, 2, 3, 0.5}),
                  "l", HostTensor.ofLongs(new long[] {2}, new long[] {41, 1L << 40}),
                  "b", HostTensor.ofBooleans(new long[] {2}, new boolean[] {true, false}),
                  "t", HostTensor.ofStrings(new long[] {2}, new String[] {"a", "zé"})));
      assertArrayEquals(new double[] {2, 4, 6, 1}, out.get("d2").doubles());
      assertArrayEquals(new long[] {2, 2}, out.get("d2").shape());
      assertArrayEquals(new long[] {42, (1L << 40) + 1}, out.get("l1").longs());
      assertArrayEquals(new boolean[] {false, true}, out.get("nb").booleans());
      assertArrayEquals(new String[] {"a!", "zé!"}, out.get("ts").strings());
      var wrong =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  m.run(
                      "serving_default",
                      Map.of(
                          "d", HostTensor.ofFloats(new long[] {1, 2}, new float[2]),
                          "l", HostTensor.ofLongs(new long[] {1}, new long[1]),
                          "b", HostTensor.ofBooleans(new long[] {1}, new boolean[1]),
                          "t", HostTensor.ofStrings(new long[] {1}, new String[] {""}))));
      assertEquals("d: expected DT_DOUBLE, found DT_FLOAT", wrong.getMessage());
    }
  }
}
