package io.github.tfgan.serve;

import static io.github.tfgan.serve.Fixtures.zRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gan serve} as a real process: SIGTERM while a request is in flight lets the request finish
 * with 200, and the process exits 0.
 */
class ServeProcessTest {
  @TempDir Path dir;

  @Test
  void sigtermDrainsTheRequestInFlightAndExitsZero() throws Exception {
    Path log = dir.resolve("serve.log");
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    ServeCommand.class.getName(),
                    "--model-base",
                    Fixtures.SAVEDMODELS.toString(),
                    "--port",
                    "0"))
            .redirectError(log.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null, "no output; log: " + Files.readString(log));
      Matcher m = Pattern.compile("listening on http://127.0.0.1:(\\d+)/").matcher(line);
      assertTrue(m.find(), line);
      int port = Integer.parseInt(m.group(1));

      // a request whose body arrives in ten parts, 200 ms apart: SIGTERM after the fifth, when
      // the handler has long been reading it; the gaps stay within Jetty's 1 s shutdown idle time
      String body = "{\"instances\": [" + zRow(1) + "," + zRow(2) + "]}";
      int parts = 10;
      int step = (body.length() + parts - 1) / parts;
      SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>();
      CompletableFuture<HttpResponse<String>> answer =
          Fixtures.HTTP.sendAsync(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/v1/models/generator:predict"))
                  .POST(HttpRequest.BodyPublishers.fromPublisher(publisher))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      while (publisher.getNumberOfSubscribers() == 0) { // items before that would be dropped
        Thread.sleep(10);
      }
      for (int i = 0; i < parts; i++) {
        Thread.sleep(200);
        if (i == 5) {
          p.destroy(); // SIGTERM
        }
        String part = body.substring(i * step, Math.min(body.length(), (i + 1) * step));
        publisher.submit(ByteBuffer.wrap(part.getBytes(StandardCharsets.UTF_8)));
      }
      publisher.close();

      HttpResponse<String> r = answer.get(30, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().startsWith("{\"predictions\":[["), r.body());
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server stops");
      assertEquals(0, p.exitValue(), Files.readString(log));
      String text = Files.readString(log);
      assertTrue(text.contains("unloaded generator version 1"), text);
    } finally {
      p.destroyForcibly();
    }
  }
}
