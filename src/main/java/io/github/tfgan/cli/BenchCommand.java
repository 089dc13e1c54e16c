package io.github.tfgan.cli;

import io.github.tfgan.bench.Benchmark;
import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.Presets;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.data.OriginalFiles;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures training speed against the Python peer and the floor (matmul or conv). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Training speed of a preset on MNIST: TF Java, the Python peer, the matmul floor (conv"
            + " floor for conv nets). Ends with 'ms/iter: X'.")
final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataOptions dataOptions;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      description = "Iterations before timing (default: ${DEFAULT-VALUE}).")
  int warmup = 100;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      description = "Iterations per timed repeat (default: ${DEFAULT-VALUE}).")
  int iterations = 300;

  @Option(
      names = "--repeats",
      paramLabel = "N",
      description = "Timed repeats (default: ${DEFAULT-VALUE}).")
  int repeats = 7;

  @Option(
      names = "--python",
      paramLabel = "FILE",
      description = "Python with tensorflow for the peer (default: .venv/bin/python if present).")
  Path python;

  @Option(names = "--no-python", description = "Skip the Python peer.")
  boolean noPython;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description =
          "The configuration both sides train: " + Presets.NAMES + " (default: ${DEFAULT-VALUE}).")
  String preset = "article";

  @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure as JSON.")
  Path json;

  @Option(names = "--force", description = "Replace an existing --json file.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    for (var e :
        Map.of("--warmup", warmup, "--iterations", iterations, "--repeats", repeats).entrySet()) {
      if (e.getValue() <= 0) {
        throw new UsageError(e.getKey() + ": expected a positive number, found " + e.getValue());
      }
    }
    if (!Presets.NAMES_LIST.contains(preset)) {
      throw new UsageError("--preset: expected " + Presets.NAMES + ", found '" + preset + "'");
    }
    if (json != null) {
      OutputFile.check("--json", json, force);
    }
    PrintStream stdout = GanCli.stdout(spec);
    ImageData images = dataOptions.training(Dataset.MNIST);
    Path pythonExe = null;
    if (!noPython) {
      pythonExe = python != null ? python : Path.of(".venv", "bin", "python");
      if (!Files.isExecutable(pythonExe)) {
        throw new UsageError(
            "--python: expected a Python with tensorflow (run the tests once to create .venv), found no "
                + pythonExe
                + "; or pass --no-python");
      }
    }
    Path imagesFile =
        dataOptions.data != null ? dataOptions.data : dataOptions.cacheDir.resolve("mnist");
    imagesFile = imagesFile.resolve(OriginalFiles.TRAIN_IMAGES + ".gz");
    Benchmark.Settings settings =
        new Benchmark.Settings(
            preset,
            warmup,
            iterations,
            repeats,
            pythonExe,
            Benchmark.extractPeerScript(),
            imagesFile);
    stdout.println("data: " + images.count() + " images from " + images.source());
    Map<String, Object> report = Benchmark.run(images, settings, stdout);
    if (json != null) {
      GanCli.writeJson(json, report);
    }
    return 0;
  }
}
