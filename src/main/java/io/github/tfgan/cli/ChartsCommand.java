package io.github.tfgan.cli;

import io.github.tfgan.bench.Charts;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code charts}: the docs' speed and quality charts, drawn from measured results. */
@Command(
    name = "charts",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Draw the speed chart (from bench --json files) and the quality chart (from evaluate"
            + " --json files) as PNGs.")
final class ChartsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--bench",
      paramLabel = "FILE",
      description =
          "A bench --json result, one panel each (default: the latest pair,"
              + " bench-article-0.8-fifth.json and bench-stable-0.8-fifth.json in"
              + " docs/results/bench).")
  List<Path> bench;

  @Option(
      names = "--evaluation",
      paramLabel = "LABEL=FILE",
      description =
          "An evaluate --json result and its label, one bar each (default: the article's"
              + " reference run and the stable preset's 0.9.0 run in docs/results).")
  Map<String, Path> evaluations;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where speed.png and quality.png go (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("runs", "charts");

  @Override
  public Integer call() throws Exception {
    if (bench == null) {
      bench =
          List.of(
              Path.of("docs/results/bench/bench-article-0.8-fifth.json"),
              Path.of("docs/results/bench/bench-stable-0.8-fifth.json"));
    }
    if (evaluations == null) {
      evaluations = new LinkedHashMap<>();
      evaluations.put(
          "article's settings (reference run)", Path.of("docs/results/evaluation-article.json"));
      evaluations.put("stable preset, 0.9.0", Path.of("docs/results/evaluation-stable-0.9.json"));
    }
    for (Path file : bench) {
      if (!Files.isRegularFile(file)) {
        throw new UsageError("--bench: expected a bench --json file, found no file " + file);
      }
    }
    for (Path file : evaluations.values()) {
      if (!Files.isRegularFile(file)) {
        throw new UsageError(
            "--evaluation: expected an evaluate --json file, found no file " + file);
      }
    }
    PrintStream stdout = GanCli.stdout(spec);
    Files.createDirectories(out);
    Charts.speed(bench, out.resolve("speed.png"));
    Charts.quality(evaluations, out.resolve("quality.png"));
    stdout.println("wrote " + out.resolve("speed.png") + " and " + out.resolve("quality.png"));
    return 0;
  }
}
