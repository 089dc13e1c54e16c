package io.github.tfgan.serve;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gan serve-bench}: a bounded load test of the model server on 127.0.0.1. For batching off
 * and on, starts the server on a free port, sends {@code clients × requests} predict requests of
 * {@code rows} noise rows each to the generator, checks every answer (status 200, the rows asked
 * for) and reports throughput and latency percentiles. Client and server share the machine.
 */
@Command(
    name = "gan serve-bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Load-tests gan serve on 127.0.0.1, batching off and on; every answer checked.")
public final class ServeBench implements Callable<Integer> {
  @Option(names = "--model-base", paramLabel = "DIR", description = "default: ${DEFAULT-VALUE}")
  Path modelBase = Path.of("savedmodels");

  @Option(names = "--model", paramLabel = "NAME", description = "default: ${DEFAULT-VALUE}")
  String model = "generator";

  @Option(names = "--clients", paramLabel = "N", description = "default: ${DEFAULT-VALUE}")
  int clients = 8;

  @Option(
      names = "--requests",
      paramLabel = "N",
      description = "per client; default: ${DEFAULT-VALUE}")
  int requests = 200;

  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "z rows a request; default: ${DEFAULT-VALUE}")
  int rows = 1;

  @Option(
      names = "--max-batch-size",
      paramLabel = "ROWS",
      description = "with batching; default: ${DEFAULT-VALUE}")
  int maxBatchSize = Batching.DEFAULT_MAX_BATCH_SIZE;

  @Option(
      names = "--batch-timeout-micros",
      paramLabel = "US",
      description = "with batching; default: ${DEFAULT-VALUE}")
  long batchTimeoutMicros = Batching.DEFAULT_BATCH_TIMEOUT_MICROS;

  @Option(names = "--out", paramLabel = "FILE", description = "also write the figures as JSON")
  Path out;

  @Option(
      names = "--url",
      paramLabel = "URL",
      description =
          "load a server already running (e.g. http://127.0.0.1:8501: gan serve, TF Serving)"
              + " instead of starting one, batching off and on")
  URI url;

  /** One mode's figures. */
  record Figures(
      String mode,
      int sent,
      int answered,
      double seconds,
      double p50Ms,
      double p99Ms,
      long joined) {
    double throughput() {
      return answered / seconds;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || requests < 1 || rows < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--clients, --requests, --rows: expected positive numbers");
    }
    List<Figures> all = new ArrayList<>();
    if (url != null) {
      all.add(load("external", url.resolve("/v1/models/" + model + ":predict")));
    } else {
      all.add(run("batching off", Batching.OFF));
      all.add(run("batching on", Batching.on(maxBatchSize, batchTimeoutMicros)));
    }
    System.out.printf(
        Locale.ROOT,
        "%d clients x %d requests of %d row(s) to %s, on %d processors%n",
        clients,
        requests,
        rows,
        model,
        Runtime.getRuntime().availableProcessors());
    System.out.println("mode          answered  lost  req/s   p50 ms  p99 ms  joined");
    StringBuilder json = new StringBuilder("[");
    for (Figures f : all) {
      System.out.printf(
          Locale.ROOT,
          "%-12s  %8d  %4d  %6.1f  %6.2f  %6.2f  %6s%n",
          f.mode(),
          f.answered(),
          f.sent() - f.answered(),
          f.throughput(),
          f.p50Ms(),
          f.p99Ms(),
          f.joined() < 0 ? "n/a" : Long.toString(f.joined()));
      json.append(json.length() > 1 ? "," : "")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"mode\":\"%s\",\"clients\":%d,\"requests\":%d,\"rows\":%d,\"sent\":%d,"
                      + "\"answered\":%d,\"seconds\":%.3f,\"throughput\":%.2f,\"p50_ms\":%.3f,"
                      + "\"p99_ms\":%.3f,\"joined\":%d}",
                  f.mode(),
                  clients,
                  requests,
                  rows,
                  f.sent(),
                  f.answered(),
                  f.seconds(),
                  f.throughput(),
                  f.p50Ms(),
                  f.p99Ms(),
                  f.joined()));
    }
    if (out != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, json.append("]\n").toString());
    }
    boolean lost = all.stream().anyMatch(f -> f.answered() != f.sent());
    return lost ? 1 : 0;
  }

  private Figures run(String mode, Batching batching) throws Exception {
    try (ModelServer server =
        ModelServer.builder(modelBase).port(0).batching(batching).build().start()) {
      return load(
          mode,
          URI.create("http://127.0.0.1:" + server.port() + "/v1/models/" + model + ":predict"));
    }
  }

  private Figures load(String mode, URI uri) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 20; i++) { // warm up: first runs of the graph are slower
      send(http, uri, body(new Random(i)));
    }
    long joinedBefore = Batcher.JOINED.get();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(1000L + client);
                long[] latencies = new long[requests];
                for (int i = 0; i < requests; i++) {
                  String body = body(random);
                  long t0 = System.nanoTime();
                  boolean ok = send(http, uri, body);
                  latencies[i] = ok ? System.nanoTime() - t0 : -1;
                }
                return latencies;
              }));
    }
    long[] all = new long[clients * requests];
    int at = 0;
    for (Future<long[]> f : futures) {
      for (long l : f.get()) {
        all[at++] = l;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long[] ok = Arrays.stream(all).filter(l -> l >= 0).sorted().toArray();
    return new Figures(
        mode,
        all.length,
        ok.length,
        seconds,
        percentile(ok, 0.50),
        percentile(ok, 0.99),
        url != null ? -1 : Batcher.JOINED.get() - joinedBefore); // -1: in another process
  }

  private String body(Random random) {
    StringBuilder s = new StringBuilder("{\"instances\":[");
    for (int r = 0; r < rows; r++) {
      s.append(r > 0 ? ",[" : "[");
      for (int i = 0; i < 100; i++) {
        s.append(i > 0 ? "," : "").append((float) random.nextGaussian());
      }
      s.append(']');
    }
    return s.append("]}").toString();
  }

  /** Sends one request; true if it was answered 200 with the rows asked for. */
  private boolean send(HttpClient http, URI uri, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200
        && JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonArray("predictions").size()
            == rows;
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  /** Runs the benchmark; exits 1 if any request was lost. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ServeBench()).execute(args));
  }
}
