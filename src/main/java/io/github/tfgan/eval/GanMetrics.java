package io.github.tfgan.eval;

import java.util.Arrays;

/**
 * The GAN metrics the field uses, in plain Java on arrays (no graphs), so that each can be checked
 * against inputs with known answers.
 *
 * <ul>
 *   <li>{@link #classifierScore}: exp(E_x[KL(p(y|x) ‖ p(y))]), TF-GAN's {@code mnist_score}
 *       (Inception score with an MNIST classifier); 1 for one class, at most the number of classes.
 *   <li>{@link #frechetDistance}: ‖μ₁ − μ₂‖² + tr(Σ₁ + Σ₂ − 2(Σ₁^½ Σ₂ Σ₁^½)^½), TF-GAN's {@code
 *       mnist_frechet_distance} when the features are a classifier's penultimate activations.
 *   <li>{@link #classShares} and {@link #coveredClasses}: mode coverage.
 *   <li>{@link #parzenLogLikelihood}: the Gaussian Parzen-window estimate of Goodfellow et al.
 *       (2014).
 *   <li>{@link #precisionRecall}: the precision and recall of a generated distribution of
 *       Kynkäänniemi et al. (2019), from k-nearest-neighbour balls.
 * </ul>
 */
public final class GanMetrics {
  private GanMetrics() {}

  /**
   * exp(mean_i KL(p_i ‖ p̄)) where p̄ is the mean of the rows.
   *
   * @param probabilities one row of class probabilities per sample, each summing to 1
   */
  public static double classifierScore(double[][] probabilities) {
    int n = probabilities.length;
    int k = probabilities[0].length;
    double[] marginal = new double[k];
    for (double[] p : probabilities) {
      for (int c = 0; c < k; c++) {
        marginal[c] += p[c] / n;
      }
    }
    double kl = 0;
    for (double[] p : probabilities) {
      for (int c = 0; c < k; c++) {
        if (p[c] > 0) {
          kl += p[c] * (Math.log(p[c]) - Math.log(marginal[c]));
        }
      }
    }
    return Math.exp(kl / n);
  }

  /** Share of samples assigned to each of {@code classes} classes. */
  public static double[] classShares(int[] predicted, int classes) {
    double[] shares = new double[classes];
    for (int c : predicted) {
      shares[c] += 1.0 / predicted.length;
    }
    return shares;
  }

  /** How many classes hold at least {@code minShare} of the samples (the 5%: 0.05). */
  public static int coveredClasses(double[] shares, double minShare) {
    int covered = 0;
    for (double s : shares) {
      if (s >= minShare) {
        covered++;
      }
    }
    return covered;
  }

  /** Mean vector of the rows of {@code x}. */
  public static double[] mean(double[][] x) {
    double[] mu = new double[x[0].length];
    for (double[] row : x) {
      for (int j = 0; j < mu.length; j++) {
        mu[j] += row[j] / x.length;
      }
    }
    return mu;
  }

  /** Sample covariance (divisor n − 1) of the rows of {@code x}. */
  public static double[][] covariance(double[][] x, double[] mu) {
    int d = mu.length;
    double[][] cov = new double[d][d];
    double[] centred = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        centred[j] = row[j] - mu[j];
      }
      for (int a = 0; a < d; a++) {
        for (int b = a; b < d; b++) {
          cov[a][b] += centred[a] * centred[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = a; b < d; b++) {
        cov[a][b] /= x.length - 1;
        cov[b][a] = cov[a][b];
      }
    }
    return cov;
  }

  /** Fréchet distance between two feature sets (rows are samples). */
  public static double frechetDistance(double[][] a, double[][] b) {
    double[] muA = mean(a);
    double[] muB = mean(b);
    return frechetDistance(muA, covariance(a, muA), muB, covariance(b, muB));
  }

  /** Fréchet distance between N(μ₁, Σ₁) and N(μ₂, Σ₂). */
  public static double frechetDistance(
      double[] mu1, double[][] cov1, double[] mu2, double[][] cov2) {
    double diff = 0;
    for (int j = 0; j < mu1.length; j++) {
      diff += (mu1[j] - mu2[j]) * (mu1[j] - mu2[j]);
    }
    double[][] s1 = SymmetricMatrices.sqrt(cov1);
    double[][] inner = SymmetricMatrices.multiply(SymmetricMatrices.multiply(s1, cov2), s1);
    double[][] root = SymmetricMatrices.sqrt(SymmetricMatrices.symmetrize(inner));
    return Math.max(
        0.0,
        diff
            + SymmetricMatrices.trace(cov1)
            + SymmetricMatrices.trace(cov2)
            - 2 * SymmetricMatrices.trace(root));
  }

  /** A Parzen-window estimate with its standard error over the test points. */
  public record LogLikelihood(double mean, double standardError) {
    /** The mean of per-point log-likelihoods and its standard error. */
    public static LogLikelihood of(double[] values) {
      double mean = 0;
      for (double v : values) {
        mean += v / values.length;
      }
      double var = 0;
      for (double v : values) {
        var += (v - mean) * (v - mean) / Math.max(1, values.length - 1);
      }
      return new LogLikelihood(mean, Math.sqrt(var / values.length));
    }
  }

  /**
   * Mean log-likelihood of {@code test} under a Gaussian Parzen window of width {@code sigma} on
   * {@code samples}: log( (1/N) Σ_j N(x; s_j, σ²I) ) averaged over the test points x, computed with
   * log-sum-exp.
   */
  public static LogLikelihood parzenLogLikelihood(float[][] samples, float[][] test, double sigma) {
    int d = samples[0].length;
    double logNorm = -0.5 * d * Math.log(2 * Math.PI * sigma * sigma) - Math.log(samples.length);
    double twoSigma2 = 2 * sigma * sigma;
    double[] values = new double[test.length];
    double[] exponents = new double[samples.length];
    for (int t = 0; t < test.length; t++) {
      float[] x = test[t];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < samples.length; j++) {
        float[] s = samples[j];
        double dist = 0;
        for (int i = 0; i < d; i++) {
          double diff = x[i] - s[i];
          dist += diff * diff;
        }
        exponents[j] = -dist / twoSigma2;
        max = Math.max(max, exponents[j]);
      }
      double sum = 0;
      for (double e : exponents) {
        sum += Math.exp(e - max);
      }
      values[t] = logNorm + max + Math.log(sum);
    }
    return LogLikelihood.of(values);
  }

  /**
   * The σ among {@code candidates} that maximises the Parzen log-likelihood of {@code validation}
   * under {@code samples}: the cross-validation of Goodfellow et al. (2014).
   */
  public static double chooseParzenSigma(
      float[][] samples, float[][] validation, double[] candidates) {
    double best = candidates[0];
    double bestValue = Double.NEGATIVE_INFINITY;
    for (double sigma : candidates) {
      double v = parzenLogLikelihood(samples, validation, sigma).mean();
      if (v > bestValue) {
        bestValue = v;
        best = sigma;
      }
    }
    return best;
  }

  /**
   * Precision and recall of a generated distribution (Kynkäänniemi et al. 2019), each in [0, 1].
   *
   * @param precision the share of generated samples inside the real manifold (some real sample's
   *     k-NN ball): how many samples look real
   * @param recall the share of real samples inside the generated manifold: how much of the real
   *     distribution the generator covers
   */
  public record PrecisionRecall(double precision, double recall) {}

  /**
   * Precision and recall of {@code generated} against {@code real} (Kynkäänniemi et al. 2019): each
   * sample's ball reaches its k-th nearest neighbour within its own set (itself excluded); a point
   * is in a set's manifold if it lies within (≤) the ball of some sample of that set. Precision is
   * the share of generated samples in the real manifold, recall the share of real samples in the
   * generated manifold. Euclidean distances; plain Java, O(n²·d).
   *
   * @param real one row per real sample
   * @param generated one row per generated sample, as wide
   * @param k the neighbour that sets each ball's radius (the paper's 3)
   * @throws IllegalArgumentException if either set has at most {@code k} samples
   */
  public static PrecisionRecall precisionRecall(double[][] real, double[][] generated, int k) {
    if (k < 1 || real.length <= k || generated.length <= k) {
      throw new IllegalArgumentException(
          "k: expected 1 ≤ k < the size of each set, found k = "
              + k
              + " with "
              + real.length
              + " real and "
              + generated.length
              + " generated samples");
    }
    double[] realRadii = kthNeighbourDistances(real, k);
    double[] generatedRadii = kthNeighbourDistances(generated, k);
    return new PrecisionRecall(
        insideShare(generated, real, realRadii), insideShare(real, generated, generatedRadii));
  }

  /** Squared distance to each row's k-th nearest other row. */
  static double[] kthNeighbourDistances(double[][] x, int k) {
    double[] radii = new double[x.length];
    double[] d = new double[x.length - 1];
    for (int i = 0; i < x.length; i++) {
      int m = 0;
      for (int j = 0; j < x.length; j++) {
        if (j != i) {
          d[m++] = squaredDistance(x[i], x[j]);
        }
      }
      Arrays.sort(d);
      radii[i] = d[k - 1];
    }
    return radii;
  }

  /** The share of {@code points} within (≤) the squared radius of some centre. */
  private static double insideShare(double[][] points, double[][] centres, double[] radii) {
    int inside = 0;
    for (double[] p : points) {
      for (int j = 0; j < centres.length; j++) {
        if (squaredDistance(p, centres[j]) <= radii[j]) {
          inside++;
          break;
        }
      }
    }
    return inside / (double) points.length;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double diff = a[i] - b[i];
      sum += diff * diff;
    }
    return sum;
  }
}
