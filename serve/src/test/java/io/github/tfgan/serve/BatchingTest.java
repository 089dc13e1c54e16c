package io.github.tfgan.serve;

import static io.github.tfgan.serve.Fixtures.post;
import static io.github.tfgan.serve.Fixtures.zRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent clients, with batching on and off: every request answered, each with the numbers the
 * unbatched server gives for it; with batching on, requests were joined.
 */
class BatchingTest {
  @TempDir static Path dir;

  private static final int CLIENTS = 8;
  private static final int REQUESTS = 25;

  /** Request {@code i} of client {@code c}: 1 to 3 rows of distinct noise, or labels too. */
  private static String body(boolean conditional, int c, int i) {
    int rows = 1 + (c + i) % 3;
    StringBuilder s = new StringBuilder("{\"instances\": [");
    for (int r = 0; r < rows; r++) {
      String z = zRow(c * 1000 + i * 10 + r);
      s.append(r > 0 ? "," : "")
          .append(conditional ? "{\"z\": " + z + ", \"label\": " + (c + r) % 4 + "}" : z);
    }
    return s.append("]}").toString();
  }

  private static List<List<JsonArray>> load(int port, String model, boolean conditional)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<List<JsonArray>>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.add(
            pool.submit(
                () -> {
                  List<JsonArray> answers = new ArrayList<>();
                  for (int i = 0; i < REQUESTS; i++) {
                    var a =
                        post(
                            port, "/v1/models/" + model + ":predict", body(conditional, client, i));
                    assertEquals(200, a.status(), a.body());
                    answers.add(a.json().getAsJsonObject().getAsJsonArray("predictions"));
                  }
                  return answers;
                }));
      }
      List<List<JsonArray>> all = new ArrayList<>();
      for (Future<List<JsonArray>> f : clients) {
        all.add(f.get());
      }
      return all;
    } finally {
      pool.shutdown();
    }
  }

  private static void assertClose(List<List<JsonArray>> expected, List<List<JsonArray>> actual) {
    for (int c = 0; c < CLIENTS; c++) {
      for (int i = 0; i < REQUESTS; i++) {
        JsonArray e = expected.get(c).get(i);
        JsonArray a = actual.get(c).get(i);
        assertEquals(e.size(), a.size(), "rows of request " + i + " of client " + c);
        for (int r = 0; r < e.size(); r++) {
          float[] x = Fixtures.flat(e.get(r));
          float[] y = Fixtures.flat(a.get(r));
          assertEquals(x.length, y.length);
          for (int k = 0; k < x.length; k++) {
            assertEquals(x[k], y[k], 1e-5, "client " + c + " request " + i + " row " + r);
          }
        }
      }
    }
  }

  @Test
  void batchedAnswersEqualUnbatchedOnesAndNoneIsLost() throws Exception {
    Path base = Fixtures.modelBase(dir);
    List<List<JsonArray>> plain;
    List<List<JsonArray>> plainConditional;
    try (ModelServer off = ModelServer.builder(base).port(0).build().start()) {
      plain = load(off.port(), "generator", false);
      plainConditional = load(off.port(), "cgenerator", true);
    }
    long joinedBefore = Batcher.JOINED.get();
    try (ModelServer on =
        ModelServer.builder(base)
            .port(0)
            .batching(new Batching(true, 16, 20_000, 1))
            .build()
            .start()) {
      assertClose(plain, load(on.port(), "generator", false));
      assertClose(plainConditional, load(on.port(), "cgenerator", true));
    }
    long joined = Batcher.JOINED.get() - joinedBefore;
    assertTrue(joined > CLIENTS, "requests joined into batches: " + joined);
  }
}
