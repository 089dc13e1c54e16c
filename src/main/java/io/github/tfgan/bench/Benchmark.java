package io.github.tfgan.bench;

import com.google.gson.JsonObject;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import io.github.tfgan.data.Architectures;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.NetworkSpec;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.TrainerOptions;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code gan.jar bench}: training speed of a preset ({@code article}, {@code stable}, {@code dcgan}
 * ...) on real MNIST: TF Java's step in several execution variants, the {@code train} command's own
 * loop with every output ({@link TrainLoop}), the Python peer ({@code bench/python_peer.py}, TF 2.x
 * with {@code tf.function}, the same nets trained with the preset's values; {@link PythonPeer})
 * started from here so that all are measured in one run, and the floor: for the article's network
 * the matrix-multiply floor of one article iteration ({@link MatmulFloor}), for other nets the conv
 * floor, the step's convolutions and matrix products alone ({@link ConvFloor}).
 */
public final class Benchmark {
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
   * @param preset the configuration trained (a {@link Presets} name); the Python peer trains the
   *     same
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
          new Variant(
              "TF Java, 2 shards, 4 iterations per run (default)",
              "java_fused",
              TrainerOptions.DEFAULT),
          new Variant(
              "TF Java, 2 shards, 1 iteration per run",
              "java_fused_one_per_run",
              TrainerOptions.SHARDED),
          new Variant(
              "TF Java, fused step, 1 shard, TF's threads",
              "java_fused_unsharded",
              TrainerOptions.UNSHARDED),
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

  /**
   * Timed with conv nets besides {@link #VARIANTS}: four iterations per run without shards, on
   * TensorFlow's threads (with conv nets the unsharded step was the faster one here).
   */
  private static final List<Variant> CONV_VARIANTS =
      List.of(
          new Variant(
              "TF Java, 1 shard, 4 iterations per run",
              "java_unsharded_four_per_run",
              TrainerOptions.UNSHARDED.withUnroll(TrainerOptions.DEFAULT_UNROLL)));

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
    GanArchitecture arch = Architectures.forData(config, data);
    boolean conv = Floor.isConv(arch);
    List<Variant> variants = new ArrayList<>(VARIANTS);
    if (conv) {
      variants.addAll(CONV_VARIANTS);
    }
    Floor plan = Floor.of(s.preset(), config, arch);
    if (!config.net().equals(NetworkSpec.ARTICLE_NET)) {
      out.println("net: " + config.net() + ", batch " + config.batchSize());
      out.println(plan.label() + ": " + plan.description());
      report.put("net", config.net());
      report.put("floor_kind", conv ? "conv" : "matmul");
    }
    double flops = plan.flops();
    double[][] repeats = new double[variants.size()][s.repeats()];
    double[] trainLoopRepeats = new double[s.repeats()];
    double[] pythonRepeats = new double[s.repeats()];
    double[] floorRepeats = new double[s.repeats()];
    double[][] floorThreads = new double[2][s.repeats()];
    JsonObject pythonInfo = null;
    JsonObject pythonEnd = null;
    List<GanTrainer> trainers = new ArrayList<>();
    PythonPeer peer = null;
    double firstIterationSeconds;
    // The floor is timed with TensorFlow's thread choices and with a second setting (the matmul
    // floor: the default trainer's, one thread per op and two ops at once; the conv floor: one op
    // at a time on all cores); per repeat, the faster of the two is the floor.
    try (Floor.Timer floor = plan.harness().apply(TrainerOptions.UNSHARDED.sessionConfig());
        Floor.Timer floorPaired = plan.harness().apply(plan.second().sessionConfig());
        TrainLoop trainLoop =
            new TrainLoop(
                Presets.named(s.preset()), data, s.warmup(), s.iterations(), s.repeats())) {
      for (Variant v : variants) {
        trainers.add(new GanTrainer(config, data, v.options()));
      }
      trainers.get(0).step();
      firstIterationSeconds =
          (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
              / 1000.0;
      // The peer starts while Java is idle, so that its own time to first iteration is clean.
      if (s.pythonExecutable() != null) {
        peer = PythonPeer.start(s, data, out);
        pythonInfo = peer.ready();
      }
      for (GanTrainer t : trainers) {
        steps(t, s.warmup());
      }
      trainLoop.awaitWarmup();
      floor.measureMillis(50);
      floorPaired.measureMillis(50);
      // Every repeat times each variant, the Python peer and the floor in turn, so that drift in
      // this machine's speed (±10% here) hits all of them alike; the variants' order rotates from
      // repeat to repeat, so that none always runs first.
      // The train loop takes its turn in the rotation as one more variant.
      for (int r = 0; r < s.repeats(); r++) {
        for (int j = 0; j <= trainers.size(); j++) {
          int k = (r + j) % (trainers.size() + 1);
          if (k == trainers.size()) {
            trainLoopRepeats[r] = trainLoop.time(s.iterations());
            continue;
          }
          long t0 = System.nanoTime();
          steps(trainers.get(k), s.iterations());
          repeats[k][r] = (System.nanoTime() - t0) / 1e6 / s.iterations();
        }
        if (peer != null) {
          pythonRepeats[r] = peer.run(s.iterations());
        }
        floorThreads[0][r] = floor.measureMillis(s.iterations());
        floorThreads[1][r] = floorPaired.measureMillis(s.iterations());
        floorRepeats[r] = Math.min(floorThreads[0][r], floorThreads[1][r]);
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
    Timing[] timings = new Timing[variants.size()];
    for (int k = 0; k < variants.size(); k++) {
      timings[k] = Timing.of(repeats[k]);
    }
    Timing fused = timings[0];
    Timing floorTiming = Timing.of(floorRepeats);
    double floorMs = floorTiming.median();

    out.println();
    out.printf(Locale.ROOT, "%-44s %9s %9s %17s%n", "", "ms/iter", "iter/s", "spread (min-max)");
    for (int k = 0; k < variants.size(); k++) {
      row(out, variants.get(k).label(), timings[k]);
    }
    Timing trainLoopTiming = Timing.of(trainLoopRepeats);
    row(out, "TF Java, train loop with every output", trainLoopTiming);
    Timing python = null;
    if (pythonInfo != null) {
      python = Timing.of(pythonRepeats);
      row(out, "Python TF " + pythonInfo.get("tensorflow").getAsString() + " tf.function", python);
    }
    out.printf(
        Locale.ROOT,
        "%-44s %9.2f %9s %8.2f-%-8.2f%n",
        plan.label(),
        floorMs,
        "",
        floorTiming.min(),
        floorTiming.max());
    out.printf(
        Locale.ROOT,
        "(floor per repeat: the faster of TensorFlow's threads, median %.2f ms, and %s, median"
            + " %.2f ms)%n",
        Stats.median(floorThreads[0]),
        plan.secondLabel(),
        Stats.median(floorThreads[1]));
    out.println();
    out.printf(
        Locale.ROOT,
        "FLOPs per iteration (%s): %.3f GFLOP; floor throughput %.1f GFLOP/s; TF Java %.1f GFLOP/s%n",
        conv ? "convolutions and matrix products" : "matrix products",
        flops / 1e9,
        flops / 1e6 / floorMs,
        flops / 1e6 / fused.median());
    out.printf(
        Locale.ROOT,
        "TF Java / floor: %.2fx (per repeat %s)%n",
        fused.median() / floorMs,
        ratios(repeats[0], floorRepeats, false));
    // Checkpoints and grids fall into some repeats only, so the loop's cost is compared as the
    // mean over all repeats, against the mean of the default step.
    double trainOverStep = Stats.mean(trainLoopRepeats) / Stats.mean(repeats[0]);
    out.printf(
        Locale.ROOT,
        "train loop / default step: %.3fx (means over repeats; per repeat %s)%n",
        trainOverStep,
        ratios(trainLoopRepeats, repeats[0], false));
    for (int k = 0; k < variants.size(); k++) {
      report.put(variants.get(k).key(), timings[k]);
    }
    report.put("java_train_loop", trainLoopTiming);
    report.put("train_loop_over_step", trainOverStep);
    report.put("floor", floorTiming);
    report.put("floor_ms", floorMs);
    report.put("floor_tf_threads", Timing.of(floorThreads[0]));
    report.put(plan.secondKey(), Timing.of(floorThreads[1]));
    report.put("flops_per_iteration", Math.round(flops));
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

  /** {@code n} iterations as {@code train} runs them (chained where the options chain them). */
  private static void steps(GanTrainer trainer, int n) {
    trainer.advance(n, TrainingListener.each(m -> {}));
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

  /** Peak resident set size of this process (VmHWM), in kB; 0 where /proc is absent. */
  static long peakRssKb() {
    try {
      return MemoryCheck.procStatusKb("VmHWM");
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
