package io.github.tfgan.cli;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import io.github.tfgan.data.ReadOptions;
import io.github.tfgan.eval.Evaluation;
import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.run.Publisher;
import io.github.tfgan.run.RunDirectory;
import io.github.tfgan.run.RunRecord;
import io.github.tfgan.run.TrainingRun;
import io.github.tfgan.train.TrainerOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code train}: trains with a preset and flags on top, or resumes a run; writes a run directory.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = TrainCommand.ConfigOptions.class,
    customSynopsis = {
      "gan train [--data PATH] [OPTION]... [--out DIR [--overwrite]]",
      "gan train --resume DIR [--shards N]",
      "          [--export DIR [--model-version N] [--force]]"
    },
    description = {
      "Train a GAN into a run directory: metrics, sample grids, checkpoints, TensorBoard events"
          + " and both networks as SavedModels. Defaults: the article's settings; where the"
          + " presets differ, each preset's value is shown."
    })
final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandSpec spec;

  @CommandLine.Mixin DataOptions dataOptions;

  @Option(
      names = "--preset",
      paramLabel = "article|stable|vectors",
      description =
          "Start from a named configuration (docs/presets.md): article (the default on MNIST,"
              + " the article's settings), stable (the same network trained to digits of all ten"
              + " classes; the default on your own images) or vectors (the default on your own"
              + " vector data); other flags override single values.")
  String preset = Presets.NAMES_LIST.get(0);

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Train on the first N images only (default: all).")
  Integer limit;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "New run directory (default: runs/<date-time>).")
  Path out;

  @Option(
      names = "--overwrite",
      description =
          "With --out: replace an existing run directory (one with a config.json; any other"
              + " non-empty directory is still refused).")
  boolean overwrite;

  @Option(
      names = "--resume",
      paramLabel = "DIR",
      description = "Continue the run in DIR from its latest checkpoint, with its own config.")
  Path resume;

  @Option(
      names = "--export",
      paramLabel = "DIR",
      description =
          "Also publish both models to DIR/generator/N and DIR/discriminator/N (N:"
              + " --model-version) with a manifest, as TF Serving's model base paths.")
  Path export;

  @Option(
      names = "--model-version",
      paramLabel = "N",
      description = "Version directory for --export (default: ${DEFAULT-VALUE}).")
  int modelVersion = 1;

  @Option(names = "--force", description = "With --export: replace an existing version.")
  boolean force;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description =
          "Split each batch into N row blocks that train side by side, one thread per op on two"
              + " cores (default: ${DEFAULT-VALUE}); 1 = one block on TensorFlow's threads, the"
              + " step up to 0.6.0, whose losses it repeats bit for bit. Speed only: the same"
              + " gradients, added in another order (docs/benchmarks.md).")
  int shards = TrainerOptions.DEFAULT_SHARDS;

  /** Adds one option per row of {@link TrainFlags}, with each preset's value in its help. */
  static final class ConfigOptions implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      for (TrainFlags.Flag flag : TrainFlags.FLAGS) {
        OptionSpec.Builder option =
            OptionSpec.builder(flag.name())
                .description(flag.description() + " " + TrainFlags.defaults(flag));
        if (flag.label() == null) {
          option.type(boolean.class).arity("0").negatable(true);
        } else {
          option.paramLabel(flag.label()).type(String.class);
        }
        spec.addOption(option.build());
      }
      return spec;
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintStream stdout = GanCli.stdout(spec);
    TrainerOptions options = trainerOptions(); // checked before any work
    if (resume != null) {
      return resumeRun(stdout, options);
    }
    GanConfig config = configFromFlags();
    if (overwrite && out == null) {
      throw new UsageError("--overwrite: expected it with --out DIR, found no --out");
    }
    Path runDir = out != null ? out : RunDirectory.timestamped(TrainingRun.DEFAULT_PARENT).root();
    Flags.on(
        "--out",
        () -> {
          RunDirectory dir = new RunDirectory(runDir);
          if (overwrite) {
            dir.checkReplaceable();
          } else {
            dir.checkNew();
          }
          return null;
        });
    String version = checkedVersion();
    checkExportTarget(version);
    io.github.tfgan.data.Dataset images = dataOptions.trainingData(config.dataset());
    if (dataOptions.ownData(images)) {
      config = ownDataConfig(images, stdout);
    }
    if (limit != null) {
      if (limit <= 0 || limit > images.size()) {
        throw new UsageError("--limit: expected 1.." + images.size() + ", found " + limit);
      }
      images = images.first(limit);
    }
    TrainingRun run;
    try {
      run =
          TrainingRun.create(
              config,
              images,
              runDir,
              overwrite ? TrainingRun.IfExists.OVERWRITE : TrainingRun.IfExists.REFUSE);
    } catch (IllegalArgumentException e) {
      throw new UsageError(TrainFlags.inFlags(e.getMessage()));
    } catch (java.io.IOException e) {
      throw new java.io.IOException("--out " + GanCli.describe(e), e);
    }
    run.dataDirectory(dataOptions.data)
        .readOptions(dataOptions.readOptions())
        .options(options)
        .terminal(stdout)
        .stopOnInterrupt(true)
        .run();
    publishIfAsked(runDir, version, stdout);
    return 0;
  }

  /**
   * The config of a run on the user's own data: {@code --dataset} does not apply; without {@code
   * --preset}, the preset is the one for the data's kind ({@link Presets#forData}), and the flags
   * go on top of it.
   */
  private GanConfig ownDataConfig(io.github.tfgan.data.Dataset data, PrintStream stdout) {
    if (given("--dataset")) {
      throw new UsageError(
          "--dataset: expected it only for the built-in sets, found it with --data "
              + dataOptions.data
              + " (your own data)");
    }
    String chosen = given("--preset") ? preset : Presets.forData(data.shape());
    if (!given("--preset")) {
      stdout.println(
          "preset: "
              + chosen
              + " (chosen for "
              + data.shape().describe()
              + "; --preset to choose another)");
    }
    return configFromFlags(chosen).toBuilder().dataset(Dataset.CUSTOM).build();
  }

  /** The execution options {@code --shards} asks for, checked before any work. */
  private TrainerOptions trainerOptions() {
    if (shards < 1) {
      throw new UsageError("--shards: expected 1 or more, found " + shards);
    }
    return TrainerOptions.sharded(shards);
  }

  private boolean given(String flag) {
    return spec.commandLine().getParseResult().hasMatchedOption(flag);
  }

  /** The preset, then every flag given on the command line on top of it. */
  private GanConfig configFromFlags() {
    return configFromFlags(preset);
  }

  /** Preset {@code name}, then every flag given on the command line on top of it. */
  private GanConfig configFromFlags(String name) {
    GanConfig.Builder builder;
    try {
      builder = Presets.named(name).toBuilder();
    } catch (IllegalArgumentException e) {
      throw UsageError.of("--preset", e);
    }
    for (TrainFlags.Flag flag : TrainFlags.FLAGS) {
      if (given(flag.name())) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        String value =
            flag.label() == null
                ? String.valueOf(parsed.matchedOptionValue(flag.name(), Boolean.TRUE))
                : parsed.matchedOptionValue(flag.name(), "");
        try {
          flag.set().accept(builder, value);
        } catch (IllegalArgumentException e) {
          throw UsageError.of(flag.name(), e);
        }
      }
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new UsageError(TrainFlags.inFlags(e.getMessage()));
    }
  }

  /**
   * Before any work: {@code --export} can take the version (not a file, no version unless forced).
   */
  private void checkExportTarget(String version) throws Exception {
    if (export != null) {
      Flags.on(
          "--export",
          () -> {
            Publisher.checkTarget(export, version, force);
            return null;
          });
    }
  }

  private String checkedVersion() {
    if (modelVersion <= 0) {
      throw new UsageError("--model-version: expected a positive number, found " + modelVersion);
    }
    return Integer.toString(modelVersion);
  }

  private int resumeRun(PrintStream stdout, TrainerOptions options) throws Exception {
    for (String flag : TrainFlags.runDefining()) {
      if (given(flag)) {
        throw new UsageError(
            flag + ": expected no value with --resume (the run's own config is used), found one");
      }
    }
    String version = checkedVersion();
    RunRecord record = Flags.on("--resume", () -> RunRecord.read(new RunDirectory(resume)));
    checkExportTarget(version);
    if (TrainingRun.isFinished(resume) && export != null) {
      publishIfAsked(resume, version, stdout); // a finished run is published (again) as it is
      return 0;
    }
    Path dataDir = dataOptions.data != null ? dataOptions.data : record.dataDirectory();
    io.github.tfgan.data.Dataset images;
    if (record.config().dataset() == Dataset.CUSTOM) {
      ReadOptions read =
          dataOptions.data != null ? dataOptions.readOptions() : record.readOptions();
      images = dataOptions.open(dataDir, read);
    } else {
      images =
          Flags.on(
              "--data",
              () -> dataOptions.loader().loadTraining(record.config().dataset(), dataDir));
    }
    if (record.dataImages() > 0 && record.dataImages() < images.size()) {
      images = images.first(record.dataImages()); // the run was made with --limit
    }
    io.github.tfgan.data.Dataset data = images;
    TrainingRun run = Flags.on("--resume", () -> TrainingRun.resume(resume, data));
    run.options(options).terminal(stdout).stopOnInterrupt(true).run();
    publishIfAsked(resume, version, stdout);
    return 0;
  }

  /** The generator's classifier score and classes for the manifest (MNIST runs only). */
  private static Publisher.Quality quality(Path runDir) throws Exception {
    RunRecord record = RunRecord.read(new RunDirectory(runDir));
    if (record.config().dataset() != Dataset.MNIST) {
      return new Publisher.Quality(
          null, null, null, "not measured: the bundled classifier knows MNIST's digits only");
    }
    try (GeneratorModel g = GeneratorModel.load(new RunDirectory(runDir).generator());
        ClassifierModel c = ClassifierModel.loadBundled()) {
      return Evaluation.quality(g, c, QUALITY_SAMPLES, GanConfig.DEFAULT_SEED);
    }
  }

  /** Samples scored for the manifest's quality figures (about 2 s here). */
  static final int QUALITY_SAMPLES = 10_000;

  private void publishIfAsked(Path runDir, String version, PrintStream stdout) throws Exception {
    if (export != null) {
      // originalArgs() holds the whole command line, the subcommand's name included.
      String command =
          "bin/gan " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
      Publisher.Quality quality = quality(runDir);
      Flags.on(
          "--export", () -> Publisher.publish(runDir, export, version, force, command, quality));
      stdout.println("published models and manifest.json to " + export.toAbsolutePath());
    }
  }
}
