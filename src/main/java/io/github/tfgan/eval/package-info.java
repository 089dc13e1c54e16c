/**
 * How good a generator is: {@link io.github.tfgan.eval.GanMetrics}, the field's metrics in plain
 * Java on arrays (classifier score, class coverage, Fréchet distance on the classifier's features,
 * Parzen-window log-likelihood), and {@link io.github.tfgan.eval.Evaluation}, which runs all of
 * them for an exported generator beside two references, real training images (the ceiling) and
 * uniform noise (the floor), against the MNIST test set.
 *
 * <p>Class probabilities come from {@link io.github.tfgan.export.ClassifierModel} (the classifier
 * shipped in the jar: {@link io.github.tfgan.export.ClassifierModel#loadBundled()}) as rows of 10;
 * images are {@code [n, 784]} floats in [0, 1]. The classifier score is at most 10 (the number of
 * classes); the Parzen estimate is a mean natural-log likelihood per test image. Precision and
 * recall (Kynkäänniemi et al. 2019) are measured beside them.
 *
 * <p>Beyond MNIST, {@link io.github.tfgan.eval.ClassifierEvaluation} measures images of any shape
 * in the features of a classifier trained on labelled data of that shape ({@link
 * io.github.tfgan.export.ClassifierInfo}), and {@link io.github.tfgan.eval.DataSpaceEvaluation}
 * measures vectors, and images without a classifier, in data space: the Fréchet distance and
 * precision/recall on standardised features or raw pixels.
 *
 * <p>For vector data, {@link io.github.tfgan.eval.GaussianMixture} builds the two-dimensional
 * mixtures on which mode collapse is measured ({@code ring8}, {@code grid25}) and scores samples as
 * VEEGAN does ({@link io.github.tfgan.eval.MixtureCoverage}: modes covered, share of high-quality
 * samples).
 */
package io.github.tfgan.eval;
