package io.github.tfgan.eval;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.image.LineChart;
import io.github.tfgan.io.Directories;
import io.github.tfgan.run.MetricsFile;
import io.github.tfgan.run.RunDirectory;
import io.github.tfgan.run.RunRecord;
import io.github.tfgan.run.RunSummary;
import io.github.tfgan.run.TrainingRun;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tensorflow.TensorFlow;

/**
 * {@code report --run RUN_DIR}: writes a Markdown reproduction report with PNG plots of the
 * training curves, sample grids across training, the evaluation metrics beside the references and
 * the paper, the run's settings, wall time and machine. Nothing in it is typed by hand.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the command line's {@code report} uses it.
 */
public final class ReproductionReport {
  /** Goodfellow et al. 2014, Table 1: Gaussian Parzen-window log-likelihood of a GAN on MNIST. */
  public static final String PAPER_PARZEN = "225 ± 2";

  private static final int SMOOTHING = 100;

  private ReproductionReport() {}

  /**
   * Writes the report of a finished run.
   *
   * @param markdown the report file; its images go into a sibling directory named after it
   * @return the generator's figures beside the expected ones ({@link ExpectedFigures}) and the
   *     one-line verdict, as the report ends with them
   */
  public static List<String> write(
      Path runDir,
      Path markdown,
      ClassifierModel classifier,
      ImageData train,
      ImageData test,
      int samples,
      long seed)
      throws IOException {
    RunDirectory run = new RunDirectory(runDir);
    RunRecord record = RunRecord.read(run);
    RunSummary summary = RunSummary.read(run);
    MetricsFile.Curves curves = MetricsFile.readCurves(run.metrics());
    if (curves.size() == 0) {
      throw new IOException(run.metrics() + ": expected metrics rows, found none");
    }
    double[] it = curves.iteration();
    double[][] cols = {curves.dLoss(), curves.gLoss(), curves.dReal(), curves.dFake()};
    String stem = markdown.getFileName().toString().replaceFirst("\\.md$", "");
    Path assets = markdown.toAbsolutePath().getParent().resolve(stem);
    Files.createDirectories(assets);
    LineChart.write(
        "Losses (moving average over " + SMOOTHING + " iterations)",
        "iteration",
        "loss",
        it,
        List.of(
            new LineChart.Series("D loss", smooth(cols[0]), new Color(0x1f77b4)),
            new LineChart.Series("G loss", smooth(cols[1]), new Color(0xd62728))),
        assets.resolve("losses.png"));
    LineChart.write(
        "Discriminator outputs (moving average over " + SMOOTHING + " iterations)",
        "iteration",
        "mean probability",
        it,
        List.of(
            new LineChart.Series("D(x)", smooth(cols[2]), new Color(0x2ca02c)),
            new LineChart.Series("D(G(z))", smooth(cols[3]), new Color(0xff7f0e))),
        assets.resolve("discriminator.png"));
    List<String> grids = new ArrayList<>();
    for (String name : List.of("iteration_001000.png", "iteration_005000.png", "final.png")) {
      Path src = run.samples().resolve(name);
      if (Files.isRegularFile(src)) {
        Directories.writeAtomically(assets.resolve(name), Files.readAllBytes(src));
        grids.add(name);
      }
    }

    List<Evaluation.Figures> figures;
    try (GeneratorModel generator = GeneratorModel.load(run.generator())) {
      figures = Evaluation.run(generator, classifier, train, test, samples, seed);
    }

    StringBuilder md = new StringBuilder();
    md.append("# Reproduction report\n\n");
    md.append("Written by `bin/gan report --run ")
        .append(runDir)
        .append("`; not edited by hand.\n\n");
    List<String> verdict = verdict(record.config(), figures.get(0));
    md.append("## Metrics\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d images each, against the %d MNIST test images; the classifier is `savedmodels/classifier/1`.%n%n",
            samples,
            test.count()));
    md.append(
        "| images | classifier score (max 10) | classes with ≥ 5% | Fréchet distance (classifier features) | Parzen log-likelihood (σ) |\n");
    md.append("| --- | --- | --- | --- | --- |\n");
    for (Evaluation.Figures f : figures) {
      md.append(f.formatted("| %s | %.2f | %d / 10 | %.2f | %.1f ± %.1f (σ = %.2f) |%n"));
    }
    md.append("| GAN of Goodfellow et al. 2014 (Table 1) | | | | ")
        .append(PAPER_PARZEN)
        .append(" |\n\n");
    md.append("Share of each class among the generator's samples (the classifier's labels):\n\n");
    md.append("| ")
        .append(String.join(" | ", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")))
        .append(" |\n");
    md.append("|").append(" --- |".repeat(10)).append("\n|");
    for (double s : figures.get(0).classShares()) {
      md.append(String.format(Locale.ROOT, " %.1f%% |", 100 * s));
    }
    md.append("\n\n");
    md.append("## Training curves\n\n![losses](")
        .append(stem)
        .append("/losses.png)\n\n![discriminator](")
        .append(stem)
        .append("/discriminator.png)\n\n");
    int tail = Math.min(1000, curves.size());
    md.append(
        String.format(
            Locale.ROOT,
            "Over the last %d iterations: mean D loss %.4f, mean G loss %.3f, mean D(x) %.3f, mean D(G(z)) %.4f.%n%n",
            tail,
            meanTail(cols[0], tail),
            meanTail(cols[1], tail),
            meanTail(cols[2], tail),
            meanTail(cols[3], tail)));
    md.append("## Samples from one fixed noise batch\n\n");
    for (String g : grids) {
      md.append("`")
          .append(g)
          .append("`\n\n![")
          .append(g)
          .append("](")
          .append(stem)
          .append('/')
          .append(g)
          .append(")\n\n");
    }
    md.append("## Run\n\n");
    md.append("Settings (`config.json`):\n\n```json\n")
        .append(new com.google.gson.Gson().toJson(record.config()))
        .append("\n```\n\n");
    md.append("- data: ")
        .append(record.dataSource())
        .append(", ")
        .append(record.dataImages())
        .append(" images\n");
    md.append(
        String.format(
            Locale.ROOT,
            "- training: %d iterations in %.1f s (%.2f ms per iteration); whole command %.1f s%n",
            summary.iterations(),
            summary.trainSeconds(),
            summary.msPerIteration(),
            summary.wallSeconds()));
    md.append("- TF Java ")
        .append(TrainingRun.TF_JAVA_VERSION)
        .append(" (TensorFlow ")
        .append(TensorFlow.version())
        .append("), Java ")
        .append(System.getProperty("java.version"))
        .append('\n');
    md.append("- machine: ")
        .append(cpuModel())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append('\n');
    md.append("## Against the expected figures\n\n```\n")
        .append(String.join("\n", verdict))
        .append("\n```\n");
    Directories.writeAtomically(markdown, md.toString().getBytes(StandardCharsets.UTF_8));
    return verdict;
  }

  /**
   * The generator's figures beside what a full run of its preset is expected to score, and the
   * verdict; for a configuration that is no preset's full run, one line saying so.
   */
  static List<String> verdict(GanConfig config, Evaluation.Figures g) {
    return ExpectedFigures.of(config)
        .map(e -> e.compare(g))
        .orElse(
            List.of(
                "verdict: no expected figures: this is not a full run of a preset (expected"
                    + " figures exist for the article and stable presets at their own"
                    + " iterations, any seed)"));
  }

  private static double[] smooth(double[] v) {
    double[] out = new double[v.length];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += v[i];
      if (i >= SMOOTHING) {
        sum -= v[i - SMOOTHING];
      }
      out[i] = sum / Math.min(i + 1, SMOOTHING);
    }
    return out;
  }

  private static double meanTail(double[] v, int tail) {
    double s = 0;
    for (int i = v.length - tail; i < v.length; i++) {
      s += v[i];
    }
    return s / tail;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      return "unknown CPU";
    }
    return "unknown CPU";
  }
}
