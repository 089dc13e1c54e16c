package io.github.tfgan.eval;

import io.github.tfgan.data.ImageData;
import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.MnistClassifier;
import io.github.tfgan.model.MnistShape;
import io.github.tfgan.model.SeedStreams;
import io.github.tfgan.run.Publisher;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code evaluate} on MNIST: the metrics of {@link GanMetrics} for a generator's samples and for
 * two references, real training images (the ceiling) and uniform noise (the floor), all against the
 * MNIST test set, with precision and recall in the classifier's features beside them. Other shapes:
 * {@link ClassifierEvaluation} (images, with a classifier of their shape) and {@link
 * DataSpaceEvaluation} (vectors, and images without one).
 */
public final class Evaluation {
  /** σ candidates for the Parzen window, chosen among by cross-validation. */
  public static final double[] SIGMAS = {
    0.05, 0.08, 0.1, 0.13, 0.16, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 1.0
  };

  /** Validation points used to choose σ: the last 1,000 training images, never a reference. */
  public static final int VALIDATION = 1000;

  /** A class counts as covered at this share of the samples. */
  public static final double COVERAGE_SHARE = 0.05;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Evaluation.class);

  private Evaluation() {}

  /** Nearest neighbour that sets the radius of each ball of precision and recall (the paper's). */
  public static final int NEIGHBOURS = 3;

  /**
   * The figures of one set of images; {@code precision} and {@code recall} (Kynkäänniemi et al.
   * 2019, {@link #NEIGHBOURS}-NN balls in the classifier's features) against as many test images.
   */
  public record Figures(
      String name,
      int images,
      double classifierScore,
      double[] classShares,
      int coveredClasses,
      double frechetDistance,
      double parzenSigma,
      double parzenLogLikelihood,
      double parzenStandardError,
      double precision,
      double recall) {

    /** Figures without precision and recall (NaN), as before 0.10. */
    public Figures(
        String name,
        int images,
        double classifierScore,
        double[] classShares,
        int coveredClasses,
        double frechetDistance,
        double parzenSigma,
        double parzenLogLikelihood,
        double parzenStandardError) {
      this(
          name,
          images,
          classifierScore,
          classShares,
          coveredClasses,
          frechetDistance,
          parzenSigma,
          parzenLogLikelihood,
          parzenStandardError,
          Double.NaN,
          Double.NaN);
    }

    /**
     * The row's values in {@code pattern} (name, score, covered classes, Fréchet distance, Parzen
     * mean, its standard error, σ), for the table here and the report's.
     */
    public String formatted(String pattern) {
      return String.format(
          Locale.ROOT,
          pattern,
          name,
          classifierScore,
          coveredClasses,
          frechetDistance,
          parzenLogLikelihood,
          parzenStandardError,
          parzenSigma);
    }
  }

  /**
   * The figures a published generator's manifest records ({@link Publisher.Quality}): the
   * classifier score and the classes with at least 5% of {@code samples} images drawn from {@code
   * seed}. Needs no data set, only the classifier.
   */
  public static Publisher.Quality quality(
      GeneratorModel generator, ClassifierModel classifier, int samples, long seed) {
    float[] probabilities = classifier.run(generator.sample(samples, seed)).probabilities();
    double[][] p = rows(probabilities, MnistClassifier.CLASSES);
    double score = GanMetrics.classifierScore(p);
    int classes = GanMetrics.coveredClasses(shares(p), COVERAGE_SHARE);
    return new Publisher.Quality(
        Math.round(score * 1000) / 1000.0,
        classes,
        samples,
        "the bundled MNIST classifier on "
            + samples
            + " samples from seed "
            + seed
            + " (real MNIST: score 9.77, 10 classes); full figures: gan evaluate --model DIR");
  }

  /**
   * Evaluates {@code generator} with {@code samples} images drawn from {@code seed}, and the two
   * references with as many images.
   *
   * @param train the MNIST training set (references and the validation split for σ)
   * @param test the MNIST test set
   */
  public static List<Figures> run(
      GeneratorModel generator,
      ClassifierModel classifier,
      ImageData train,
      ImageData test,
      int samples,
      long seed) {
    if (!classifier.shape().equals(DataShape.MNIST)
        || classifier.classes() != MnistClassifier.CLASSES
        || !generator.sampleShape().equals(DataShape.MNIST)) {
      throw new IllegalArgumentException(
          "classifier, generator: expected MNIST's 28x28x1 images and 10 classes, found a"
              + " classifier of "
              + classifier.shape()
              + " and "
              + classifier.classes()
              + " classes and a generator of "
              + generator.sampleShape()
              + " (other shapes: ClassifierEvaluation, DataSpaceEvaluation)");
    }
    if (train.count() < samples + VALIDATION) {
      throw new IllegalArgumentException(
          "--samples: expected at most "
              + (train.count() - VALIDATION)
              + " (the last "
              + VALIDATION
              + " training images are the validation split), found "
              + samples);
    }
    float[] validation =
        Arrays.copyOfRange(
            train.pixels(),
            (train.count() - VALIDATION) * MnistShape.PIXELS,
            train.count() * MnistShape.PIXELS);
    ClassifierModel.Outputs testOut = classifier.run(test.pixels());
    double[][] testFeatures = rows(testOut.features(), MnistClassifier.FEATURES);
    int paired = Math.min(samples, test.count());
    double[] realPaired = flat(testOut.features(), paired * MnistClassifier.FEATURES);

    List<float[]> sets = new ArrayList<>();
    List<String> names = new ArrayList<>();
    names.add("generator");
    sets.add(generator.sample(samples, seed));
    names.add("real training images");
    sets.add(Arrays.copyOf(train.pixels(), samples * MnistShape.PIXELS));
    names.add("uniform noise");
    float[] noise = new float[samples * MnistShape.PIXELS];
    SeedStreams.Generator random =
        new SeedStreams(seed).generator(SeedStreams.UNIFORM_REFERENCE, 0);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) random.nextDouble();
    }
    sets.add(noise);

    List<Figures> figures = new ArrayList<>();
    try (ParzenWindow parzen = new ParzenWindow();
        KnnBalls knn = new KnnBalls()) {
      for (int k = 0; k < sets.size(); k++) {
        float[] images = sets.get(k);
        LOG.info("evaluating {} ({} images)", names.get(k), samples);
        ClassifierModel.Outputs o = classifier.run(images);
        double[][] p = rows(o.probabilities(), MnistClassifier.CLASSES);
        double[] shares = shares(p);
        double fid =
            GanMetrics.frechetDistance(rows(o.features(), MnistClassifier.FEATURES), testFeatures);
        double bestSigma = SIGMAS[0];
        double best = Double.NEGATIVE_INFINITY;
        for (double sigma : SIGMAS) {
          double v =
              parzen
                  .logLikelihood(images, samples, validation, VALIDATION, MnistShape.PIXELS, sigma)
                  .mean();
          if (v > best) {
            best = v;
            bestSigma = sigma;
          }
        }
        GanMetrics.LogLikelihood ll =
            parzen.logLikelihood(
                images, samples, test.pixels(), test.count(), MnistShape.PIXELS, bestSigma);
        GanMetrics.PrecisionRecall pr =
            knn.precisionRecall(
                realPaired,
                paired,
                flat(o.features(), paired * MnistClassifier.FEATURES),
                paired,
                MnistClassifier.FEATURES,
                NEIGHBOURS);
        figures.add(
            new Figures(
                names.get(k),
                samples,
                GanMetrics.classifierScore(p),
                shares,
                GanMetrics.coveredClasses(shares, COVERAGE_SHARE),
                fid,
                bestSigma,
                ll.mean(),
                ll.standardError(),
                pr.precision(),
                pr.recall()));
      }
    }
    return figures;
  }

  /** Prints the figures as a table, each column's better direction under its name. */
  public static void print(List<Figures> figures, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%n%-22s %10s %9s %10s %22s%n",
        "",
        "score",
        "classes",
        "Frechet",
        "Parzen LL (sigma)");
    out.printf(
        Locale.ROOT, "%-22s %10s %9s %10s %22s%n", "(better: ↑ higher)", "↑", "↑ (≥5%)", "↓", "↑");
    for (Figures f : figures) {
      out.print(f.formatted("%-22s %10.3f %6d/10 %10.3f %12.1f ± %.1f (%.2f)%n"));
    }
    for (Figures f : figures) {
      StringBuilder sb =
          new StringBuilder(String.format(Locale.ROOT, "%-22s class shares:", f.name()));
      for (double s : f.classShares()) {
        sb.append(String.format(Locale.ROOT, " %4.1f%%", 100 * s));
      }
      out.println(sb);
    }
    if (figures.stream().anyMatch(f -> !Double.isNaN(f.precision()))) {
      out.printf(
          Locale.ROOT,
          "%nprecision and recall (Kynkaanniemi et al. 2019): k = %d nearest neighbours in the"
              + " classifier's features, each set against as many test images%n",
          NEIGHBOURS);
      out.printf(Locale.ROOT, "%-22s %10s %9s%n", "", "precision", "recall");
      out.printf(Locale.ROOT, "%-22s %10s %9s%n", "(better: ↑ higher)", "↑", "↑");
      for (Figures f : figures) {
        out.printf(Locale.ROOT, "%-22s %10.3f %9.3f%n", f.name(), f.precision(), f.recall());
      }
    }
  }

  /** The first {@code length} values as doubles. */
  static double[] flat(float[] values, int length) {
    double[] out = new double[length];
    for (int i = 0; i < length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /** Each class's share of the images, by the classifier's most probable class per row. */
  static double[] shares(double[][] probabilities) {
    int[] predicted = new int[probabilities.length];
    for (int i = 0; i < predicted.length; i++) {
      predicted[i] = argmax(probabilities[i]);
    }
    return GanMetrics.classShares(predicted, probabilities[0].length);
  }

  static double[][] rows(float[] flat, int width) {
    double[][] r = new double[flat.length / width][width];
    for (int i = 0; i < r.length; i++) {
      for (int j = 0; j < width; j++) {
        r[i][j] = flat[i * width + j];
      }
    }
    return r;
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}
