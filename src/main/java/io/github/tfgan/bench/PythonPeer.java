package io.github.tfgan.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import io.github.tfgan.data.Architectures;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.model.DataScaling;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.NetworkSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Python peer in serve mode: its repeats are asked for one at a time (see the script). */
final class PythonPeer implements AutoCloseable {
  private final Process process;
  private final BufferedReader stdout;
  private final PrintWriter stdin;

  private PythonPeer(Process process) {
    this.process = process;
    this.stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.stdin =
        new PrintWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
  }

  static PythonPeer start(Benchmark.Settings s, ImageData data, PrintStream out)
      throws IOException {
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
    // The peer trains with the preset's own values, so that it follows the preset.
    GanConfig c = Presets.named(s.preset());
    cmd.addAll(
        List.of(
            "--learning-rate",
            Float.toString(c.learningRate()),
            "--g-learning-rate",
            Float.toString(c.generatorBaseLearningRate()),
            "--beta1",
            Float.toString(c.beta1()),
            "--beta2",
            Float.toString(c.beta2()),
            "--lr-decay-rate",
            Float.toString(c.lrDecayRate()),
            "--lr-decay-steps",
            Integer.toString(c.lrDecaySteps()),
            "--r1-gamma",
            Float.toString(c.r1Gamma()),
            "--r1-every",
            Integer.toString(c.r1Every()),
            "--ema-decay",
            Float.toString(c.emaDecay()),
            "--updates",
            c.updates().cliName()));
    cmd.addAll(netArguments(c, Architectures.forData(c, data)));
    out.println("python peer: " + String.join(" ", cmd));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    return new PythonPeer(pb.start());
  }

  /**
   * The peer's arguments for the networks {@code config} trains, when they are not the article's
   * (whose command line stays as its recorded figures were measured with: the peer's defaults are
   * the article's network, batch 128, z of 100 and pixels in [0, 1]): the net, batch, noise width,
   * how pixels are scaled, and whether the moving average warms up.
   */
  static List<String> netArguments(GanConfig config, GanArchitecture arch) {
    if (config.net().equals(NetworkSpec.ARTICLE_NET)
        && config.batchSize() == ARTICLE_BATCH
        && config.noiseDim() == ARTICLE_NOISE
        && arch.scaling().kind() == DataScaling.Kind.UNIT) {
      return List.of();
    }
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--net",
            config.net(),
            "--batch-size",
            Integer.toString(config.batchSize()),
            "--noise-dim",
            Integer.toString(config.noiseDim()),
            "--scaling",
            arch.scaling().kind() == DataScaling.Kind.UNIT ? "unit" : "symmetric"));
    if (config.usesEma() && config.emaWarmup()) {
      args.add("--ema-warmup");
    }
    return args;
  }

  private static final int ARTICLE_BATCH = 128;
  private static final int ARTICLE_NOISE = 100;

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
