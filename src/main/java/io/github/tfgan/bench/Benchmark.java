package io.github.tfgan.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.TrainerOptions;
import java.io.IOException;
import java.io.PrintStream;
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
  public record Settings(
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

  private Benchmark() {}

  /**
   * Runs the benchmark, printing a table and ending with {@code ms/iter: X} (TF Java's fused
   * median).
   *
   * @return every figure, for the JSON report
   */
  public static Map<String, Object> run(ImageData data, Settings s, PrintStream out)
      throws IOException {
    GanConfig config = GanConfig.builder().iterations(Integer.MAX_VALUE).build();
    Map<String, Object> report = new LinkedHashMap<>();
    double firstIterationSeconds;
    Timing fused;
    Timing plain;
    Timing xla;
    Timing noPrefetch;
    try (GanTrainer fast = new GanTrainer(config, data, TrainerOptions.DEFAULT);
        GanTrainer slow = new GanTrainer(config, data, TrainerOptions.PLAIN);
        GanTrainer jit = new GanTrainer(config, data, TrainerOptions.FUSED_XLA);
        GanTrainer inline = new GanTrainer(config, data, TrainerOptions.FUSED_NO_PREFETCH)) {
      fast.step();
      firstIterationSeconds =
          (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
              / 1000.0;
      // Repeats alternate between the variants so that drift in the machine's speed hits both
      // alike.
      GanTrainer[] trainers = {fast, slow, jit, inline};
      double[][] repeats = new double[trainers.length][s.repeats()];
      for (GanTrainer t : trainers) {
        steps(t, s.warmup());
      }
      for (int r = 0; r < s.repeats(); r++) {
        for (int k = 0; k < trainers.length; k++) {
          long t0 = System.nanoTime();
          steps(trainers[k], s.iterations());
          repeats[k][r] = (System.nanoTime() - t0) / 1e6 / s.iterations();
        }
      }
      fused = Timing.of(repeats[0]);
      plain = Timing.of(repeats[1]);
      xla = Timing.of(repeats[2]);
      noPrefetch = Timing.of(repeats[3]);
    }
    long peakRssKb = peakRssKb();

    List<MatmulFloor.Product> products =
        MatmulFloor.iteration(config.batchSize(), config.noiseDim());
    long flops = MatmulFloor.flops(products);
    double floorMs = MatmulFloor.measureMillis(products, 50, 300);

    JsonObject python = s.pythonExecutable() == null ? null : runPeer(s, out);

    out.println();
    out.printf(Locale.ROOT, "%-44s %9s %9s %17s%n", "", "ms/iter", "iter/s", "spread (min-max)");
    row(out, "TF Java, fused step (default)", fused);
    row(out, "TF Java, fused step, no prefetch", noPrefetch);
    row(out, "TF Java, plain step (two runs)", plain);
    row(out, "TF Java, fused step + XLA JIT", xla);
    if (python != null) {
      double[] reps =
          python.getAsJsonArray("repeats").asList().stream()
              .mapToDouble(e -> e.getAsDouble())
              .toArray();
      row(
          out,
          "Python TF " + python.get("tensorflow").getAsString() + " tf.function",
          Timing.of(reps));
      report.put("python", python);
    }
    out.printf(
        Locale.ROOT, "%-44s %9.2f %9s %17s%n", "matmul floor (TF MatMul kernels)", floorMs, "", "");
    out.println();
    out.printf(
        Locale.ROOT,
        "FLOPs per iteration (matrix products): %.3f GFLOP; floor throughput %.1f GFLOP/s; TF Java %.1f GFLOP/s%n",
        flops / 1e9,
        flops / 1e6 / floorMs,
        flops / 1e6 / fused.median());
    out.printf(Locale.ROOT, "TF Java / floor: %.2fx%n", fused.median() / floorMs);
    if (python != null) {
      double py = python.get("ms_per_iter").getAsDouble();
      out.printf(
          Locale.ROOT,
          "TF Java iterations/s over Python's: %.2fx (Python %.2f ms/iter)%n",
          py / fused.median(),
          py);
      report.put("java_over_python", py / fused.median());
      out.printf(
          Locale.ROOT,
          "time to first iteration: TF Java %.2f s, Python %.2f s (process start, TensorFlow load, graph build)%n",
          firstIterationSeconds,
          python.get("first_iter_s").getAsDouble());
      out.printf(
          Locale.ROOT,
          "peak resident memory: TF Java %.0f MB, Python %.0f MB%n",
          peakRssKb / 1024.0,
          python.get("peak_rss_mb").getAsDouble());
    } else {
      out.printf(Locale.ROOT, "time to first iteration: TF Java %.2f s%n", firstIterationSeconds);
      out.printf(Locale.ROOT, "peak resident memory: TF Java %.0f MB%n", peakRssKb / 1024.0);
    }
    report.put("java_fused", fused);
    report.put("java_plain", plain);
    report.put("java_fused_xla", xla);
    report.put("java_fused_no_prefetch", noPrefetch);
    report.put("floor_ms", floorMs);
    report.put("flops_per_iteration", flops);
    report.put("java_over_floor", fused.median() / floorMs);
    report.put("first_iteration_s", firstIterationSeconds);
    report.put("peak_rss_mb", peakRssKb / 1024.0);
    report.put(
        "settings",
        Map.of("warmup", s.warmup(), "iterations", s.iterations(), "repeats", s.repeats()));
    out.printf(Locale.ROOT, "ms/iter: %.2f%n", fused.median());
    return report;
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

  private static JsonObject runPeer(Settings s, PrintStream out) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(s.pythonExecutable().toString());
    cmd.add(s.peerScript().toString());
    cmd.addAll(
        List.of(
            "--data", s.imagesFile().toString(),
            "--warmup", Integer.toString(s.warmup()),
            "--iterations", Integer.toString(s.iterations()),
            "--repeats", Integer.toString(s.repeats())));
    out.println("python peer: " + String.join(" ", cmd));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException("python peer failed (exit " + p.exitValue() + "): " + stdout.strip());
      }
      String last = stdout.strip().lines().reduce((a, b) -> b).orElse("");
      return JsonParser.parseString(last).getAsJsonObject();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running the python peer", e);
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
