package io.github.tfgan.cli;

import io.github.tfgan.bench.MemoryCheck;
import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains and prints resident memory after warm-up and along the run. */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Train at the article's settings and print resident memory (heap and native).")
final class MemoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataOptions dataOptions;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "Iterations (default: ${DEFAULT-VALUE}).")
  int iterations = GanConfig.ARTICLE_ITERATIONS;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description = "Baseline reading after this iteration (default: ${DEFAULT-VALUE}).")
  int warmup = 1000;

  @Option(
      names = "--every",
      paramLabel = "N",
      description = "Reading interval (default: ${DEFAULT-VALUE}).")
  int every = 1000;

  @Override
  public Integer call() throws Exception {
    if (warmup <= 0 || warmup > iterations || every <= 0) {
      throw new UsageError(
          "--warmup/--every: expected 0 < warmup <= iterations and every > 0, found "
              + warmup
              + "/"
              + every
              + " with "
              + iterations
              + " iterations");
    }
    PrintStream stdout = GanCli.stdout(spec);
    ImageData images = dataOptions.training(Dataset.MNIST);
    MemoryCheck.run(images, warmup, iterations, every, stdout);
    return 0;
  }
}
