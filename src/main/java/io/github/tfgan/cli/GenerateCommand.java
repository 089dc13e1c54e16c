package io.github.tfgan.cli;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.Npy;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.image.ImageGrid;
import io.github.tfgan.image.ScatterPlot;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.run.TrainingRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes samples of an exported generator as a PNG (a grid of images, or a scatter plot of
 * 2-dimensional vectors), a .npy array or a CSV of vectors.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    customSynopsis = {
      "gan generate --model DIR (--count N [--seed N] | --z FILE)",
      "             [--label K] --out FILE [--force]"
    },
    description =
        "Generate samples from an exported generator: a PNG grid of images (a scatter plot of"
            + " 2-dimensional vectors), a .npy (images [n, H, W, C] in [0, 1]; vectors [n, D] in"
            + " the data's units) or a .csv of vectors.")
final class GenerateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      required = true,
      description = "Generator SavedModel directory.")
  Path model;

  @Option(names = "--count", paramLabel = "N", description = "Number of images (not with --z).")
  Integer count;

  @Option(
      names = "--z",
      paramLabel = "FILE",
      description = "Noise to use, float32 [n, noiseDim] (instead of --count/--seed).")
  Path z;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description =
          "Output: a PNG (a grid of images, a scatter plot of 2-dimensional vectors), a .npy"
              + " float32 ([n, H, W, C] images in [0, 1], or [n, D] vectors), or a .csv"
              + " (vectors).")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Noise seed (default: ${DEFAULT-VALUE}).")
  long seed = GanConfig.DEFAULT_SEED;

  @Option(names = "--force", description = "Replace an existing --out file.")
  boolean force;

  @Option(
      names = "--label",
      paramLabel = "K",
      description =
          "With a class-conditional generator: samples of class K only (default: every class in"
              + " turn; a PNG shows one row per class).")
  Integer label;

  /** Images generated at a time: memory stays bounded at any --count. */
  static final int BATCH = 1024;

  /** The vectors a PNG shows, as a scatter plot: 2-dimensional ones. */
  static final DataShape SCATTER = DataShape.vector(2);

  /** The most images a PNG grid takes (100 × 100); use .npy for more. */
  static final int MAX_GRID = 10_000;

  @Override
  public Integer call() throws Exception {
    GanCli.OutputKind kind = GanCli.OutputKind.of(out, "--out");
    if ((count == null) == (z == null)) {
      throw new UsageError(
          "--count or --z: expected exactly one, found " + (z == null ? "neither" : "both"));
    }
    if (count != null && count <= 0) {
      throw new UsageError("--count: expected a positive number, found " + count);
    }
    if (count != null && kind == GanCli.OutputKind.PNG && count > MAX_GRID) {
      throw new UsageError(
          "--count: expected at most "
              + MAX_GRID
              + " images for a PNG grid (write a .npy for"
              + " more), found "
              + count);
    }
    OutputFile.check("--out", out, force);
    long n;
    try (GeneratorModel generator = Flags.on("--model", () -> GeneratorModel.load(model))) {
      DataShape shape = generator.sampleShape();
      if (kind == GanCli.OutputKind.PNG && !shape.isImage() && !shape.equals(SCATTER)) {
        throw new UsageError(
            "--out "
                + out
                + ": expected a .npy or .csv for a generator of "
                + shape.describe()
                + " (a PNG for images or 2-dimensional vectors), found a PNG");
      }
      if (kind == GanCli.OutputKind.CSV && shape.isImage()) {
        throw new UsageError(
            "--out "
                + out
                + ": expected a .npy or .png for a generator of "
                + shape.describe()
                + ", found a CSV");
      }
      java.util.function.LongToIntFunction labelOf = labels(generator, kind);
      if (z != null) {
        Npy.Matrix m = Flags.on("--z", () -> Npy.read(z, generator.noiseDim()));
        var bad = m.firstBadValue(-Float.MAX_VALUE, Float.MAX_VALUE);
        if (bad.isPresent()) {
          throw new java.io.IOException(
              "--z " + z + ": expected finite values, found " + bad.get());
        }
        n = m.rows();
        write(kind, generator.generate(m.data(), rowLabels(labelOf, n)), n, shape);
      } else {
        n = count;
        if (kind == GanCli.OutputKind.NPY) {
          try (Npy.Writer writer = new Npy.Writer(out, shape.withBatch(n))) {
            generator.generate(n, seed, BATCH, labelOf, (images, rows) -> writer.append(images));
            writer.commit();
          }
        } else {
          write(
              kind,
              generator.generate(generator.noise(count, seed), rowLabels(labelOf, n)),
              n,
              shape);
        }
      }
    }
    spec.commandLine().getOut().println("wrote " + n + " samples to " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** Images per row of a PNG grid: a conditional model's classes each get rows of their own. */
  private int gridColumns;

  /**
   * The class of each row: null for an unconditional generator; --label, or every class in turn (in
   * blocks of count / classes rows for a PNG, so that each class fills its own rows).
   */
  private java.util.function.LongToIntFunction labels(
      GeneratorModel generator, GanCli.OutputKind kind) {
    if (!generator.isConditional()) {
      if (label != null) {
        throw new UsageError(
            "--label: expected a class-conditional generator (trained with --conditional), found"
                + " an unconditional one in "
                + model);
      }
      return null;
    }
    int classes = generator.classes();
    if (label != null) {
      if (label < 0 || (classes > 0 && label >= classes)) {
        throw new UsageError(
            "--label: expected a class from 0 to " + (classes - 1) + ", found " + label);
      }
      int k = label;
      return i -> k;
    }
    if (classes <= 0) {
      throw new UsageError(
          "--label: expected one for a conditional generator without its architecture file, found"
              + " none");
    }
    long rows = count != null ? count : 0;
    if (kind == GanCli.OutputKind.PNG && rows >= classes) {
      long perClass = (rows + classes - 1) / classes;
      gridColumns = (int) perClass;
      return i -> (int) Math.min(i / perClass, classes - 1);
    }
    return i -> (int) (i % classes);
  }

  private static int[] rowLabels(java.util.function.LongToIntFunction labelOf, long n) {
    if (labelOf == null) {
      return null;
    }
    int[] labels = new int[(int) n];
    for (int i = 0; i < n; i++) {
      labels[i] = labelOf.applyAsInt(i);
    }
    return labels;
  }

  private void write(GanCli.OutputKind kind, float[] samples, long n, DataShape shape)
      throws java.io.IOException {
    switch (kind) {
      case NPY -> Npy.write(out, samples, shape.withBatch(n));
      case CSV -> CsvOutput.write(out, samples, shape.size());
      default -> {
        if (shape.isImage()) {
          ImageGrid.writePng(samples, shape, TrainingRun.GRID_SCALE, gridColumns, out);
        } else {
          ScatterPlot.writePng(
              samples,
              ScatterPlot.Range.around(samples, new double[0]),
              n + " samples of " + model.getFileName(),
              out);
        }
      }
    }
  }
}
