package io.github.tfgan.cli;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.eval.ColourModes;
import io.github.tfgan.eval.GaussianMixture;
import io.github.tfgan.eval.MixtureCoverage;
import io.github.tfgan.eval.ModeCoverage;
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
 * one ({@link GaussianMixture}, {@link MixtureCoverage}); the same for a colour image set with
 * known modes ({@link ColourModes}, {@link ColourModeCoverage}), written as {@code .npy}.
 */
@Command(
    name = "mixture",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    customSynopsis = {
      "gan mixture --kind ring8|grid25 --out FILE.csv [--count N] [--seed N]",
      "            [--plot FILE.png] [--force]",
      "gan mixture --kind ring8|grid25 --model DIR [--count N] [--seed N]",
      "            [--json FILE] [--plot FILE.png] [--force]",
      "gan mixture --kind colours16 --out FILE.npy [--labels FILE.npy]",
      "            [--count N] [--seed N] [--plot FILE.png] [--force]",
      "gan mixture --kind colours16 --model DIR [--count N] [--seed N]",
      "            [--json FILE] [--plot FILE.png] [--force]"
    },
    description = {
      "Write a two-dimensional Gaussian mixture as CSV, or a colour image set with known modes"
          + " as .npy; or measure how a generator trained on one covers its modes.",
      "",
      "ring8: 8 modes on a circle of radius 2, standard deviation 0.02; grid25: 25 modes on a 5x5"
          + " grid 2 apart, 0.05. A sample is of high quality within 3 standard deviations of its"
          + " nearest mode (VEEGAN's measure); a mode is covered by 20 such samples in 2500.",
      "",
      "colours16: 32x32 RGB images (uint8 .npy), each a 10-pixel square of one of 4 colours (red,"
          + " green, blue, yellow) in one of 4 quadrants on black: 16 modes; the square is shifted"
          + " up to 2 pixels and its brightness varies by up to 10%%. A sample goes to the mode of"
          + " its nearest template (the mode's square at each allowed shift) and is of high"
          + " quality within 0.5 of it (in units of one lit channel of the square; the set's own"
          + " images are within 0.15); a mode is covered by a quarter of its fair share of such"
          + " samples (n/64)."
    })
final class MixtureCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--kind",
      paramLabel = "ring8|grid25|colours16",
      required = true,
      description =
          "Which mixture (docs/results/mixtures.md) or colour set (docs/results/colour-modes.md).")
  String kind;

  @Option(
      names = "--out",
      paramLabel = "FILE.csv|FILE.npy",
      description =
          "Write the mixture's points to FILE.csv (header x0,x1), or colours16's images to"
              + " FILE.npy ((N, 32, 32, 3) uint8), for train --data.")
  Path out;

  @Option(
      names = "--labels",
      paramLabel = "FILE.npy",
      description =
          "With --kind colours16 --out: also write each image's mode (0-15: colour x 4 +"
              + " quadrant) to FILE.npy ((N,) int32), for train --labels.")
  Path labels;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "Measure this generator SavedModel (of 2-dimensional vectors, or of 32x32x3 images for"
              + " colours16) instead: modes covered, high-quality share, high-quality samples per"
              + " mode.")
  Path model;

  @Option(
      names = "--count",
      paramLabel = "N",
      description =
          "Points or images to write, or samples to draw from --model (default: 2500 for ring8"
              + " and grid25, 10000 for colours16).")
  Integer count;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of the points or images, or of --model's noise (default: ${DEFAULT-VALUE}).")
  long seed = GanConfig.DEFAULT_SEED;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "With --model: also write the figures as JSON to FILE.")
  Path json;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      description =
          "Also draw the points (or samples) over the modes as a PNG scatter plot; for colours16,"
              + " the first 64 images (or samples) as a PNG grid.")
  Path plot;

  @Option(names = "--force", description = "Replace existing output files.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    boolean colours = ColourModes.NAMES.contains(kind.toLowerCase(Locale.ROOT));
    if (!colours && !GaussianMixture.NAMES.contains(kind.toLowerCase(Locale.ROOT))) {
      throw new UsageError(
          "--kind: expected "
              + String.join(", ", GaussianMixture.NAMES)
              + " or "
              + String.join(" or ", ColourModes.NAMES)
              + ", found '"
              + kind
              + "'");
    }
    if ((out == null) == (model == null)) {
      throw new UsageError(
          "--out or --model: expected exactly one, found " + (out == null ? "neither" : "both"));
    }
    if (count == null) {
      count = colours ? ColourModes.DEFAULT_SAMPLES : GaussianMixture.VEEGAN_SAMPLES;
    }
    if (count <= 0) {
      throw new UsageError("--count: expected a positive number, found " + count);
    }
    if (json != null && model == null) {
      throw new UsageError("--json: expected it with --model DIR, found it with --out");
    }
    if (labels != null && (!colours || out == null)) {
      throw new UsageError(
          "--labels: expected it with --kind colours16 --out FILE.npy, found it with --kind "
              + kind
              + (out == null ? " --model" : " --out"));
    }
    if (out != null) {
      expectKind("--out", out, colours ? GanCli.OutputKind.NPY : GanCli.OutputKind.CSV);
      OutputFile.check("--out", out, force);
    }
    if (labels != null) {
      expectKind("--labels", labels, GanCli.OutputKind.NPY);
      if (labels.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
        throw new UsageError("--labels: expected a file other than --out's, found " + labels);
      }
      OutputFile.check("--labels", labels, force);
    }
    if (plot != null) {
      expectKind("--plot", plot, GanCli.OutputKind.PNG);
      OutputFile.check("--plot", plot, force);
    }
    if (json != null) {
      OutputFile.check("--json", json, force);
    }
    PrintStream stdout = GanCli.stdout(spec);
    if (colours) {
      ColourModes set = ColourModes.named(kind);
      if (out != null) {
        ColourModesOutput.write(set, count, seed, out, labels, plot, stdout);
      } else {
        ColourModesOutput.measure(set, model, count, seed, json, plot, stdout);
      }
      return 0;
    }
    GaussianMixture mixture = GaussianMixture.named(kind);
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
      writeCoverage(json, model, seed, coverage, stdout);
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

  /**
   * Writes {@code --json}: the model measured, the seed of its samples and their coverage (the
   * record's fields), for {@code mixture --model} of a mixture or a colour set.
   */
  static void writeCoverage(
      Path json, Path model, long seed, ModeCoverage coverage, PrintStream stdout)
      throws java.io.IOException {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("model", model.toString());
    figures.put("seed", seed);
    figures.put("coverage", coverage);
    GanCli.writeJson(json, figures);
    stdout.println("wrote " + json);
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
