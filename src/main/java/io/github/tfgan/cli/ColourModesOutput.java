package io.github.tfgan.cli;

import io.github.tfgan.data.Npy;
import io.github.tfgan.eval.ColourModeCoverage;
import io.github.tfgan.eval.ColourModeTally;
import io.github.tfgan.eval.ColourModes;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.image.ImageGrid;
import io.github.tfgan.model.DataShape;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code gan mixture --kind colours16}: writing the set, measuring a generator, printing. */
final class ColourModesOutput {
  private ColourModesOutput() {}

  /** Images shown by --plot. */
  static final int PLOT_IMAGES = 64;

  /** Pixels per image pixel in --plot's grid. */
  private static final int PLOT_SCALE = 2;

  /** Grey level between --plot's images, which have black backgrounds. */
  private static final float PLOT_PADDING = 0.5f;

  /** Writes {@code count} images of {@code set} to {@code out}, their modes to {@code labels}. */
  static void write(
      ColourModes set, int count, long seed, Path out, Path labels, Path plot, PrintStream stdout)
      throws Exception {
    int size = set.shape().size();
    if (count > Integer.MAX_VALUE / size) {
      throw new UsageError(
          "--count: expected at most " + Integer.MAX_VALUE / size + " images, found " + count);
    }
    ColourModes.Images images = set.sample(count, seed);
    Npy.writeUint8(out, images.pixels(), set.shape().withBatch(count));
    stdout.println(
        "wrote "
            + count
            + " images of "
            + set.name()
            + " ("
            + set.shape().describe()
            + ", uint8) to "
            + out);
    if (labels != null) {
      Npy.writeInt32(labels, images.modes());
      stdout.println("wrote their modes (0-" + (set.modes() - 1) + ") to " + labels);
    }
    if (plot != null) {
      int shown = Math.min(count, PLOT_IMAGES);
      byte[] first = Arrays.copyOf(images.pixels(), shown * size);
      ImageGrid.writePng(ColourModes.toUnit(first), set.shape(), PLOT_SCALE, 0, PLOT_PADDING, plot);
      stdout.println("wrote " + plot);
    }
  }

  /** Measures {@code count} samples of the generator {@code model} on {@code set}'s modes. */
  static void measure(
      ColourModes set, Path model, int count, long seed, Path json, Path plot, PrintStream stdout)
      throws Exception {
    int size = set.shape().size();
    ColourModeTally tally = set.tally();
    float[] shown = new float[Math.min(count, PLOT_IMAGES) * size];
    int[] kept = {0};
    try (GeneratorModel generator = Flags.on("--model", () -> GeneratorModel.load(model))) {
      DataShape shape = generator.sampleShape();
      if (!shape.equals(set.shape())) {
        throw new UsageError(
            "--model "
                + model
                + ": expected a generator of "
                + set.shape().describe()
                + ", found one of "
                + shape.describe());
      }
      if (generator.isConditional()) {
        throw new UsageError(
            "--model "
                + model
                + ": expected an unconditional generator, found a class-conditional one");
      }
      generator.generate(
          count,
          seed,
          GenerateCommand.BATCH,
          (images, rows) -> {
            tally.add(images, rows);
            int room = shown.length / size - kept[0];
            if (room > 0) {
              int take = Math.min(room, rows);
              System.arraycopy(images, 0, shown, kept[0] * size, take * size);
              kept[0] += take;
            }
          });
    }
    ColourModeCoverage coverage = tally.coverage();
    print(coverage, stdout);
    if (json != null) {
      MixtureCommand.writeCoverage(json, model, seed, coverage, stdout);
    }
    if (plot != null) {
      ImageGrid.writePng(shown, set.shape(), PLOT_SCALE, 0, PLOT_PADDING, plot);
      stdout.println("wrote " + plot);
    }
  }

  static void print(ColourModeCoverage c, PrintStream stdout) {
    stdout.println(c.summary());
    stdout.println(
        String.format(
            Locale.ROOT,
            "  high quality: within %.2f of the nearest template (in units of one lit channel of"
                + " the square); covered: at least %d high-quality samples (a quarter of a fair"
                + " share); %d/%d modes with any",
            c.qualityDistance(),
            c.modeMinimum(),
            c.modesReached(),
            c.modes()));
    int[] good = c.perMode();
    int[] nearest = c.nearest();
    List<String> names = c.modeNames();
    int width = names.stream().mapToInt(String::length).max().orElse(0);
    stdout.println(
        String.format(
            Locale.ROOT,
            "  %-" + width + "s  %12s  %7s  %7s",
            "mode",
            "high quality",
            "share",
            "nearest"));
    for (int k = 0; k < c.modes(); k++) {
      stdout.println(
          String.format(
              Locale.ROOT,
              "  %-" + width + "s  %12d  %6.2f%%  %7d%s",
              names.get(k),
              good[k],
              100.0 * good[k] / c.samples(),
              nearest[k],
              good[k] >= c.modeMinimum() ? "" : "  not covered"));
    }
  }
}
