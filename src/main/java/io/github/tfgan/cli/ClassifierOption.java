package io.github.tfgan.cli;

import io.github.tfgan.export.ClassifierModel;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --classifier DIR}: by default the classifier the jar ships, from any directory. */
final class ClassifierOption {
  @Option(
      names = "--classifier",
      paramLabel = "DIR",
      description =
          "Classifier SavedModel (default: the MNIST one shipped in the jar,"
              + " savedmodels/classifier/1). evaluate of other shapes takes one from"
              + " train-classifier --data; without, it measures in data space.")
  Path classifier;

  /** The classifier {@code --classifier} names, or the shipped MNIST one. */
  ClassifierModel load() throws Exception {
    return classifier == null
        ? ClassifierModel.loadBundled()
        : Flags.on("--classifier", () -> ClassifierModel.load(classifier));
  }
}
