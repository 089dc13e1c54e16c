package io.github.tfgan.cli;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.io.Directories;
import io.github.tfgan.run.ModelExports;
import io.github.tfgan.train.ClassifierTrainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the evaluation classifier and exports it: MNIST's (no {@code --data}, or 28x28 IDX files),
 * or one for labelled images of any shape ({@code --data}).
 */
@Command(
    name = "train-classifier",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Train the classifier that evaluate uses, report its accuracy, export it: MNIST's"
            + " (test accuracy), or with --data one for labelled images of any shape (accuracy"
            + " on a held-out tenth; the export records the classes and the data).")
final class TrainClassifierCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin DataOptions dataOptions;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
  int epochs = 4;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = GanConfig.DEFAULT_SEED;

  @Option(names = "--limit", paramLabel = "N", description = "Train on the first N images only.")
  Integer limit;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "SavedModel directory (default: ${DEFAULT-VALUE}). With --data, a DIR not named by a"
              + " version number gets one: DIR/1 (TF Serving layout).")
  Path out = Path.of("runs", "classifier", "1");

  @Option(names = "--force", description = "Replace an existing export.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    if (epochs <= 0) {
      throw new UsageError("--epochs: expected a positive number, found " + epochs);
    }
    PrintStream stdout = GanCli.stdout(spec);
    if (dataOptions.data != null) {
      var data = dataOptions.trainingData(Dataset.MNIST);
      if (dataOptions.ownData(data)) {
        ImageClassifierTraining training =
            new ImageClassifierTraining(dataOptions, data, epochs, seed, limit);
        Path target = ImageClassifierTraining.versioned(out);
        checkOut(target);
        training.run(target, force, stdout);
        return 0;
      }
    }
    checkOut(out);
    ImageData train = dataOptions.training(Dataset.MNIST);
    if (limit != null) {
      if (limit <= 0 || limit > train.count()) {
        throw new UsageError("--limit: expected 1.." + train.count() + ", found " + limit);
      }
      train = train.head(limit);
    }
    ImageData test = dataOptions.test(Dataset.MNIST);
    long t0 = System.nanoTime();
    try (ClassifierTrainer trainer = new ClassifierTrainer(seed)) {
      double[] losses = trainer.train(train, epochs);
      for (int e = 0; e < losses.length; e++) {
        stdout.printf(Locale.ROOT, "epoch %d: mean loss %.4f%n", e + 1, losses[e]);
      }
      double accuracy = trainer.accuracy(test);
      stdout.printf(
          Locale.ROOT,
          "test accuracy: %.4f on %d images (%d epochs, %.0f s)%n",
          accuracy,
          test.count(),
          epochs,
          (System.nanoTime() - t0) / 1e9);
      ModelExports.classifier(trainer, out, force);
    }
    stdout.println("classifier exported to " + out.toAbsolutePath());
    return 0;
  }

  private void checkOut(Path target) throws Exception {
    Flags.on(
        "--out",
        () -> {
          Directories.checkReplaceable(target.toAbsolutePath(), force);
          return null;
        });
  }
}
