package io.github.tfgan.cli;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.DatasetLoader;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.image.ImageGrid;
import io.github.tfgan.model.ModelSummary;
import io.github.tfgan.model.NetworkSpec;
import io.github.tfgan.train.TrainingRun;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar target/gan.jar COMMAND}: summary, train, generate. */
@Command(
    name = "gan",
    mixinStandardHelpOptions = true,
    description = "A TensorFlow Java port of the article's MNIST GAN.",
    subcommands = {GanCli.Summary.class, GanCli.Train.class, GanCli.Generate.class})
public final class GanCli implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the CLI in-process (tests call this) and returns the exit code: 0 on success, 1 on an
   * error in the run, 2 on bad usage.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new GanCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + ex.getMessage());
          return 1;
        });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** Prints every layer with its output shape and parameter count, and the totals. */
  @Command(
      name = "summary",
      mixinStandardHelpOptions = true,
      description = "Print both networks' layers and parameter counts.")
  static final class Summary implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--noise-dim", description = "Width of z (default: ${DEFAULT-VALUE}).")
    int noiseDim = GanConfig.ARTICLE_NOISE_DIM;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      NetworkSpec g = NetworkSpec.generator(noiseDim);
      NetworkSpec d = NetworkSpec.discriminator();
      out.print(ModelSummary.of(g));
      out.println();
      out.print(ModelSummary.of(d));
      out.println();
      out.printf(Locale.ROOT, "Generator total: %,d%n", g.parameterCount());
      out.printf(Locale.ROOT, "Discriminator total: %,d%n", d.parameterCount());
      out.flush();
      return 0;
    }
  }

  /** Trains with the article's defaults and writes a run directory. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = "Train the GAN (defaults: the article's settings).")
  static final class Train implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--data",
        paramLabel = "DIR",
        description = "Directory with the IDX files (default: cache, fetched if missing).")
    Path data;

    @Option(
        names = "--dataset",
        paramLabel = "mnist|fashion",
        description = "Data set (default: mnist).")
    String dataset = "mnist";

    @Option(names = "--iterations", description = "Iterations (default: ${DEFAULT-VALUE}).")
    int iterations = GanConfig.ARTICLE_ITERATIONS;

    @Option(names = "--batch-size", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize = GanConfig.ARTICLE_BATCH_SIZE;

    @Option(
        names = "--learning-rate",
        description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate = GanConfig.ARTICLE_LEARNING_RATE;

    @Option(
        names = "--seed",
        description = "Seed for initialisation, noise and shuffling (default: ${DEFAULT-VALUE}).")
    long seed = GanConfig.DEFAULT_SEED;

    @Option(names = "--log-every", description = "Log line interval (default: ${DEFAULT-VALUE}).")
    int logEvery = GanConfig.ARTICLE_LOG_EVERY;

    @Option(
        names = "--sample-every",
        description = "Sample grid interval, 0 = end only (default: ${DEFAULT-VALUE}).")
    int sampleEvery = GanConfig.DEFAULT_SAMPLE_EVERY;

    @Option(
        names = "--lr-decay-rate",
        description =
            "Multiply the learning rate by this every --lr-decay-steps; 1 = off (default).")
    float lrDecayRate = 1f;

    @Option(
        names = "--lr-decay-steps",
        description = "Iterations per decay period (default: ${DEFAULT-VALUE}).")
    int lrDecaySteps = 1000;

    @Option(
        names = "--clip-norm",
        description = "Clip each network's gradients to this global norm; 0 = off (default).")
    float clipNorm = 0f;

    @Option(
        names = "--real-label",
        description =
            "D's target for real images; 0.9 = one-sided label smoothing; 1 = off (default).")
    float realLabel = 1f;

    @Option(
        names = "--limit",
        paramLabel = "N",
        description = "Train on the first N images only (default: all).")
    Integer limit;

    @Option(
        names = "--cache-dir",
        paramLabel = "DIR",
        description =
            "Where fetched data is kept (default: ${GAN_CACHE_DIR} or ~/.cache/tf-java-gan).")
    Path cacheDir = DatasetLoader.DEFAULT_CACHE;

    @Option(
        names = "--out",
        paramLabel = "RUN_DIR",
        description = "New run directory (default: runs/<date-time>).")
    Path out;

    @Override
    public Integer call() throws Exception {
      PrintStream stdout =
          new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
      GanConfig config =
          GanConfig.builder()
              .dataset(Dataset.parse(dataset))
              .iterations(iterations)
              .batchSize(batchSize)
              .learningRate(learningRate)
              .seed(seed)
              .logEvery(logEvery)
              .sampleEvery(sampleEvery)
              .learningRateDecay(lrDecayRate, lrDecaySteps)
              .clipNorm(clipNorm)
              .realLabel(realLabel)
              .build();
      Path runDir =
          out != null
              ? out
              : Path.of(
                  "runs",
                  LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      TrainingRun.checkNewRunDir(runDir);
      ImageData images =
          new DatasetLoader(cacheDir, stdout::println).loadTraining(config.dataset(), data);
      if (limit != null) {
        if (limit <= 0 || limit > images.count()) {
          throw new IllegalArgumentException(
              "--limit: expected 1.." + images.count() + ", found " + limit);
        }
        images = images.head(limit);
      }
      TrainingRun.execute(config, images, runDir, stdout);
      return 0;
    }
  }

  /** Writes a PNG grid of samples from an exported generator. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = "Generate a PNG grid from an exported generator.")
  static final class Generate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--model",
        paramLabel = "DIR",
        required = true,
        description = "Generator SavedModel directory.")
    Path model;

    @Option(names = "--count", required = true, description = "Number of images.")
    int count;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "Output PNG.")
    Path out;

    @Option(names = "--seed", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed = GanConfig.DEFAULT_SEED;

    @Override
    public Integer call() throws Exception {
      if (count <= 0) {
        throw new IllegalArgumentException("--count: expected a positive number, found " + count);
      }
      if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
        throw new IllegalArgumentException("--out: expected a .png file name, found " + out);
      }
      try (GeneratorModel generator = GeneratorModel.load(model)) {
        float[] images = generator.generate(generator.noise(count, seed));
        ImageGrid.writePng(images, TrainingRun.GRID_SCALE, out);
      }
      spec.commandLine().getOut().println("wrote " + count + " samples to " + out);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
