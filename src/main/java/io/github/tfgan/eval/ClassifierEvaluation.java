package io.github.tfgan.eval;

import io.github.tfgan.data.Dataset;
import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.GeneratorModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code evaluate --classifier DIR} for images of any shape: a generator's samples measured in the
 * feature space of a classifier trained on labelled data of that shape ({@code train-classifier
 * --data}), beside real images (the ceiling) and uniform noise (the floor). Every set has {@code n}
 * images and is measured against {@code n} other real images of the data (the reference):
 *
 * <ul>
 *   <li>classifier score, exp(E[KL(p(y|x) ‖ p(y))]), at most the number of classes K;
 *   <li>class coverage: classes with at least {@link Evaluation#COVERAGE_SHARE} of the images;
 *   <li>Fréchet distance between the classifier's 128 penultimate features of the set and of the
 *       reference;
 *   <li>precision and recall (Kynkäänniemi et al. 2019) in those features, {@link
 *       Evaluation#NEIGHBOURS}-NN balls.
 * </ul>
 *
 * MNIST's evaluation, with its Parzen window and the MNIST test set, is {@link Evaluation}.
 */
public final class ClassifierEvaluation {
  private static final Logger LOG = LoggerFactory.getLogger(ClassifierEvaluation.class);

  private ClassifierEvaluation() {}

  /**
   * The figures of one set of images.
   *
   * @param classShares each class's share of the images, by the classifier's most probable class
   * @param coveredClasses classes with at least {@link Evaluation#COVERAGE_SHARE} of the images
   */
  public record Figures(
      String name,
      double classifierScore,
      double[] classShares,
      int coveredClasses,
      double frechetDistance,
      double precision,
      double recall) {}

  /**
   * An evaluation's figures and what they were measured with.
   *
   * @param classNames the classifier's classes, in the order of {@link Figures#classShares}
   * @param data where the real images came from
   * @param samples images per set, and in the reference
   */
  public record Result(List<String> classNames, String data, int samples, List<Figures> figures) {}

  /**
   * Evaluates {@code generator} with {@code samples} images drawn from {@code seed}, and the two
   * references with as many, against {@code samples} other real images of {@code data}.
   *
   * @throws IllegalArgumentException naming both shapes if the generator, the classifier and the
   *     data disagree, or naming {@code --samples} if the data hold fewer than {@code 2 × samples}
   */
  public static Result run(
      GeneratorModel generator, ClassifierModel classifier, Dataset data, int samples, long seed) {
    check(generator, classifier, data);
    RealSamples real = RealSamples.draw(data, samples, seed);
    int width = classifier.featureWidth();
    float[] referenceFeatures = classifier.run(real.reference()).features();
    double[] reference = Evaluation.flat(referenceFeatures, samples * width);
    double[][] referenceRows = Evaluation.rows(referenceFeatures, width);

    List<String> names = List.of("generator", "real images", "uniform noise");
    double[] range =
        data.encoding() == Dataset.Encoding.PIXELS
            ? new double[] {0, 1}
            : RealSamples.range(real.reference());
    int d = data.shape().size();
    List<float[]> sets =
        List.of(
            generator.sample(samples, seed),
            real.heldOut(),
            RealSamples.uniform(samples, d, range[0], range[1], seed));
    List<Figures> figures = new ArrayList<>();
    try (KnnBalls knn = new KnnBalls()) {
      for (int k = 0; k < sets.size(); k++) {
        LOG.info("evaluating {} ({} images)", names.get(k), samples);
        ClassifierModel.Outputs o = classifier.run(sets.get(k));
        double[][] p = Evaluation.rows(o.probabilities(), classifier.classes());
        double[] shares = Evaluation.shares(p);
        double fid =
            GanMetrics.frechetDistance(Evaluation.rows(o.features(), width), referenceRows);
        GanMetrics.PrecisionRecall pr =
            knn.precisionRecall(
                reference,
                samples,
                Evaluation.flat(o.features(), samples * width),
                samples,
                width,
                Evaluation.NEIGHBOURS);
        figures.add(
            new Figures(
                names.get(k),
                GanMetrics.classifierScore(p),
                shares,
                GanMetrics.coveredClasses(shares, Evaluation.COVERAGE_SHARE),
                fid,
                pr.precision(),
                pr.recall()));
      }
    }
    return new Result(classifier.classNames(), data.source(), samples, figures);
  }

  /**
   * Checks that the generator's samples, the classifier's images and the data have one shape.
   *
   * @throws IllegalArgumentException naming both shapes of the first pair that differ
   */
  public static void check(GeneratorModel generator, ClassifierModel classifier, Dataset data) {
    if (!generator.sampleShape().equals(classifier.shape())) {
      throw new IllegalArgumentException(
          "generator: expected samples of the classifier's shape "
              + classifier.shape()
              + ", found "
              + generator.sampleShape()
              + " ("
              + generator.sampleShape().describe()
              + ")");
    }
    if (data != null && !data.shape().equals(classifier.shape())) {
      throw new IllegalArgumentException(
          data.source()
              + ": expected images of the classifier's shape "
              + classifier.shape()
              + ", found "
              + data.shape()
              + " ("
              + data.shape().describe()
              + ")");
    }
  }

  /** Prints the figures as a table, each column's better direction under its name. */
  public static void print(Result result, PrintStream out) {
    List<Figures> figures = result.figures();
    int classes = result.classNames().size();
    out.printf(
        Locale.ROOT,
        "%nin the classifier's features (%d classes), each set of %d images against %d other"
            + " real images of %s%n",
        classes,
        result.samples(),
        result.samples(),
        result.data());
    out.printf(
        Locale.ROOT,
        "%n%-22s %10s %9s %10s %10s %9s%n",
        "",
        "score",
        "classes",
        "Frechet",
        "precision",
        "recall");
    out.printf(
        Locale.ROOT,
        "%-22s %10s %9s %10s %10s %9s%n",
        "(better: ↑ higher)",
        "↑",
        "↑ (≥5%)",
        "↓",
        "↑",
        "↑");
    String covered = "%" + (6 - Integer.toString(classes).length()) + "d/" + classes;
    for (Figures f : figures) {
      out.printf(
          Locale.ROOT,
          "%-22s %10.3f %9s %10.3f %10.3f %9.3f%n",
          f.name(),
          f.classifierScore(),
          String.format(Locale.ROOT, covered, f.coveredClasses()),
          f.frechetDistance(),
          f.precision(),
          f.recall());
    }
    for (Figures f : figures) {
      StringBuilder sb =
          new StringBuilder(String.format(Locale.ROOT, "%-22s class shares:", f.name()));
      for (int c = 0; c < classes; c++) {
        sb.append(
            String.format(
                Locale.ROOT,
                "%s %s %.1f%%",
                c == 0 ? "" : ",",
                result.classNames().get(c),
                100 * f.classShares()[c]));
      }
      out.println(sb);
    }
  }
}
