package io.github.tfgan.cli;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.eval.ReproductionReport;
import io.github.tfgan.export.ClassifierModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the reproduction report of a run. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Write a Markdown reproduction report (plots, samples, metrics) for a run.")
final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--run", paramLabel = "DIR", required = true, description = "A finished run.")
  Path run;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "The Markdown report; its images go into a sibling directory named after it"
              + " (default: RUN_DIR/report.md).")
  Path out;

  @CommandLine.Mixin ClassifierOption classifierOption;

  @Option(names = "--force", description = "Replace an existing report.")
  boolean force;

  @Option(
      names = "--samples",
      paramLabel = "N",
      description = "Generated images (default: ${DEFAULT-VALUE}).")
  int samples = 10_000;

  @CommandLine.Mixin DataOptions dataOptions;

  @Override
  public Integer call() throws Exception {
    for (String f : List.of("config.json", "summary.json", "metrics.csv")) {
      if (!Files.isRegularFile(run.resolve(f))) {
        throw new IOException(
            "--run " + run + ": expected a finished run with " + f + ", found none");
      }
    }
    if (out == null) {
      out = run.resolve("report.md");
    }
    if (Files.exists(out) && !force) {
      throw new FileAlreadyExistsException("--out " + out, null, "expected no existing report");
    }
    PrintStream stdout = GanCli.stdout(spec);
    try (ClassifierModel c = classifierOption.load()) {
      List<String> verdict =
          ReproductionReport.write(
              run,
              out,
              c,
              dataOptions.training(Dataset.MNIST),
              dataOptions.test(Dataset.MNIST),
              samples,
              GanConfig.DEFAULT_SEED);
      verdict.forEach(stdout::println);
    }
    stdout.println("wrote " + out);
    return 0;
  }
}
