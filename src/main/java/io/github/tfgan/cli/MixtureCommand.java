package io.github.tfgan.cli;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.eval.GaussianMixture;
import io.github.tfgan.eval.MixtureCoverage;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.image.ScatterPlot;
import io.github.tfgan.model.DataShape;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a two-dimensional Gaussian mixture as CSV, or measures how an exported generator covers
 * one ({@link GaussianMixture}, {@link MixtureCoverage}).
 */
@Command(
    name = "mixture",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    customSynopsis = {
      "gan mixture --kind ring8|grid25 --out FILE.csv [--count N] [--seed N]",
      "            [--plot FILE.png] [--force]",
      "gan mixture --kind ring8|grid25 --model DIR [--count N] [--seed N]",
      "            [--json FILE] [--plot FILE.png] [--force]"
    },
    description = {
      "Write a two-dimensional Gaussian mixture as CSV, or measure how a generator trained on one"
          + " covers its modes.",
      "",
      "ring8: 8 modes on a circle of radius 2, standard deviation 0.02; grid25: 25 modes on a 5x5"
          + " grid 2 apart, 0.05. A sample is of high quality within 3 standard deviations of its"
          + " nearest mode (VEEGAN's measure); a mode is covered by 20 such samples in 2500."
    })
final class MixtureCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--kind",
      paramLabel = "ring8|grid25",
      required = true,
      description = "Which mixture (docs/results/mixtures.md).")
  String kind;

  @Option(
      names = "--out",
      paramLabel = "FILE.csv",
      description = "Write the mixture's points to FILE.csv (header x0,x1), for train --data.")
  Path out;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "Measure this generator SavedModel (of 2-dimensional vectors) instead: modes"
              + " covered, high-quality share, high-quality samples per mode.")
  Path model;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "Points to write, or samples to draw from --model (default: ${DEFAULT-VALUE}).")
  int count = GaussianMixture.VEEGAN_SAMPLES;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the points, or of --model's noise (default: ${DEFAULT-VALUE}).")
  long seed = GanConfig.DEFAULT_SEED;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "With --model: also write the figures as JSON to FILE.")
  Path json;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      description = "Also draw the points (or samples) over the modes as a PNG scatter plot.")
  Path plot;

  @Option(names = "--force", description = "Replace existing output files.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    GaussianMixture mixture;
    try {
      mixture = GaussianMixture.named(kind);
    } catch (IllegalArgumentException e) {
      throw UsageError.of("--kind", e);
    }
    if ((out == null) == (model == null)) {
      throw new UsageError(
          "--out or --model: expected exactly one, found " + (out == null ? "neither" : "both"));
    }
    if (count <= 0) {
      throw new UsageError("--count: expected a positive number, found " + count);
    }
    if (json != null && model == null) {
      throw new UsageError("--json: expected it with --model DIR, found it with --out");
    }
    if (out != null) {
      expectKind("--out", out, GanCli.OutputKind.CSV);
      OutputFile.check("--out", out, force);
    }
    if (plot != null) {
      expectKind("--plot", plot, GanCli.OutputKind.PNG);
      OutputFile.check("--plot", plot, force);
    }
    if (json != null) {
      OutputFile.check("--json", json, force);
    }
    PrintStream stdout = GanCli.stdout(spec);
    if (out != null) {
      float[] points = mixture.sample(count, seed);
      CsvOutput.write(out, points, 2);
      stdout.println("wrote " + count + " points of " + mixture.name() + " to " + out);
      if (plot != null) {
        String title = count + " points of " + mixture.name() + " (seed " + seed + ")";
        writePlot(mixture, points, title, stdout);
      }
      return 0;
    }
    float[] samples;
    try (GeneratorModel generator = Flags.on("--model", () -> GeneratorModel.load(model))) {
      DataShape shape = generator.sampleShape();
      if (!shape.equals(DataShape.vector(2))) {
        throw new UsageError(
            "--model "
                + model
                + ": expected a generator of 2-dimensional vectors, found one of "
                + shape.describe());
      }
      samples = generator.generate(generator.noise(count, seed));
    }
    MixtureCoverage coverage = mixture.coverage(samples);
    print(coverage, stdout);
    if (json != null) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("model", model.toString());
      figures.put("seed", seed);
      figures.put("coverage", coverage);
      GanCli.writeJson(json, figures);
      stdout.println("wrote " + json);
    }
    if (plot != null) {
      writePlot(
          mixture,
          samples,
          String.format(
              Locale.ROOT,
              "%s: %d/%d modes covered, %.1f%% high quality",
              mixture.name(),
              coverage.modesCovered(),
              coverage.modes(),
              100 * coverage.highQualityShare()),
          stdout);
    }
    return 0;
  }

  private void writePlot(GaussianMixture mixture, float[] points, String title, PrintStream stdout)
      throws Exception {
    double[] centres = mixture.centres();
    ScatterPlot.writePng(
        points,
        centres,
        mixture.qualityRadius(),
        ScatterPlot.Range.around(points, centres),
        title,
        plot);
    stdout.println("wrote " + plot);
  }

  static void print(MixtureCoverage c, PrintStream stdout) {
    stdout.println(c.summary());
    stdout.println(
        String.format(
            Locale.ROOT,
            "  high quality: within %.2f (3 standard deviations) of the nearest mode;"
                + " covered: at least %d high-quality samples; %d/%d modes with any (VEEGAN's"
                + " \"modes captured\")",
            c.qualityRadius(),
            c.modeMinimum(),
            c.modesReached(),
            c.modes()));
    stdout.println(
        "  high-quality samples per mode: "
            + Arrays.stream(c.perMode())
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(" ")));
  }

  private static void expectKind(String flag, Path file, GanCli.OutputKind expected) {
    GanCli.OutputKind found;
    try {
      found = GanCli.OutputKind.of(file, flag);
    } catch (IllegalArgumentException e) {
      found = null;
    }
    if (found != expected) {
      throw new UsageError(
          flag
              + ": expected a ."
              + expected.name().toLowerCase(Locale.ROOT)
              + " file name, found "
              + file);
    }
  }
}
