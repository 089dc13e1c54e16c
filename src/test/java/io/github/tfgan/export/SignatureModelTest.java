package io.github.tfgan.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The signature-driven wrapper on the shipped models: metadata, checks, runs, concurrency, close.
 */
class SignatureModelTest {
  private static final Path GENERATOR = Path.of("savedmodels/generator");
  private static final Path DISCRIMINATOR = Path.of("savedmodels/discriminator");

  @Test
  void readsTheSignatureFromTheModel() {
    try (SignatureModel m = SignatureModel.load(GENERATOR)) {
      assertEquals(GENERATOR.resolve("1"), m.path());
      SignatureModel.SignatureInfo s = m.signature("serving_default");
      assertEquals("tensorflow/serving/predict", s.methodName());
      assertEquals("DT_FLOAT", s.inputs().get("z").dtype());
      assertArrayEquals(new long[] {-1, 100}, s.inputs().get("z").shape());
      assertArrayEquals(new long[] {-1, 784}, s.outputs().get("images").shape());
      assertTrue(s.inputs().get("z").tensorName().endsWith(":0"));
    }
  }

  @Test
  void runsAsGeneratorModelDoes() {
    float[] z = new float[3 * 100];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) Math.sin(i);
    }
    float[] expected;
    try (GeneratorModel g = GeneratorModel.load(GENERATOR)) {
      expected = g.generate(z);
    }
    try (SignatureModel m = SignatureModel.load(GENERATOR)) {
      Map<String, HostTensor> out =
          m.run("serving_default", Map.of("z", HostTensor.ofFloats(new long[] {3, 100}, z)));
      assertArrayEquals(new long[] {3, 784}, out.get("images").shape());
      assertArrayEquals(expected, out.get("images").floats());
    }
  }

  @Test
  void discriminatorGivesBothOutputs() {
    try (SignatureModel m = SignatureModel.load(DISCRIMINATOR)) {
      Map<String, HostTensor> out =
          m.run(
              "serving_default",
              Map.of("images", HostTensor.ofFloats(new long[] {2, 784}, new float[2 * 784])));
      assertEquals(List.of("logits", "probability"), List.copyOf(out.keySet()));
      float logit = out.get("logits").floats()[0];
      float p = out.get("probability").floats()[0];
      assertEquals(1 / (1 + Math.exp(-logit)), p, 1e-6);
    }
  }

  @Test
  void badInputsAreNamedBeforeTheRun() {
    try (SignatureModel m = SignatureModel.load(GENERATOR)) {
      HostTensor good = HostTensor.ofFloats(new long[] {1, 100}, new float[100]);
      var unknown =
          assertThrows(IllegalArgumentException.class, () -> m.run("nope", Map.of("z", good)));
      assertTrue(
          unknown.getMessage().startsWith("signature_name: expected one of"), unknown.getMessage());
      var names =
          assertThrows(
              IllegalArgumentException.class, () -> m.run("serving_default", Map.of("x", good)));
      assertTrue(
          names.getMessage().contains("expects the inputs [z], found [x]"), names.getMessage());
      var dtype =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  m.run(
                      "serving_default",
                      Map.of("z", HostTensor.ofInts(new long[] {1, 100}, new int[100]))));
      assertEquals("z: expected DT_FLOAT, found DT_INT32", dtype.getMessage());
      var shape =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  m.run(
                      "serving_default",
                      Map.of("z", HostTensor.ofFloats(new long[] {2, 50}, new float[100]))));
      assertEquals("z: expected the shape [-1, 100], found [2, 50]", shape.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> HostTensor.ofFloats(new long[] {2, 3}, new float[5]),
        "values: expected 6");
  }

  @Test
  void concurrentCallsAgreeAndCloseWaitsForThem() throws Exception {
    SignatureModel m = SignatureModel.load(GENERATOR);
    float[] z = new float[100];
    z[3] = 1f;
    HostTensor in = HostTensor.ofFloats(new long[] {1, 100}, z);
    float[] expected = m.run("serving_default", Map.of("z", in)).get("images").floats();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch started = new CountDownLatch(4);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      results.add(
          pool.submit(
              () -> {
                started.countDown();
                int ok = 0;
                for (int i = 0; i < 50; i++) {
                  try {
                    float[] got = m.run("serving_default", Map.of("z", in)).get("images").floats();
                    assertArrayEquals(expected, got);
                    ok++;
                  } catch (IllegalStateException closed) {
                    assertTrue(closed.getMessage().contains("used after close()"));
                  }
                }
                return ok;
              }));
    }
    started.await();
    m.close();
    assertTrue(m.isClosed());
    for (Future<Integer> r : results) {
      r.get(60, TimeUnit.SECONDS); // every call either ran whole or failed clearly
    }
    pool.shutdown();
    var after =
        assertThrows(IllegalStateException.class, () -> m.run("serving_default", Map.of("z", in)));
    assertTrue(after.getMessage().endsWith("used after close()"));
  }
}
