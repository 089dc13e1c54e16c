package io.github.tfgan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gan serve-bench}, small: every request answered in both modes, figures written. */
class ServeBenchTest {
  @TempDir Path dir;

  @Test
  void everyRequestIsAnsweredWithBatchingOffAndOn() throws Exception {
    Path out = dir.resolve("bench.json");
    PrintStream stdout = System.out;
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(text, true, StandardCharsets.UTF_8));
      code =
          new CommandLine(new ServeBench())
              .execute(
                  "--model-base",
                  Fixtures.SAVEDMODELS.toString(),
                  "--clients",
                  "4",
                  "--requests",
                  "10",
                  "--out",
                  out.toString());
    } finally {
      System.setOut(stdout);
    }
    String printed = text.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, printed);
    assertTrue(printed.contains("4 clients x 10 requests of 1 row(s) to generator"), printed);
    JsonArray figures = JsonParser.parseString(Files.readString(out)).getAsJsonArray();
    assertEquals(2, figures.size());
    for (var f : figures) {
      JsonObject o = f.getAsJsonObject();
      assertEquals(40, o.get("sent").getAsInt());
      assertEquals(40, o.get("answered").getAsInt(), o.toString());
      assertTrue(o.get("p99_ms").getAsDouble() >= o.get("p50_ms").getAsDouble(), o.toString());
    }
    assertEquals("batching on", figures.get(1).getAsJsonObject().get("mode").getAsString());
  }
}
