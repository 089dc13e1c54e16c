package io.github.tfgan.eval;

import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.GeneratorModel;
import java.io.PrintStream;
import java.util.Locale;

/**
 * How well a class-conditional generator obeys its label: for each class k, the share of samples
 * generated with label k that a classifier (of the same classes) assigns to k.
 *
 * @param perClass samples generated per class
 * @param accuracy per class, the share classified as that class
 */
public record LabelAccuracy(int perClass, double[] accuracy) {

  /**
   * Generates {@code perClass} samples of each of the generator's classes from the noise of {@code
   * seed} and classifies them.
   *
   * @throws IllegalArgumentException when the generator is not conditional, or has more classes
   *     than the classifier
   */
  public static LabelAccuracy of(
      GeneratorModel generator, ClassifierModel classifier, int perClass, long seed) {
    int classes = generator.classes();
    if (!generator.isConditional() || classes <= 0) {
      throw new IllegalArgumentException(
          "generator: expected a class-conditional one with its architecture, found "
              + (generator.isConditional() ? "no class count" : "an unconditional one"));
    }
    if (classes > classifier.classes()) {
      throw new IllegalArgumentException(
          "classifier: expected at least the generator's "
              + classes
              + " classes, found "
              + classifier.classes());
    }
    double[] accuracy = new double[classes];
    float[] z = generator.noise(perClass, seed);
    for (int k = 0; k < classes; k++) {
      int[] labels = new int[perClass];
      java.util.Arrays.fill(labels, k);
      float[] p = classifier.run(generator.generate(z, labels)).probabilities();
      int hits = 0;
      for (int i = 0; i < perClass; i++) {
        if (argmax(p, i * classifier.classes(), classifier.classes()) == k) {
          hits++;
        }
      }
      accuracy[k] = hits / (double) perClass;
    }
    return new LabelAccuracy(perClass, accuracy);
  }

  /** The lowest per-class share. */
  public double min() {
    double m = 1;
    for (double a : accuracy) {
      m = Math.min(m, a);
    }
    return m;
  }

  /** The mean over classes. */
  public double mean() {
    double s = 0;
    for (double a : accuracy) {
      s += a;
    }
    return s / accuracy.length;
  }

  /** Prints the figures under a heading. */
  public void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "conditional: samples classified as their label (%d per class): mean %.1f%%, lowest"
            + " %.1f%%%n",
        perClass,
        100 * mean(),
        100 * min());
    StringBuilder sb = new StringBuilder("  per class:");
    for (int k = 0; k < accuracy.length; k++) {
      sb.append(String.format(Locale.ROOT, " %d: %.1f%%", k, 100 * accuracy[k]));
    }
    out.println(sb);
  }

  private static int argmax(float[] p, int offset, int n) {
    int best = 0;
    for (int j = 1; j < n; j++) {
      if (p[offset + j] > p[offset + best]) {
        best = j;
      }
    }
    return best;
  }
}
