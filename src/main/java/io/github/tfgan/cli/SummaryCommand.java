package io.github.tfgan.cli;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.export.ArchitectureFile;
import io.github.tfgan.model.DataScaling;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.ModelSummary;
import io.github.tfgan.model.NetworkSpec;
import io.github.tfgan.run.RunDirectory;
import io.github.tfgan.run.RunRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints every layer with its output shape and parameter count, and the totals. */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Print both networks' layers and parameter counts: of a run (--run), of an export"
            + " (--model), or of --net on --shape (default: the article's nets on MNIST).")
final class SummaryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--noise-dim",
      paramLabel = "N",
      description = "Width of z (default: ${DEFAULT-VALUE}).")
  int noiseDim = GanConfig.ARTICLE_NOISE_DIM;

  @Option(
      names = "--net",
      paramLabel = "SPEC",
      description =
          "Networks, mlp:W1,W2,... or dcgan:W[:bn][:clustersK] (default: ${DEFAULT-VALUE}).")
  String net = NetworkSpec.ARTICLE_NET;

  @Option(
      names = "--classes",
      paramLabel = "K",
      description = "Class-conditional networks of K classes (as train --conditional builds).")
  Integer classes;

  @Option(
      names = "--shape",
      paramLabel = "HxWxC|D",
      description = "One sample's shape, e.g. 32x32x3 or 2 (default: 28x28x1).")
  String shape;

  @Option(names = "--run", paramLabel = "DIR", description = "A run directory: its architecture.")
  Path run;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "An exported G or D (0.10 on): its architecture.")
  Path model;

  @Override
  public Integer call() throws Exception {
    GanArchitecture arch = architecture();
    PrintWriter out = spec.commandLine().getOut();
    out.print(ModelSummary.of(arch.generator()));
    out.println();
    out.print(ModelSummary.of(arch.discriminator()));
    out.println();
    out.printf(Locale.ROOT, "Samples: %s, %s%n", arch.shape(), arch.scaling().describe());
    out.printf(Locale.ROOT, "Generator total: %,d%n", arch.generator().parameterCount());
    out.printf(Locale.ROOT, "Discriminator total: %,d%n", arch.discriminator().parameterCount());
    out.flush();
    return 0;
  }

  private GanArchitecture architecture() throws Exception {
    if (run != null && model != null) {
      throw new UsageError("--run, --model: expected at most one, found both");
    }
    if (run != null) {
      return Flags.on("--run", () -> RunRecord.read(new RunDirectory(run)).architecture());
    }
    if (model != null) {
      GanArchitecture arch = Flags.on("--model", () -> ArchitectureFile.readIfPresent(model));
      if (arch == null) {
        throw new UsageError(
            "--model "
                + model
                + ": expected an export with "
                + "assets.extra/architecture.json (0.10 on), found none");
      }
      return arch;
    }
    DataShape sampleShape = shape == null ? DataShape.MNIST : parseShape(shape);
    try {
      if (shape == null && net.equals(NetworkSpec.ARTICLE_NET) && classes == null) {
        return GanArchitecture.article(noiseDim);
      }
      DataScaling scaling =
          sampleShape.isImage()
              ? DataScaling.SYMMETRIC
              : DataScaling.standard(new float[sampleShape.size()], ones(sampleShape.size()));
      GanArchitecture arch = GanArchitecture.of(net, noiseDim, sampleShape, scaling, false);
      if (classes != null && classes < 2) {
        throw new UsageError("--classes: expected at least 2, found " + classes);
      }
      return classes == null ? arch : arch.conditional(classes);
    } catch (IllegalArgumentException e) {
      throw UsageError.of("--net", e);
    }
  }

  private static float[] ones(int n) {
    float[] v = new float[n];
    Arrays.fill(v, 1f);
    return v;
  }

  /** "32x32x3" → an image; "2" → a vector. */
  static DataShape parseShape(String text) {
    try {
      String[] parts = text.toLowerCase(Locale.ROOT).split("x", -1);
      if (parts.length == 3) {
        return DataShape.image(
            Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      }
      if (parts.length == 1) {
        return DataShape.vector(Integer.parseInt(parts[0]));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new UsageError(
        "--shape: expected HxWxC (e.g. 32x32x3) or a feature count (e.g. 2), found '" + text + "'");
  }
}
