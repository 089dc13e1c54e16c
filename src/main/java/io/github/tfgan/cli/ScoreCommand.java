package io.github.tfgan.cli;

import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.data.Npy;
import io.github.tfgan.data.ReadOptions;
import io.github.tfgan.export.DiscriminatorModel;
import io.github.tfgan.image.PngImages;
import io.github.tfgan.model.DataShape;
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
      names = {"--images", "--data"},
      paramLabel = "PATH",
      required = true,
      description =
          "What to score, in any form train --data reads (a .npy, a folder of images, a .csv,"
              + " IDX files) or one PNG; of the discriminator's sample shape. Images as uint8, or"
              + " floats in [0, 1].")
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

  @Option(
      names = "--label",
      paramLabel = "K",
      description = "With a class-conditional discriminator: score every sample as class K.")
  Integer label;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description =
          "With a class-conditional discriminator and a .npy --images: each sample's class, a .npy"
              + " of n integers (a folder of images gives its classes itself).")
  Path labels;

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
    DiscriminatorModel.Scores scores;
    int n;
    try (DiscriminatorModel d = Flags.on("--model", () -> DiscriminatorModel.load(model))) {
      Dataset data = open(d.sampleShape());
      float[] x =
          data == null ? Flags.on("--images", () -> PngImages.readDigit(images)) : data.toFloats();
      n = x.length / d.sampleShape().size();
      if (d.isConditional()) {
        int[] classes = classes(data, n);
        scores = Flags.on("--label", () -> d.score(x, classes));
      } else if (label != null || labels != null) {
        throw new UsageError(
            (label != null ? "--label" : "--labels")
                + ": expected a class-conditional discriminator (trained with --conditional),"
                + " found an unconditional one in "
                + model);
      } else {
        scores = Flags.on("--images", () -> d.score(x));
      }
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
        .printf(Locale.ROOT, "scored %d samples: mean D(x) = %.4f; wrote %s%n", n, mean, out);
    spec.commandLine().getOut().flush();
    return 0;
  }

  /** The classes of a conditional discriminator's samples: --label, --labels or the data's. */
  private int[] classes(Dataset data, int n) {
    int[] classes = new int[n];
    if (label != null) {
      java.util.Arrays.fill(classes, label);
    } else if (data != null && data.hasLabels()) {
      for (int i = 0; i < n; i++) {
        classes[i] = data.label(i);
      }
    } else {
      throw new UsageError(
          "--label or --labels: expected the samples' classes for a class-conditional"
              + " discriminator, found none");
    }
    return classes;
  }

  /**
   * The samples of {@code --images} as D takes them: null for a PNG (one MNIST digit), else a .npy
   * of shape {@code [n, ...shape]} (or flat {@code [n, H·W·C]}), or any data set {@link
   * Datasets#open} reads.
   */
  private Dataset open(DataShape shape) throws Exception {
    String name = images.getFileName() == null ? "" : images.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".png") && shape.equals(DataShape.MNIST)) {
      return null;
    }
    ReadOptions options = labels == null ? ReadOptions.NONE : new ReadOptions(labels, null, null);
    Dataset data = Flags.on("--images", () -> Datasets.open(images, options));
    boolean same =
        data.shape().equals(shape)
            || (!data.shape().isImage() && data.shape().size() == shape.size() && shape.isImage());
    if (!same) {
      throw new UsageError(
          "--images "
              + images
              + ": expected samples of shape "
              + shape
              + " (the discriminator's), found "
              + data.shape());
    }
    return data;
  }
}
