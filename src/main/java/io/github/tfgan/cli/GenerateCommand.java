package io.github.tfgan.cli;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.Npy;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.image.ImageGrid;
import io.github.tfgan.model.MnistShape;
import io.github.tfgan.run.TrainingRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes samples of an exported generator as a PNG grid or a .npy array. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Generate images from an exported generator (PNG grid or .npy [n, 784]).")
final class GenerateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      required = true,
      description = "Generator SavedModel directory.")
  Path model;

  @Option(names = "--count", description = "Number of images (not with --z).")
  Integer count;

  @Option(
      names = "--z",
      paramLabel = "FILE.npy",
      description = "Noise to use, float32 [n, noiseDim] (instead of --count/--seed).")
  Path z;

  @Option(
      names = "--out",
      paramLabel = "FILE.png|FILE.npy",
      required = true,
      description = "Output: a PNG grid, or a .npy float32 [n, 784] in [0, 1].")
  Path out;

  @Option(names = "--seed", description = "Noise seed (default: ${DEFAULT-VALUE}).")
  long seed = GanConfig.DEFAULT_SEED;

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
    int n;
    float[] images;
    try (GeneratorModel generator = Flags.on("--model", () -> GeneratorModel.load(model))) {
      float[] noise;
      if (z != null) {
        Npy.Matrix m = Flags.on("--z", () -> Npy.read(z, generator.noiseDim()));
        noise = m.data();
        n = m.rows();
      } else {
        noise = generator.noise(count, seed);
        n = count;
      }
      images = generator.generate(noise);
    }
    if (kind == GanCli.OutputKind.NPY) {
      Npy.write(out, images, n, MnistShape.PIXELS);
    } else {
      ImageGrid.writePng(images, TrainingRun.GRID_SCALE, out);
    }
    spec.commandLine().getOut().println("wrote " + n + " samples to " + out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
