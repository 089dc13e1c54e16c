package io.github.tfgan.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.run.TensorBoardWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class GraphSessionTest {
  @TempDir Path dir;

  @Test
  void aFailingBuildClosesSessionAndGraphInsteadOfHanging() {
    // Before GraphSession, a constructor that failed after its session existed closed only the
    // graph, and Graph.close() waited for the session forever.
    GraphSession gs = GraphSession.open();
    IllegalStateException thrown =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                assertThrows(
                    IllegalStateException.class,
                    () ->
                        gs.build(
                            graph -> {
                              Ops.create(graph).constant(1f);
                              throw new IllegalStateException("setup failed");
                            })));
    assertEquals("setup failed", thrown.getMessage());
    assertThrows(IllegalStateException.class, gs::runner, "closed after the failure");
  }

  @Test
  void aTensorBoardWriterThatCannotStartThrowsInsteadOfHanging() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThrows(
                RuntimeException.class, () -> new TensorBoardWriter(file.resolve("logs"), 64)));
  }

  @Test
  void saveAndRestoreRoundTripEveryVariable() {
    Path prefix = dir.resolve("ckpt");
    try (GraphSession gs = GraphSession.open()) {
      Ops tf = Ops.create(gs.graph());
      Variable<TFloat32> v = tf.withName("v").variable(tf.constant(new float[] {1f, 2f}));
      var assign = tf.assign(v, tf.constant(new float[] {5f, 6f}));
      gs.initialize();
      gs.save(prefix);
      gs.runner().addTarget(assign).run().close();
      gs.restore(prefix);
      try (Result r = gs.runner().fetch(v).run()) {
        assertArrayEquals(
            new float[] {1f, 2f}, io.github.tfgan.model.Tensors.toArray((TFloat32) r.get(0)));
      }
    }
    assertTrue(Files.isRegularFile(dir.resolve("ckpt.index")));
  }

  @Test
  void nativeMemoryStaysFlatOverManySavesAndRestores() throws Exception {
    // Session.save/restore in TF Java 1.1.0 leak their file-name tensor and Result on every call.
    Path prefix = dir.resolve("ckpt");
    try (GraphSession gs = GraphSession.open()) {
      Ops tf = Ops.create(gs.graph());
      tf.withName("big").variable(tf.zeros(tf.constant(new long[] {256, 256}), TFloat32.class));
      gs.initialize();
      for (int i = 0; i < 200; i++) {
        gs.save(prefix);
        gs.restore(prefix);
      }
      long before = residentKb();
      for (int i = 0; i < 2000; i++) {
        gs.save(prefix);
        gs.restore(prefix);
      }
      long grown = residentKb() - before;
      assertTrue(grown < 20_000, "resident memory grew by " + grown + " kB over 2,000 saves");
    }
  }

  private static long residentKb() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    return 0;
  }

  @Test
  void useAfterCloseIsRefused() {
    GraphSession gs = GraphSession.open();
    gs.close();
    gs.close(); // idempotent
    assertThrows(IllegalStateException.class, gs::graph);
  }
}
