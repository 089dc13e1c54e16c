package io.github.tfgan.cli;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.eval.Evaluation;
import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.GeneratorModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Evaluates a generator with the field's metrics against references. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Classifier score, class coverage, Frechet distance and Parzen log-likelihood of a"
            + " generator, beside real images and uniform noise.")
final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      required = true,
      description = "Generator SavedModel.")
  Path model;

  @CommandLine.Mixin ClassifierOption classifierOption;

  @Option(names = "--force", description = "Replace an existing --json file.")
  boolean force;

  @Option(
      names = "--samples",
      paramLabel = "N",
      description = "Generated images (default: ${DEFAULT-VALUE}).")
  int samples = 10_000;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Noise seed (default: ${DEFAULT-VALUE}).")
  long seed = GanConfig.DEFAULT_SEED;

  @CommandLine.Mixin DataOptions dataOptions;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the figures as JSON to FILE (default: the table only).")
  Path json;

  @Override
  public Integer call() throws Exception {
    if (samples <= 0) {
      throw new UsageError("--samples: expected a positive number, found " + samples);
    }
    if (json != null) {
      OutputFile.check("--json", json, force);
    }
    PrintStream stdout = GanCli.stdout(spec);
    ImageData train = dataOptions.training(Dataset.MNIST);
    ImageData test = dataOptions.test(Dataset.MNIST);
    List<Evaluation.Figures> figures;
    try (GeneratorModel g = Flags.on("--model", () -> GeneratorModel.load(model));
        ClassifierModel c = classifierOption.load()) {
      figures = Evaluation.run(g, c, train, test, samples, seed);
    }
    Evaluation.print(figures, stdout);
    if (json != null) {
      GanCli.writeJson(json, Map.of("model", model.toString(), "seed", seed, "figures", figures));
      stdout.println("wrote " + json);
    }
    return 0;
  }
}
