package io.github.tfgan.cli;

import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.export.ClassifierInfo;
import io.github.tfgan.run.ModelExports;
import io.github.tfgan.train.ImageClassifierTrainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code train-classifier --data}: an image classifier for labelled images of any shape, trained on
 * nine tenths of the data, its accuracy measured on the held-out tenth, exported with its {@link
 * ClassifierInfo}. Every check on the data runs in the constructor, before any training.
 */
final class ImageClassifierTraining {
  private final DataOptions dataOptions;
  private final Dataset data;
  private final int epochs;
  private final long seed;

  /**
   * @throws UsageError naming {@code --data} or {@code --limit} if the data are no labelled images
   *     of at least two classes
   */
  ImageClassifierTraining(
      DataOptions dataOptions, Dataset loaded, int epochs, long seed, Integer limit) {
    this.dataOptions = dataOptions;
    this.epochs = epochs;
    this.seed = seed;
    String what = Datasets.describe(loaded);
    if (!loaded.shape().isImage()) {
      throw new UsageError(
          "--data: expected labelled images (train-classifier trains an image classifier;"
              + " evaluate measures vectors in data space, with no classifier), found "
              + what);
    }
    if (!loaded.hasLabels()) {
      throw new UsageError(
          "--data: expected labelled images (one sub-folder per class, --labels FILE for a .npy,"
              + " --label-column NAME for a .csv, or IDX label files), found "
              + what);
    }
    if (loaded.classes() < 2) {
      throw new UsageError("--data: expected images of at least 2 classes, found " + what);
    }
    Dataset d = loaded;
    if (limit != null) {
      if (limit < 2 || limit > loaded.size()) {
        throw new UsageError("--limit: expected 2.." + loaded.size() + ", found " + limit);
      }
      d = loaded.first(limit);
    }
    if (d.size() < 2) {
      throw new UsageError(
          "--data: expected at least 2 images (one to train on, one to validate), found " + what);
    }
    this.data = d;
  }

  /**
   * {@code out} itself when its name is a version number (a SavedModel directory of a TF Serving
   * base path), else {@code out/1}.
   */
  static Path versioned(Path out) {
    Path name = out.getFileName();
    return name != null && name.toString().matches("\\d{1,18}") ? out : out.resolve("1");
  }

  /** Trains, prints the losses and the validation accuracy, exports to {@code target}. */
  void run(Path target, boolean force, PrintStream stdout) throws Exception {
    stdout.println("data: " + Datasets.describe(data));
    ImageClassifierTrainer.Split split = ImageClassifierTrainer.split(data.size(), seed);
    long t0 = System.nanoTime();
    try (ImageClassifierTrainer trainer =
        new ImageClassifierTrainer(data.shape(), data.classes(), seed)) {
      double[] losses = trainer.train(data, split.training(), epochs);
      for (int e = 0; e < losses.length; e++) {
        stdout.printf(Locale.ROOT, "epoch %d: mean loss %.4f%n", e + 1, losses[e]);
      }
      double accuracy = trainer.accuracy(data, split.validation());
      stdout.printf(
          Locale.ROOT,
          "validation accuracy: %.4f on %d held-out images (trained on %d, %d epochs, %.0f s)%n",
          accuracy,
          split.validation().length,
          split.training().length,
          epochs,
          (System.nanoTime() - t0) / 1e9);
      ClassifierInfo info =
          ClassifierInfo.of(
              data.shape(),
              data.classNames(),
              dataOptions.data,
              dataOptions.readOptions(),
              split.training().length,
              split.validation().length,
              accuracy);
      Flags.on(
          "--out",
          () -> {
            ModelExports.imageClassifier(trainer, info, target, force);
            return null;
          });
    }
    stdout.println(
        "classifier exported to "
            + target.toAbsolutePath()
            + " ("
            + data.shape().describe()
            + ", classes "
            + String.join(", ", data.classNames())
            + ")");
  }
}
