package io.github.tfgan.serve;

import static io.github.tfgan.serve.Fixtures.get;
import static io.github.tfgan.serve.Fixtures.post;
import static io.github.tfgan.serve.Fixtures.zRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions come and go under a running server: a new one is served within a few polls, the old one
 * unloaded after it, no request lost meanwhile; a version still being written is never loaded.
 */
class VersionsTest {
  @TempDir Path dir;

  private static void waitFor(String what, java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
      Thread.sleep(50);
    }
  }

  @Test
  void aNewVersionIsServedAndTheOldUnloadedWithoutDroppingRequests() throws Exception {
    Path base = dir.resolve("models");
    Path v1 = Fixtures.SAVEDMODELS.resolve("generator/1");
    Fixtures.copy(v1, base.resolve("generator/1"));
    try (ModelServer server =
        ModelServer.builder(base).port(0).poll(Duration.ofMillis(200)).build().start()) {
      int port = server.port();
      assertEquals(Map.of("generator", 1L), server.versions());

      // a client that never stops asking while the versions change
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger answered = new AtomicInteger();
      Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
      String body = "{\"instances\": [" + zRow(5) + "]}";
      Thread client =
          new Thread(
              () -> {
                while (!stop.get()) {
                  try {
                    int code = post(port, "/v1/models/generator:predict", body).status();
                    statuses.merge(code, 1, Integer::sum);
                    answered.incrementAndGet();
                  } catch (Exception e) {
                    statuses.merge(-1, 1, Integer::sum);
                  }
                }
              });
      client.start();

      // a half-written version 2: the graph, no weights yet
      Path v2 = base.resolve("generator/2");
      Files.createDirectories(v2.resolve("variables"));
      Files.copy(v1.resolve("saved_model.pb"), v2.resolve("saved_model.pb"));
      Thread.sleep(1500); // 7 polls
      assertEquals(Map.of("generator", 1L), server.versions(), "a version without weights");
      // the index before the data file: complete by name, still changing
      Files.copy(v1.resolve("variables/variables.index"), v2.resolve("variables/variables.index"));
      Thread.sleep(100);
      Path data = v1.resolve("variables/variables.data-00000-of-00001");
      Files.copy(data, v2.resolve("variables/variables.data-00000-of-00001"));

      waitFor("version 2", () -> server.versions().equals(Map.of("generator", 2L)));
      assertEquals(200, get(port, "/v1/models/generator/versions/2").status());
      var gone = get(port, "/v1/models/generator/versions/1");
      assertEquals(404, gone.status(), "version 1 is unloaded");
      assertTrue(gone.error().contains("Specific(generator, 1)"), gone.error());
      int before = answered.get();
      waitFor("answers from version 2", () -> answered.get() > before + 5);
      stop.set(true);
      client.join();
      assertEquals(Map.of(200, answered.get()), statuses, "every request answered 200");

      // the newest version removed: the server goes back to the one left
      Fixtures.deleteTree(v2);
      waitFor("back to version 1", () -> server.versions().equals(Map.of("generator", 1L)));
      assertEquals(200, post(port, "/v1/models/generator:predict", body).status());

      // the model's directory removed: the model is no longer served
      Fixtures.deleteTree(base.resolve("generator"));
      waitFor("no model", () -> server.versions().isEmpty());
      assertEquals(404, post(port, "/v1/models/generator:predict", body).status());
    }
  }

  @Test
  void aVersionThatDoesNotLoadIsSkippedAndTheServerGoesOn() throws Exception {
    Path base = dir.resolve("models");
    Fixtures.copy(Fixtures.SAVEDMODELS.resolve("generator/1"), base.resolve("generator/1"));
    try (ModelServer server =
        ModelServer.builder(base).port(0).poll(Duration.ofMillis(200)).build().start()) {
      Path v3 = base.resolve("generator/3");
      Files.createDirectories(v3.resolve("variables"));
      Files.writeString(v3.resolve("saved_model.pb"), "not a graph");
      Files.writeString(v3.resolve("variables/variables.index"), "not an index");
      Thread.sleep(1200);
      assertEquals(Map.of("generator", 1L), server.versions());
      assertEquals(200, get(server.port(), "/v1/models/generator").status());
    }
  }
}
