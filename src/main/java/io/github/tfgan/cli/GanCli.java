package io.github.tfgan.cli;

import io.github.tfgan.bench.Benchmark;
import io.github.tfgan.bench.MemoryCheck;
import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.LossKind;
import io.github.tfgan.config.Presets;
import io.github.tfgan.data.DatasetLoader;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.data.Npy;
import io.github.tfgan.eval.ClassifierTrainer;
import io.github.tfgan.eval.Evaluation;
import io.github.tfgan.eval.ReproductionReport;
import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.DiscriminatorModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.image.ImageGrid;
import io.github.tfgan.image.PngImages;
import io.github.tfgan.io.Directories;
import io.github.tfgan.model.ModelSummary;
import io.github.tfgan.model.NetworkSpec;
import io.github.tfgan.runtime.NativeSetup;
import io.github.tfgan.train.TrainingRun;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar target/gan.jar COMMAND}: summary, train, generate, score. */
@Command(
    name = "gan",
    mixinStandardHelpOptions = true,
    description = "A TensorFlow Java port of the article's MNIST GAN.",
    subcommands = {
      GanCli.Summary.class,
      GanCli.Train.class,
      GanCli.Generate.class,
      GanCli.Score.class,
      GanCli.Bench.class,
      GanCli.Memory.class,
      GanCli.TrainClassifier.class,
      GanCli.Evaluate.class,
      GanCli.Report.class
    })
public final class GanCli implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Before any TensorFlow class loads its native library, which reads the setting once.
    NativeSetup.enableOneDnn();
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

    @CommandLine.Mixin DataOptions dataOptions;

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
        names = "--out",
        paramLabel = "RUN_DIR",
        description = "New run directory (default: runs/<date-time>).")
    Path out;

    @Option(
        names = "--loss",
        paramLabel = "standard|least-squares",
        description = "Objective on D's logits (default: standard, the article's).")
    String loss;

    @Option(
        names = "--g-learning-rate",
        description = "G's own learning rate (two time-scale updates); default: --learning-rate.")
    Float gLearningRate;

    @Option(names = "--beta1", description = "Adam beta1 (default: 0.9, TF1's).")
    Float beta1;

    @Option(
        names = "--r1-gamma",
        description =
            "Weight of the R1 gradient penalty on real images in D's loss; 0 = off (default).")
    Float r1Gamma;

    @Option(
        names = "--ema-decay",
        description =
            "Samples and exports use a moving average of G's weights with this decay; 0 = off"
                + " (default).")
    Float emaDecay;

    @Option(
        names = "--preset",
        paramLabel = "article|stable",
        description =
            "Start from a named configuration: article (the default, the article's settings) or"
                + " stable (trains to all ten digits; README, \"Presets\"); other flags override"
                + " it.")
    String preset = "article";

    @Option(
        names = "--checkpoint-every",
        description = "Checkpoint interval, 0 = never (default: ${DEFAULT-VALUE}).")
    int checkpointEvery = GanConfig.DEFAULT_CHECKPOINT_EVERY;

    @Option(
        names = "--keep-checkpoints",
        description = "Checkpoints kept (default: ${DEFAULT-VALUE}).")
    int keepCheckpoints = GanConfig.DEFAULT_KEEP_CHECKPOINTS;

    @Option(
        names = "--resume",
        paramLabel = "RUN_DIR",
        description = "Continue RUN_DIR from its latest checkpoint with the run's own config.")
    Path resume;

    /**
     * Flags that define a run: with --resume the run's own values are used, so these are refused.
     */
    private static final List<String> RUN_DEFINING_FLAGS =
        List.of(
            "--dataset",
            "--iterations",
            "--batch-size",
            "--learning-rate",
            "--seed",
            "--log-every",
            "--sample-every",
            "--lr-decay-rate",
            "--lr-decay-steps",
            "--clip-norm",
            "--real-label",
            "--loss",
            "--g-learning-rate",
            "--beta1",
            "--r1-gamma",
            "--ema-decay",
            "--preset",
            "--checkpoint-every",
            "--keep-checkpoints",
            "--limit",
            "--out");

    @Option(
        names = "--export",
        paramLabel = "BASE_DIR",
        description =
            "Also publish both models to BASE_DIR/{generator,discriminator}/VERSION with a manifest.")
    Path export;

    @Option(
        names = "--model-version",
        paramLabel = "N",
        description = "Version directory for --export (default: ${DEFAULT-VALUE}).")
    int modelVersion = 1;

    @Option(names = "--force", description = "With --export: replace an existing version.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      PrintStream stdout = stdout(spec);
      if (resume != null) {
        return resumeRun(stdout);
      }
      GanConfig config = configFromFlags();
      Path runDir =
          out != null
              ? out
              : Path.of(
                  "runs",
                  LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      TrainingRun.checkNewRunDir(runDir);
      if (modelVersion <= 0) {
        throw new IllegalArgumentException(
            "--model-version: expected a positive number, found " + modelVersion);
      }
      String version = Integer.toString(modelVersion);
      if (export != null) {
        Directories.checkReplaceable(export.resolve("generator").resolve(version), force);
        Directories.checkReplaceable(export.resolve("discriminator").resolve(version), force);
      }
      ImageData images =
          dataOptions.loader(stdout).loadTraining(config.dataset(), dataOptions.data);
      if (limit != null) {
        if (limit <= 0 || limit > images.count()) {
          throw new IllegalArgumentException(
              "--limit: expected 1.." + images.count() + ", found " + limit);
        }
        images = images.head(limit);
      }
      TrainingRun.execute(config, images, dataOptions.data, runDir, stdout);
      publishIfAsked(runDir, version, stdout);
      return 0;
    }

    private boolean given(String flag) {
      return spec.commandLine().getParseResult().hasMatchedOption(flag);
    }

    /** The preset, then every flag given on the command line on top of it. */
    private GanConfig configFromFlags() {
      Map<String, Consumer<GanConfig.Builder>> setters = new LinkedHashMap<>();
      setters.put("--dataset", b -> b.dataset(Dataset.parse(dataset)));
      setters.put("--iterations", b -> b.iterations(iterations));
      setters.put("--batch-size", b -> b.batchSize(batchSize));
      setters.put("--learning-rate", b -> b.learningRate(learningRate));
      setters.put("--g-learning-rate", b -> b.generatorLearningRate(gLearningRate));
      setters.put("--beta1", b -> b.beta1(beta1));
      setters.put("--loss", b -> b.loss(LossKind.parse(loss)));
      setters.put("--r1-gamma", b -> b.r1Gamma(r1Gamma));
      setters.put("--ema-decay", b -> b.emaDecay(emaDecay));
      setters.put("--seed", b -> b.seed(seed));
      setters.put("--log-every", b -> b.logEvery(logEvery));
      setters.put("--sample-every", b -> b.sampleEvery(sampleEvery));
      setters.put("--lr-decay-rate", b -> b.learningRateDecay(lrDecayRate, lrDecaySteps));
      setters.put("--lr-decay-steps", b -> b.learningRateDecay(lrDecayRate, lrDecaySteps));
      setters.put("--clip-norm", b -> b.clipNorm(clipNorm));
      setters.put("--real-label", b -> b.realLabel(realLabel));
      setters.put("--checkpoint-every", b -> b.checkpointEvery(checkpointEvery));
      setters.put("--keep-checkpoints", b -> b.keepCheckpoints(keepCheckpoints));
      GanConfig.Builder builder = Presets.named(preset).toBuilder();
      setters.forEach(
          (flag, set) -> {
            if (given(flag)) {
              set.accept(builder);
            }
          });
      return builder.build();
    }

    private int resumeRun(PrintStream stdout) throws Exception {
      for (String flag : RUN_DEFINING_FLAGS) {
        if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
          throw new IllegalArgumentException(
              flag + ": expected no value with --resume (the run's own config is used), found one");
        }
      }
      GanConfig config = TrainingRun.readConfig(resume);
      Path dataDir = dataOptions.data != null ? dataOptions.data : TrainingRun.readDataDir(resume);
      ImageData images = dataOptions.loader(stdout).loadTraining(config.dataset(), dataDir);
      int recorded = TrainingRun.readDataCount(resume);
      if (recorded > 0 && recorded < images.count()) {
        images = images.head(recorded); // the run was made with --limit
      }
      TrainingRun.resume(resume, images, stdout);
      publishIfAsked(resume, Integer.toString(modelVersion), stdout);
      return 0;
    }

    private void publishIfAsked(Path runDir, String version, PrintStream stdout) throws Exception {
      if (export != null) {
        // originalArgs() holds the whole command line, the subcommand's name included.
        String command =
            "java -jar target/gan.jar "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        TrainingRun.publish(runDir, export, version, force, command);
        stdout.println("published models and manifest.json to " + export.toAbsolutePath());
      }
    }
  }

  /** Writes samples of an exported generator as a PNG grid or a .npy array. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = "Generate images from an exported generator (PNG grid or .npy [n, 784]).")
  static final class Generate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--model",
        paramLabel = "DIR",
        required = true,
        description = "Generator SavedModel directory.")
    Path model;

    @Option(names = "--count", description = "Number of images (not with --z).")
    Integer count;

    @Option(
        names = "--z",
        paramLabel = "FILE.npy",
        description = "Noise to use, float32 [n, noiseDim] (instead of --count/--seed).")
    Path z;

    @Option(
        names = "--out",
        paramLabel = "FILE.png|FILE.npy",
        required = true,
        description = "Output: a PNG grid, or a .npy float32 [n, 784] in [0, 1].")
    Path out;

    @Option(names = "--seed", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed = GanConfig.DEFAULT_SEED;

    @Override
    public Integer call() throws Exception {
      OutputKind kind = OutputKind.of(out, "--out");
      if ((count == null) == (z == null)) {
        throw new IllegalArgumentException(
            "--count or --z: expected exactly one, found " + (z == null ? "neither" : "both"));
      }
      if (count != null && count <= 0) {
        throw new IllegalArgumentException("--count: expected a positive number, found " + count);
      }
      int n;
      float[] images;
      try (GeneratorModel generator = GeneratorModel.load(model)) {
        float[] noise;
        if (z != null) {
          Npy.Matrix m = Npy.read(z, generator.noiseDim());
          noise = m.data();
          n = m.rows();
        } else {
          noise = generator.noise(count, seed);
          n = count;
        }
        images = generator.generate(noise);
      }
      if (kind == OutputKind.NPY) {
        Npy.write(out, images, n, ImageData.PIXELS);
      } else {
        ImageGrid.writePng(images, TrainingRun.GRID_SCALE, out);
      }
      spec.commandLine().getOut().println("wrote " + n + " samples to " + out);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** Scores images with an exported discriminator. */
  @Command(
      name = "score",
      mixinStandardHelpOptions = true,
      description = "Score images with an exported discriminator; writes D's probabilities [n, 1].")
  static final class Score implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--model",
        paramLabel = "DIR",
        required = true,
        description = "Discriminator SavedModel directory.")
    Path model;

    @Option(
        names = "--images",
        paramLabel = "FILE.npy|FILE.png",
        required = true,
        description = "float32 [n, 784] in [0, 1] as .npy, or one 28x28 grey PNG.")
    Path images;

    @Option(
        names = "--out",
        paramLabel = "FILE.npy",
        required = true,
        description = "D's probabilities, float32 [n, 1].")
    Path out;

    @Option(
        names = "--logits-out",
        paramLabel = "FILE.npy",
        description = "Also write D's logits, float32 [n, 1].")
    Path logitsOut;

    @Override
    public Integer call() throws Exception {
      if (OutputKind.of(out, "--out") != OutputKind.NPY) {
        throw new IllegalArgumentException("--out: expected a .npy file name, found " + out);
      }
      float[] x =
          OutputKind.of(images, "--images") == OutputKind.NPY
              ? Npy.read(images, ImageData.PIXELS).data()
              : PngImages.readDigit(images);
      int n = x.length / ImageData.PIXELS;
      DiscriminatorModel.Scores scores;
      try (DiscriminatorModel d = DiscriminatorModel.load(model)) {
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

  /** Measures training speed against the Python peer and the matrix-multiply floor. */
  @Command(
      name = "bench",
      mixinStandardHelpOptions = true,
      description =
          "Training speed at the article's settings on MNIST: TF Java, the Python peer, the matmul"
              + " floor. Ends with 'ms/iter: X'.")
  static final class Bench implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin DataOptions dataOptions;

    @Option(
        names = "--warmup",
        description = "Iterations before timing (default: ${DEFAULT-VALUE}).")
    int warmup = 100;

    @Option(
        names = "--iterations",
        description = "Iterations per timed repeat (default: ${DEFAULT-VALUE}).")
    int iterations = 300;

    @Option(names = "--repeats", description = "Timed repeats (default: ${DEFAULT-VALUE}).")
    int repeats = 7;

    @Option(
        names = "--python",
        paramLabel = "EXE",
        description = "Python with tensorflow for the peer (default: .venv/bin/python if present).")
    Path python;

    @Option(names = "--no-python", description = "Skip the Python peer.")
    boolean noPython;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write every figure as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
      for (var e :
          Map.of("--warmup", warmup, "--iterations", iterations, "--repeats", repeats).entrySet()) {
        if (e.getValue() <= 0) {
          throw new IllegalArgumentException(
              e.getKey() + ": expected a positive number, found " + e.getValue());
        }
      }
      PrintStream stdout = stdout(spec);
      DatasetLoader loader = dataOptions.loader(stdout);
      ImageData images = loader.loadTraining(Dataset.MNIST, dataOptions.data);
      Path pythonExe = null;
      if (!noPython) {
        pythonExe = python != null ? python : Path.of(".venv", "bin", "python");
        if (!Files.isExecutable(pythonExe)) {
          throw new IllegalArgumentException(
              "--python: expected a Python with tensorflow (run the tests once to create .venv), found no "
                  + pythonExe
                  + "; or pass --no-python");
        }
      }
      Path imagesFile =
          dataOptions.data != null ? dataOptions.data : dataOptions.cacheDir.resolve("mnist");
      imagesFile = imagesFile.resolve(DatasetLoader.TRAIN_IMAGES + ".gz");
      Benchmark.Settings settings =
          new Benchmark.Settings(
              warmup,
              iterations,
              repeats,
              pythonExe,
              Path.of("bench", "python_peer.py"),
              imagesFile);
      stdout.println("data: " + images.count() + " images from " + images.source());
      Map<String, Object> report = Benchmark.run(images, settings, stdout);
      if (json != null) {
        writeJson(json, report);
      }
      return 0;
    }
  }

  /** Trains and prints resident memory after warm-up and along the run. */
  @Command(
      name = "memory",
      mixinStandardHelpOptions = true,
      description = "Train at the article's settings and print resident memory (heap and native).")
  static final class Memory implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin DataOptions dataOptions;

    @Option(names = "--iterations", description = "Iterations (default: ${DEFAULT-VALUE}).")
    int iterations = GanConfig.ARTICLE_ITERATIONS;

    @Option(
        names = "--warmup",
        description = "Baseline reading after this iteration (default: ${DEFAULT-VALUE}).")
    int warmup = 1000;

    @Option(names = "--every", description = "Reading interval (default: ${DEFAULT-VALUE}).")
    int every = 1000;

    @Override
    public Integer call() throws Exception {
      if (warmup <= 0 || warmup > iterations || every <= 0) {
        throw new IllegalArgumentException(
            "--warmup/--every: expected 0 < warmup <= iterations and every > 0, found "
                + warmup
                + "/"
                + every
                + " with "
                + iterations
                + " iterations");
      }
      PrintStream stdout = stdout(spec);
      ImageData images = dataOptions.loader(stdout).loadTraining(Dataset.MNIST, dataOptions.data);
      MemoryCheck.run(images, warmup, iterations, every, stdout);
      return 0;
    }
  }

  /** Trains the evaluation classifier and exports it. */
  @Command(
      name = "train-classifier",
      mixinStandardHelpOptions = true,
      description =
          "Train the MNIST classifier that evaluate uses, report its test accuracy, export it.")
  static final class TrainClassifier implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin DataOptions dataOptions;

    @Option(
        names = "--epochs",
        description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
    int epochs = 4;

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = GanConfig.DEFAULT_SEED;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N images only.")
    Integer limit;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "SavedModel directory (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("savedmodels", "classifier", "1");

    @Option(names = "--force", description = "Replace an existing export.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      if (epochs <= 0) {
        throw new IllegalArgumentException("--epochs: expected a positive number, found " + epochs);
      }
      Directories.checkReplaceable(out.toAbsolutePath(), force);
      PrintStream stdout = stdout(spec);
      DatasetLoader loader = dataOptions.loader(stdout);
      ImageData train = loader.loadTraining(Dataset.MNIST, dataOptions.data);
      if (limit != null) {
        train = train.head(limit);
      }
      ImageData test = loader.loadTest(Dataset.MNIST, dataOptions.data);
      long t0 = System.nanoTime();
      try (ClassifierTrainer trainer = new ClassifierTrainer(seed)) {
        trainer.train(train, epochs, stdout::println);
        double accuracy = trainer.accuracy(test);
        stdout.printf(
            Locale.ROOT,
            "test accuracy: %.4f on %d images (%d epochs, %.0f s)%n",
            accuracy,
            test.count(),
            epochs,
            (System.nanoTime() - t0) / 1e9);
        trainer.export(out, force);
      }
      stdout.println("classifier exported to " + out.toAbsolutePath());
      return 0;
    }
  }

  /** Evaluates a generator with the field's metrics against references. */
  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description =
          "Classifier score, class coverage, Frechet distance and Parzen log-likelihood of a"
              + " generator, beside real images and uniform noise.")
  static final class Evaluate implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--model",
        paramLabel = "DIR",
        required = true,
        description = "Generator SavedModel.")
    Path model;

    @Option(
        names = "--classifier",
        paramLabel = "DIR",
        description = "Classifier SavedModel (default: ${DEFAULT-VALUE}).")
    Path classifier = Path.of("savedmodels", "classifier", "1");

    @Option(names = "--samples", description = "Generated images (default: ${DEFAULT-VALUE}).")
    int samples = 10_000;

    @Option(names = "--seed", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed = GanConfig.DEFAULT_SEED;

    @CommandLine.Mixin DataOptions dataOptions;

    @Option(
        names = "--json",
        paramLabel = "FILE",
        description = "Where the figures go as JSON (default: ${DEFAULT-VALUE}).")
    Path json = Path.of("evaluation.json");

    @Override
    public Integer call() throws Exception {
      if (samples <= 0) {
        throw new IllegalArgumentException(
            "--samples: expected a positive number, found " + samples);
      }
      PrintStream stdout = stdout(spec);
      DatasetLoader loader = dataOptions.loader(stdout);
      ImageData train = loader.loadTraining(Dataset.MNIST, dataOptions.data);
      ImageData test = loader.loadTest(Dataset.MNIST, dataOptions.data);
      List<Evaluation.Figures> figures;
      try (GeneratorModel g = GeneratorModel.load(model);
          ClassifierModel c = ClassifierModel.load(classifier)) {
        figures = Evaluation.run(g, c, train, test, samples, seed, stdout);
      }
      writeJson(json, Map.of("model", model.toString(), "seed", seed, "figures", figures));
      stdout.println("wrote " + json);
      return 0;
    }
  }

  /** Writes the reproduction report of a run. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = "Write a Markdown reproduction report (plots, samples, metrics) for a run.")
  static final class Report implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--run",
        paramLabel = "RUN_DIR",
        required = true,
        description = "A finished run.")
    Path run;

    @Option(
        names = "--out",
        paramLabel = "FILE.md",
        description = "Report (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("docs", "reproduction.md");

    @Option(
        names = "--classifier",
        paramLabel = "DIR",
        description = "Classifier (default: ${DEFAULT-VALUE}).")
    Path classifier = Path.of("savedmodels", "classifier", "1");

    @Option(names = "--samples", description = "Generated images (default: ${DEFAULT-VALUE}).")
    int samples = 10_000;

    @CommandLine.Mixin DataOptions dataOptions;

    @Override
    public Integer call() throws Exception {
      for (String f : List.of("config.json", "summary.json", "metrics.csv")) {
        if (!Files.isRegularFile(run.resolve(f))) {
          throw new IllegalArgumentException(
              "--run " + run + ": expected a finished run with " + f + ", found none");
        }
      }
      PrintStream stdout = stdout(spec);
      DatasetLoader loader = dataOptions.loader(stdout);
      try (ClassifierModel c = ClassifierModel.load(classifier)) {
        ReproductionReport.write(
            run,
            out,
            c,
            loader.loadTraining(Dataset.MNIST, dataOptions.data),
            loader.loadTest(Dataset.MNIST, dataOptions.data),
            samples,
            GanConfig.DEFAULT_SEED,
            stdout);
      }
      stdout.println("wrote " + out);
      return 0;
    }
  }

  /** {@code --data} and {@code --cache-dir}, shared by every command that reads MNIST. */
  static final class DataOptions {
    @Option(
        names = "--data",
        paramLabel = "DIR",
        description = "Directory with the IDX files (default: the cache, fetched if missing).")
    Path data;

    @Option(
        names = "--cache-dir",
        paramLabel = "DIR",
        description =
            "Where fetched data is kept (default: $GAN_CACHE_DIR if set, else ~/.cache/tf-java-gan).")
    Path cacheDir = DatasetLoader.DEFAULT_CACHE;

    DatasetLoader loader(PrintStream log) {
      return new DatasetLoader(cacheDir, log::println);
    }
  }

  /** The command's standard output as the {@link PrintStream} the library logs to. */
  static PrintStream stdout(CommandLine.Model.CommandSpec spec) {
    return new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
  }

  /** Writes {@code value} as pretty-printed JSON, atomically. */
  static void writeJson(Path file, Object value) throws java.io.IOException {
    Directories.writeAtomically(
        file,
        new com.google.gson.GsonBuilder()
            .setPrettyPrinting()
            .create()
            .toJson(value)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The file kinds the CLI reads and writes, by extension. */
  enum OutputKind {
    PNG,
    NPY;

    static OutputKind of(Path file, String flag) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".png")) {
        return PNG;
      }
      if (name.endsWith(".npy")) {
        return NPY;
      }
      throw new IllegalArgumentException(
          flag + ": expected a .png or .npy file name, found " + file);
    }
  }
}
