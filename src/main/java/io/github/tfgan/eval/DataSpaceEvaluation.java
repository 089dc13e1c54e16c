package io.github.tfgan.eval;

import io.github.tfgan.data.Dataset;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.SeedStreams;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code evaluate} without a classifier: for vector generators, and for images with no classifier
 * of their shape (unlabelled data). The measures that need no learned features, computed in data
 * space, not a learned feature space: the Fréchet distance and precision/recall (Kynkäänniemi et
 * al. 2019, {@link Evaluation#NEIGHBOURS}-NN balls) on standardised features (vectors: each feature
 * scaled by the reference's mean and standard deviation) or on raw pixels (images), and for vectors
 * each feature's mean and standard deviation beside the data's. No classifier score and no class
 * coverage: there are no classes to score.
 *
 * <p>Rows: the generator, real samples (the ceiling), and a floor: uniform noise for images, an
 * independent Gaussian with each feature's mean and standard deviation for vectors (right
 * marginals, no correlations). Each has {@code n} samples, measured against {@code n} other real
 * samples. Distances over raw pixels say less than distances in a classifier's features: two images
 * a pixel apart are far apart here.
 */
public final class DataSpaceEvaluation {
  /** Samples of more values than this are costly to compare: {@link #defaultSamples} caps them. */
  public static final int MANY_VALUES = 1024;

  /** The default number of samples per set for samples of more than {@link #MANY_VALUES} values. */
  public static final int MANY_VALUES_SAMPLES = 2000;

  /** The default number of samples per set otherwise, as MNIST's evaluation. */
  public static final int SAMPLES = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(DataSpaceEvaluation.class);

  private DataSpaceEvaluation() {}

  /** One set's figures. */
  public record Row(String name, double frechetDistance, double precision, double recall) {}

  /**
   * One feature of a vector generator's samples beside the real reference's, in the data's units.
   *
   * @param feature 0-based index
   */
  public record FeatureGap(
      int feature, double realMean, double realStd, double generatedMean, double generatedStd) {
    /** (generated mean − real mean) / real std: the mean's gap in real standard deviations. */
    public double meanGap() {
      return (generatedMean - realMean) / (realStd > 0 ? realStd : 1);
    }

    /** generated std / real std: 1 when the spread matches. */
    public double stdRatio() {
      return generatedStd / (realStd > 0 ? realStd : 1);
    }
  }

  /**
   * An evaluation's figures and what they were measured in.
   *
   * @param space what the distances are over, for the output
   * @param gaps per feature (vectors), empty for images
   */
  public record Result(
      String space, String data, int samples, List<Row> rows, List<FeatureGap> gaps) {}

  /**
   * {@code min(10,000, size / 2)} samples per set, at most {@value #MANY_VALUES_SAMPLES} when a
   * sample has more than {@value #MANY_VALUES} values.
   */
  public static int defaultSamples(Dataset data) {
    int n = (int) Math.min(SAMPLES, data.size() / 2);
    return data.shape().size() > MANY_VALUES ? Math.min(n, MANY_VALUES_SAMPLES) : n;
  }

  /**
   * Evaluates {@code generator} with {@code samples} samples drawn from {@code seed}, and the two
   * references with as many, against {@code samples} other real samples of {@code data}.
   *
   * @throws IllegalArgumentException naming both shapes if the generator's and the data's differ,
   *     or naming {@code --samples} if the data hold fewer than {@code 2 × samples}
   */
  public static Result run(GeneratorModel generator, Dataset data, int samples, long seed) {
    DataShape shape = data.shape();
    if (!generator.sampleShape().equals(shape)) {
      throw new IllegalArgumentException(
          data.source()
              + ": expected samples of the generator's shape "
              + generator.sampleShape()
              + ", found "
              + shape
              + " ("
              + shape.describe()
              + ")");
    }
    return of(generator.sample(samples, seed), data, seed);
  }

  /**
   * Evaluates {@code generated} samples from any source ({@code n × d} floats, row-major, in the
   * data's encoding), and the two references with as many, against {@code n} other real samples of
   * {@code data} drawn with {@code seed}.
   *
   * @throws IllegalArgumentException if {@code generated} holds no whole number of samples, or
   *     naming {@code --samples} if the data hold fewer than {@code 2n}
   */
  public static Result of(float[] generated, Dataset data, long seed) {
    DataShape shape = data.shape();
    int d = shape.size();
    if (generated.length == 0 || generated.length % d != 0) {
      throw new IllegalArgumentException(
          "generated: expected a positive multiple of "
              + d
              + " values (samples of "
              + shape
              + "), found "
              + generated.length);
    }
    int samples = generated.length / d;
    RealSamples real = RealSamples.draw(data, samples, seed);
    boolean vectors = !shape.isImage();
    double[] mean = new double[d];
    double[] std = new double[d];
    moments(real.reference(), samples, d, mean, std);
    float[] floor;
    if (vectors) {
      floor = new float[samples * d];
      float[] unit = new float[samples * d];
      new SeedStreams(seed).fillGaussian(SeedStreams.UNIFORM_REFERENCE, 1, unit);
      for (int i = 0; i < floor.length; i++) {
        floor[i] = (float) (mean[i % d] + std[i % d] * unit[i]);
      }
    } else {
      double[] range =
          data.encoding() == Dataset.Encoding.PIXELS
              ? new double[] {0, 1}
              : RealSamples.range(real.reference());
      floor = RealSamples.uniform(samples, d, range[0], range[1], seed);
    }
    List<String> names =
        List.of(
            "generator",
            vectors ? "real samples" : "real images",
            vectors ? "independent Gaussian" : "uniform noise");
    List<float[]> sets = List.of(generated, real.heldOut(), floor);
    double[] reference = space(real.reference(), d, vectors, mean, std);
    List<Row> rows = new ArrayList<>();
    try (KnnBalls knn = new KnnBalls()) {
      for (int k = 0; k < sets.size(); k++) {
        LOG.info("evaluating {} ({} samples) in data space", names.get(k), samples);
        double[] x = space(sets.get(k), d, vectors, mean, std);
        GanMetrics.PrecisionRecall pr =
            knn.precisionRecall(reference, samples, x, samples, d, Evaluation.NEIGHBOURS);
        rows.add(
            new Row(
                names.get(k),
                DataFrechet.distance(x, samples, reference, samples, d),
                pr.precision(),
                pr.recall()));
      }
    }
    List<FeatureGap> gaps = new ArrayList<>();
    if (vectors) {
      double[] gMean = new double[d];
      double[] gStd = new double[d];
      moments(generated, samples, d, gMean, gStd);
      for (int j = 0; j < d; j++) {
        gaps.add(new FeatureGap(j, mean[j], std[j], gMean[j], gStd[j]));
      }
    }
    String space =
        vectors
            ? "standardised features (each scaled by the real reference's mean and std)"
            : "raw pixels (" + shape.describe() + ", " + d + " values each)";
    return new Result(space, data.source(), samples, rows, gaps);
  }

  /** Per-column mean and standard deviation (divisor n − 1) of {@code n} rows of {@code d}. */
  private static void moments(float[] x, int n, int d, double[] mean, double[] std) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j] / (double) n;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double c = x[i * d + j] - mean[j];
        std[j] += c * c / (n - 1);
      }
    }
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j]);
    }
  }

  /**
   * The samples as doubles: standardised by the reference's moments for vectors, raw for images.
   */
  private static double[] space(
      float[] x, int d, boolean standardise, double[] mean, double[] std) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int j = i % d;
      out[i] = standardise ? (x[i] - mean[j]) / (std[j] > 0 ? std[j] : 1) : x[i];
    }
    return out;
  }

  /** Features listed one by one at most; beyond, only the largest gaps. */
  private static final int LISTED_FEATURES = 16;

  /** Prints the figures, labelled as measured in data space. */
  public static void print(Result result, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%nin data space, not a learned feature space: %s; each set of %d samples against %d"
            + " other real samples of %s%n",
        result.space(),
        result.samples(),
        result.samples(),
        result.data());
    out.printf(Locale.ROOT, "%n%-22s %10s %10s %9s%n", "", "Frechet", "precision", "recall");
    out.printf(Locale.ROOT, "%-22s %10s %10s %9s%n", "(better: ↑ higher)", "↓", "↑", "↑");
    for (Row r : result.rows()) {
      out.printf(
          Locale.ROOT,
          "%-22s %10.3f %10.3f %9.3f%n",
          r.name(),
          r.frechetDistance(),
          r.precision(),
          r.recall());
    }
    List<FeatureGap> gaps = result.gaps();
    if (gaps.isEmpty()) {
      return;
    }
    List<FeatureGap> shown = new ArrayList<>(gaps);
    String title = "per feature, generator beside the real reference (data units)";
    if (gaps.size() > LISTED_FEATURES) {
      shown.sort(
          (a, b) ->
              Double.compare(
                  Math.abs(b.meanGap()) + Math.abs(Math.log(b.stdRatio())),
                  Math.abs(a.meanGap()) + Math.abs(Math.log(a.stdRatio()))));
      shown = shown.subList(0, LISTED_FEATURES);
      title += ", the " + LISTED_FEATURES + " of " + gaps.size() + " farthest off";
    }
    out.printf(Locale.ROOT, "%n%s:%n", title);
    out.printf(
        Locale.ROOT,
        "%-9s %11s %11s %11s %11s %10s %10s%n",
        "feature",
        "real mean",
        "gen mean",
        "real std",
        "gen std",
        "mean gap",
        "std ratio");
    for (FeatureGap g : shown) {
      out.printf(
          Locale.ROOT,
          "%-9d %11.4g %11.4g %11.4g %11.4g %10.3f %10.3f%n",
          g.feature(),
          g.realMean(),
          g.generatedMean(),
          g.realStd(),
          g.generatedStd(),
          g.meanGap(),
          g.stdRatio());
    }
    out.println("(mean gap: in real standard deviations; std ratio: 1 when the spread matches)");
  }
}
