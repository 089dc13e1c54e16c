package io.github.tfgan.cli;

import static io.github.tfgan.config.Dataset.CUSTOM;
import static io.github.tfgan.config.Dataset.MNIST;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.eval.ClassifierEvaluation;
import io.github.tfgan.eval.DataSpaceEvaluation;
import io.github.tfgan.eval.Evaluation;
import io.github.tfgan.eval.LabelAccuracy;
import io.github.tfgan.export.ClassifierInfo;
import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.DataShape;
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

/**
 * Evaluates a generator with the field's metrics against references, in one of three ways: MNIST's
 * (28x28 generators, the shipped classifier or another MNIST one, the MNIST test set); in the
 * features of a classifier trained by {@code train-classifier --data} (images of its shape); or in
 * data space (vectors, and images with no classifier).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Classifier score, class coverage, Frechet distance, precision/recall and (MNIST) Parzen"
            + " log-likelihood of a generator, beside real images and uniform noise. Other image"
            + " shapes: with --classifier from train-classifier --data; vectors, and images"
            + " without a classifier: Frechet distance and precision/recall in data space.")
final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      required = true,
      description = "Generator SavedModel.")
  Path model;

  @CommandLine.Mixin ClassifierOption classifierOption;

  @Option(names = "--force", description = "Replace an existing --json file.")
  boolean force;

  @Option(
      names = "--samples",
      paramLabel = "N",
      description =
          "Samples per set (default: 10000; other data: at most half the data, and at most 2000"
              + " in data space when a sample has over 1024 values).")
  Integer samples;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Noise seed (default: ${DEFAULT-VALUE}).")
  long seed = GanConfig.DEFAULT_SEED;

  @CommandLine.Mixin DataOptions dataOptions;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Also write the figures as JSON to FILE (default: the table only).")
  Path json;

  @Override
  public Integer call() throws Exception {
    if (samples != null && samples <= 0) {
      throw new UsageError("--samples: expected a positive number, found " + samples);
    }
    if (json != null) {
      OutputFile.check("--json", json, force);
    }
    PrintStream stdout = GanCli.stdout(spec);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("model", model.toString());
    record.put("seed", seed);
    try (GeneratorModel g = Flags.on("--model", () -> GeneratorModel.load(model))) {
      DataShape shape = g.sampleShape();
      if (classifierOption.classifier != null) {
        try (ClassifierModel c = classifierOption.load()) {
          record.put("classifier", classifierOption.classifier.toString());
          if (c.info() != null) {
            withClassifier(g, c, stdout, record);
          } else if (shape.equals(DataShape.MNIST)) {
            mnist(g, c, stdout, record);
          } else {
            throw new UsageError(
                "--classifier "
                    + classifierOption.classifier
                    + ": expected a classifier of the generator's shape "
                    + shape
                    + " (--model), found MNIST's, of "
                    + c.shape()
                    + "; train one with train-classifier --data");
          }
        }
      } else if (shape.equals(DataShape.MNIST) && dataOptions.builtInOrIdx()) {
        try (ClassifierModel c = classifierOption.load()) {
          mnist(g, c, stdout, record);
        }
      } else {
        inDataSpace(g, stdout, record);
      }
    }
    if (json != null) {
      GanCli.writeJson(json, record);
      stdout.println("wrote " + json);
    }
    return 0;
  }

  /** Today's MNIST evaluation (with precision and recall added). */
  private void mnist(
      GeneratorModel g, ClassifierModel c, PrintStream stdout, Map<String, Object> record)
      throws Exception {
    ImageData train = dataOptions.training(MNIST);
    ImageData test = dataOptions.test(MNIST);
    int n = samples == null ? DataSpaceEvaluation.SAMPLES : samples;
    List<Evaluation.Figures> figures = Evaluation.run(g, c, train, test, n, seed);
    Evaluation.print(figures, stdout);
    record.put("figures", figures);
    labelAccuracy(g, c, n, stdout, record);
  }

  /** A conditional generator's samples per label, classified: as many samples, split by class. */
  private static void labelAccuracy(
      GeneratorModel g, ClassifierModel c, int n, PrintStream stdout, Map<String, Object> record) {
    if (!g.isConditional()) {
      return;
    }
    LabelAccuracy accuracy = LabelAccuracy.of(g, c, Math.max(1, n / g.classes()), seed(record));
    accuracy.print(stdout);
    record.put("label_accuracy", accuracy);
  }

  private static long seed(Map<String, Object> record) {
    return ((Number) record.get("seed")).longValue();
  }

  /** In the features of a classifier of {@code train-classifier --data}. */
  private void withClassifier(
      GeneratorModel g, ClassifierModel c, PrintStream stdout, Map<String, Object> record)
      throws Exception {
    if (!g.sampleShape().equals(c.shape())) {
      throw new UsageError(
          "--model "
              + model
              + ": expected samples of the classifier's shape "
              + c.shape()
              + " (--classifier "
              + classifierOption.classifier
              + "), found "
              + g.sampleShape()
              + " ("
              + g.sampleShape().describe()
              + ")");
    }
    var data = realData(c.info());
    if (!data.shape().equals(c.shape())) {
      throw new UsageError(
          "--data "
              + data.source()
              + ": expected images of the classifier's shape "
              + c.shape()
              + " (--classifier "
              + classifierOption.classifier
              + "), found "
              + data.shape()
              + " ("
              + data.shape().describe()
              + ")");
    }
    int n =
        samples == null ? (int) Math.min(DataSpaceEvaluation.SAMPLES, data.size() / 2) : samples;
    checkSamples(n, data);
    stdout.println("real images: " + Datasets.describe(data));
    ClassifierEvaluation.Result result = ClassifierEvaluation.run(g, c, data, n, seed);
    ClassifierEvaluation.print(result, stdout);
    record.put("evaluation", result);
    labelAccuracy(g, c, n, stdout, record);
  }

  /** The real images: {@code --data}, else the classifier's recorded training data. */
  private Dataset realData(ClassifierInfo info) throws Exception {
    if (dataOptions.data != null) {
      return dataOptions.trainingData(CUSTOM);
    }
    Path recorded = info.dataPath();
    if (recorded == null || !Files.exists(recorded)) {
      throw new UsageError(
          "--data: expected the real images (the classifier's training data), found none: "
              + (recorded == null
                  ? "--classifier " + classifierOption.classifier + " records no data"
                  : "the recorded " + recorded + " is missing")
              + "; give --data PATH");
    }
    return Flags.on(
        "--data (recorded by --classifier)", () -> Datasets.open(recorded, info.readOptions()));
  }

  /** Vectors, and images without a classifier: in data space. */
  private void inDataSpace(GeneratorModel g, PrintStream stdout, Map<String, Object> record)
      throws Exception {
    DataShape shape = g.sampleShape();
    if (dataOptions.data == null) {
      throw new UsageError(
          "--data: expected the data the generator was trained on (its "
              + shape.describe()
              + " are measured against real samples), found none");
    }
    var data = dataOptions.trainingData(CUSTOM);
    if (!data.shape().equals(shape)) {
      throw new UsageError(
          "--data "
              + dataOptions.data
              + ": expected samples of the generator's shape "
              + shape
              + " (--model "
              + model
              + "), found "
              + data.shape()
              + " ("
              + data.shape().describe()
              + ")");
    }
    if (shape.isImage()) {
      stdout.println(
          "no --classifier for "
              + shape.describe()
              + ": measured in data space; for the classifier score, class coverage and"
              + " learned features, train one: gan train-classifier --data PATH");
    }
    int n = samples == null ? DataSpaceEvaluation.defaultSamples(data) : samples;
    checkSamples(n, data);
    stdout.println("real samples: " + Datasets.describe(data));
    DataSpaceEvaluation.Result result = DataSpaceEvaluation.run(g, data, n, seed);
    DataSpaceEvaluation.print(result, stdout);
    record.put("evaluation", result);
  }

  /** Each set has {@code n} samples, the reference {@code n} others: the data need 2n. */
  private static void checkSamples(int n, Dataset data) {
    int least = Evaluation.NEIGHBOURS + 1;
    if (n < least || 2L * n > data.size()) {
      throw new UsageError(
          "--samples: expected "
              + least
              + " to "
              + data.size() / 2
              + " (each set is measured against as many other real samples, and --data holds "
              + data.size()
              + "), found "
              + n);
    }
  }
}
