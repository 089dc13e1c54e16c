package io.github.tfgan.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.TrainerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code gan.jar bench}: training speed at the article's settings on real MNIST, for TF Java (the
 * fused default and the plain two-run step), the Python peer ({@code bench/python_peer.py}, TF 2.x
 * with {@code tf.function}) started from here so both are measured in one run, and the
 * matrix-multiply floor of one iteration.
 */
public final class Benchmark {
  /** What to measure. */
  /**
   * Copies the Python peer ({@code bench/python_peer.py}, carried in the jar) to a temporary file
   * that is deleted when the JVM exits, so that {@code bench} runs from any directory.
   */
  public static java.nio.file.Path extractPeerScript() throws java.io.IOException {
    try (java.io.InputStream in =
        Benchmark.class.getResourceAsStream("/io/github/tfgan/bench/python_peer.py")) {
      if (in == null) {
        throw new java.io.IOException(
            "the Python peer: expected io/github/tfgan/bench/python_peer.py in the jar, found none");
      }
      java.nio.file.Path script = java.nio.file.Files.createTempFile("python_peer", ".py");
      script.toFile().deleteOnExit();
      java.nio.file.Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return script;
    }
  }

  /**
   * What a benchmark run measures.
   *
   * @param preset the configuration trained ({@code article} or {@code stable}); the Python peer
   *     trains the same
   */
  public record Settings(
      String preset,
      int warmup,
      int iterations,
      int repeats,
      Path pythonExecutable,
      Path peerScript,
      Path imagesFile) {}

  /** Median and spread of repeated timings, in milliseconds per iteration. */
  public record Timing(double median, double min, double max, double[] repeats) {
    static Timing of(double[] repeats) {
      return new Timing(Stats.median(repeats), Stats.min(repeats), Stats.max(repeats), repeats);
    }
  }

  /** One way of running TF Java's training step: its table label, JSON key and options. */
  private record Variant(String label, String key, TrainerOptions options) {}

  /** What is timed, the default (the figure the ratios use) first. */
  private static final List<Variant> VARIANTS =
      List.of(
          new Variant("TF Java, fused step (default)", "java_fused", TrainerOptions.DEFAULT),
          new Variant(
              "TF Java, fused step, no prefetch thread",
              "java_fused_no_prefetch",
              TrainerOptions.FUSED_NO_PREFETCH),
          new Variant("TF Java, plain step (two runs)", "java_plain", TrainerOptions.PLAIN),
          new Variant("TF Java, fused step + XLA JIT", "java_fused_xla", TrainerOptions.FUSED_XLA),
          new Variant(
              "TF Java, fused step, Grappler off",
              "java_fused_no_grappler",
              TrainerOptions.FUSED_NO_GRAPPLER));

  private Benchmark() {}

  /**
   * Runs the benchmark, printing a table and ending with {@code ms/iter: X} (TF Java's fused
   * median).
   *
   * @return every figure, for the JSON report
   */
  public static Map<String, Object> run(ImageData data, Settings s, PrintStream out)
      throws IOException {
    GanConfig config = Presets.named(s.preset()).toBuilder().iterations(Integer.MAX_VALUE).build();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("preset", s.preset());
    out.println("preset: " + s.preset());
    List<MatmulFloor.Product> products =
        MatmulFloor.iteration(config.batchSize(), config.noiseDim());
    long flops = MatmulFloor.flops(products);
    double[][] repeats = new double[VARIANTS.size()][s.repeats()];
    double[] pythonRepeats = new double[s.repeats()];
    double[] floorRepeats = new double[s.repeats()];
    JsonObject pythonInfo = null;
    JsonObject pythonEnd = null;
    List<GanTrainer> trainers = new ArrayList<>();
    Peer peer = null;
    double firstIterationSeconds;
    try (MatmulFloor.Harness floor = new MatmulFloor.Harness(products)) {
      for (Variant v : VARIANTS) {
        trainers.add(new GanTrainer(config, data, v.options()));
      }
      trainers.get(0).step();
      firstIterationSeconds =
          (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
              / 1000.0;
      // The peer starts while Java is idle, so that its own time to first iteration is clean.
      if (s.pythonExecutable() != null) {
        peer = Peer.start(s, out);
        pythonInfo = peer.ready();
      }
      for (GanTrainer t : trainers) {
        steps(t, s.warmup());
      }
      floor.measureMillis(50);
      // Every repeat times each variant, the Python peer and the floor in turn, so that drift in
      // this machine's speed (±10% here) hits all of them alike; the variants' order rotates from
      // repeat to repeat, so that none always runs first.
      for (int r = 0; r < s.repeats(); r++) {
        for (int j = 0; j < trainers.size(); j++) {
          int k = (r + j) % trainers.size();
          long t0 = System.nanoTime();
          steps(trainers.get(k), s.iterations());
          repeats[k][r] = (System.nanoTime() - t0) / 1e6 / s.iterations();
        }
        if (peer != null) {
          pythonRepeats[r] = peer.run(s.iterations());
        }
        floorRepeats[r] = floor.measureMillis(s.iterations());
      }
      if (peer != null) {
        pythonEnd = peer.quit();
      }
    } finally {
      trainers.forEach(GanTrainer::close);
      if (peer != null) {
        peer.close();
      }
    }
    long peakRssKb = peakRssKb();
    Timing[] timings = new Timing[VARIANTS.size()];
    for (int k = 0; k < VARIANTS.size(); k++) {
      timings[k] = Timing.of(repeats[k]);
    }
    Timing fused = timings[0];
    Timing floorTiming = Timing.of(floorRepeats);
    double floorMs = floorTiming.median();

    out.println();
    out.printf(Locale.ROOT, "%-44s %9s %9s %17s%n", "", "ms/iter", "iter/s", "spread (min-max)");
    for (int k = 0; k < VARIANTS.size(); k++) {
      row(out, VARIANTS.get(k).label(), timings[k]);
    }
    Timing python = null;
    if (pythonInfo != null) {
      python = Timing.of(pythonRepeats);
      row(out, "Python TF " + pythonInfo.get("tensorflow").getAsString() + " tf.function", python);
    }
    out.printf(
        Locale.ROOT,
        "%-44s %9.2f %9s %8.2f-%-8.2f%n",
        s.preset().equals("article")
            ? "matmul floor (TF MatMul kernels)"
            : "matmul floor (article's products; R1 adds)",
        floorMs,
        "",
        floorTiming.min(),
        floorTiming.max());
    out.println();
    out.printf(
        Locale.ROOT,
        "FLOPs per iteration (matrix products): %.3f GFLOP; floor throughput %.1f GFLOP/s; TF Java %.1f GFLOP/s%n",
        flops / 1e9,
        flops / 1e6 / floorMs,
        flops / 1e6 / fused.median());
    out.printf(
        Locale.ROOT,
        "TF Java / floor: %.2fx (per repeat %s)%n",
        fused.median() / floorMs,
        ratios(repeats[0], floorRepeats, false));
    for (int k = 0; k < VARIANTS.size(); k++) {
      report.put(VARIANTS.get(k).key(), timings[k]);
    }
    report.put("floor", floorTiming);
    report.put("floor_ms", floorMs);
    report.put("flops_per_iteration", flops);
    report.put("java_over_floor", fused.median() / floorMs);
    if (python != null) {
      double py = python.median();
      out.printf(
          Locale.ROOT,
          "TF Java iterations/s over Python's: %.2fx (Python %.2f ms/iter; per repeat %s)%n",
          py / fused.median(),
          py,
          ratios(repeats[0], pythonRepeats, true));
      out.printf(
          Locale.ROOT,
          "time to first iteration: TF Java %.2f s, Python %.2f s (process start, TensorFlow load, graph build)%n",
          firstIterationSeconds,
          pythonInfo.get("first_iter_s").getAsDouble());
      out.printf(
          Locale.ROOT,
          "peak resident memory: TF Java %.0f MB, Python %.0f MB%n",
          peakRssKb / 1024.0,
          pythonEnd.get("peak_rss_mb").getAsDouble());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("ms_per_iter", py);
      p.put("repeats", pythonRepeats);
      p.put("first_iter_s", pythonInfo.get("first_iter_s").getAsDouble());
      p.put("peak_rss_mb", pythonEnd.get("peak_rss_mb").getAsDouble());
      p.put("tensorflow", pythonInfo.get("tensorflow").getAsString());
      report.put("python", p);
      report.put("java_over_python", py / fused.median());
    } else {
      out.printf(Locale.ROOT, "time to first iteration: TF Java %.2f s%n", firstIterationSeconds);
      out.printf(Locale.ROOT, "peak resident memory: TF Java %.0f MB%n", peakRssKb / 1024.0);
    }
    report.put("first_iteration_s", firstIterationSeconds);
    report.put("peak_rss_mb", peakRssKb / 1024.0);
    report.put(
        "settings",
        Map.of("warmup", s.warmup(), "iterations", s.iterations(), "repeats", s.repeats()));
    out.printf(Locale.ROOT, "ms/iter: %.2f%n", fused.median());
    return report;
  }

  /** Per-repeat ratios a/b (or b/a when {@code inverse}), as "x.xx-y.yy" (min-max). */
  private static String ratios(double[] a, double[] b, boolean inverse) {
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = inverse ? b[i] / a[i] : a[i] / b[i];
    }
    return String.format(Locale.ROOT, "%.2f-%.2f", Stats.min(r), Stats.max(r));
  }

  private static void steps(GanTrainer trainer, int n) {
    for (int i = 0; i < n; i++) {
      trainer.step();
    }
  }

  private static void row(PrintStream out, String name, Timing t) {
    out.printf(
        Locale.ROOT,
        "%-44s %9.2f %9.1f %8.2f-%-8.2f%n",
        name,
        t.median(),
        1000.0 / t.median(),
        t.min(),
        t.max());
  }

  /** The Python peer in serve mode: its repeats are asked for one at a time (see the script). */
  private static final class Peer implements AutoCloseable {
    private final Process process;
    private final BufferedReader stdout;
    private final PrintWriter stdin;

    private Peer(Process process) {
      this.process = process;
      this.stdout =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.stdin =
          new PrintWriter(
              new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    }

    static Peer start(Settings s, PrintStream out) throws IOException {
      List<String> cmd = new ArrayList<>();
      cmd.add(s.pythonExecutable().toString());
      cmd.add(s.peerScript().toString());
      cmd.addAll(
          List.of(
              "--data",
              s.imagesFile().toString(),
              "--warmup",
              Integer.toString(s.warmup()),
              "--preset",
              s.preset(),
              "--serve"));
      out.println("python peer: " + String.join(" ", cmd));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
      return new Peer(pb.start());
    }

    /** Waits for the peer's warm-up; returns its first line (first_iter_s, tensorflow). */
    JsonObject ready() throws IOException {
      return read("ready");
    }

    /** Milliseconds per iteration over {@code n} iterations of the peer. */
    double run(int n) throws IOException {
      stdin.println("run " + n);
      return read("ms_per_iter").get("ms_per_iter").getAsDouble();
    }

    /** Ends the peer; returns its last line (peak_rss_mb). */
    JsonObject quit() throws IOException {
      stdin.println("quit");
      return read("peak_rss_mb");
    }

    private JsonObject read(String key) throws IOException {
      String line = stdout.readLine();
      if (line == null || !line.strip().startsWith("{")) {
        throw new IOException(
            "python peer: expected a JSON line with "
                + key
                + ", found "
                + (line == null ? "end of output (exit " + exitCode() + ")" : line.strip()));
      }
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      if (!o.has(key)) {
        throw new IOException("python peer: expected " + key + ", found " + line.strip());
      }
      return o;
    }

    private String exitCode() {
      try {
        return process.waitFor(10, TimeUnit.SECONDS)
            ? Integer.toString(process.exitValue())
            : "still running";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "unknown";
      }
    }

    @Override
    public void close() {
      stdin.close();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  /** Peak resident set size of this process (VmHWM), in kB; 0 where /proc is absent. */
  static long peakRssKb() {
    try {
      return MemoryCheck.procStatusKb("VmHWM");
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
