package io.github.tfgan.cli;

import io.github.tfgan.data.Npy;
import io.github.tfgan.export.DiscriminatorModel;
import io.github.tfgan.image.PngImages;
import io.github.tfgan.model.MnistShape;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scores images with an exported discriminator. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Score images with an exported discriminator; writes D's probabilities [n, 1].")
final class ScoreCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      required = true,
      description = "Discriminator SavedModel directory.")
  Path model;

  @Option(
      names = "--images",
      paramLabel = "FILE",
      required = true,
      description = "float32 [n, 784] in [0, 1] as .npy, or one 28x28 grey PNG.")
  Path images;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "D's probabilities, float32 [n, 1].")
  Path out;

  @Option(
      names = "--logits-out",
      paramLabel = "FILE",
      description = "Also write D's logits, float32 [n, 1].")
  Path logitsOut;

  @Option(names = "--force", description = "Replace existing --out and --logits-out files.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    if (GanCli.OutputKind.of(out, "--out") != GanCli.OutputKind.NPY) {
      throw new UsageError("--out: expected a .npy file name, found " + out);
    }
    if (logitsOut != null
        && GanCli.OutputKind.of(logitsOut, "--logits-out") != GanCli.OutputKind.NPY) {
      throw new UsageError("--logits-out: expected a .npy file name, found " + logitsOut);
    }
    OutputFile.check("--out", out, force);
    if (logitsOut != null) {
      OutputFile.check("--logits-out", logitsOut, force);
    }
    Npy.Matrix matrix =
        GanCli.OutputKind.of(images, "--images") == GanCli.OutputKind.NPY
            ? Flags.on("--images", () -> Npy.read(images, MnistShape.PIXELS))
            : Flags.on(
                "--images",
                () -> new Npy.Matrix(PngImages.readDigit(images), 1, MnistShape.PIXELS));
    var bad = matrix.firstBadValue(0f, 1f);
    if (bad.isPresent()) {
      throw new java.io.IOException(
          "--images " + images + ": expected pixels in [0, 1], found " + bad.get());
    }
    float[] x = matrix.data();
    int n = x.length / MnistShape.PIXELS;
    DiscriminatorModel.Scores scores;
    try (DiscriminatorModel d = Flags.on("--model", () -> DiscriminatorModel.load(model))) {
      scores = d.score(x);
    }
    Npy.write(out, scores.probability(), n, 1);
    if (logitsOut != null) {
      Npy.write(logitsOut, scores.logits(), n, 1);
    }
    double mean = 0;
    for (float p : scores.probability()) {
      mean += p / n;
    }
    spec.commandLine()
        .getOut()
        .printf(Locale.ROOT, "scored %d images: mean D(x) = %.4f; wrote %s%n", n, mean, out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
