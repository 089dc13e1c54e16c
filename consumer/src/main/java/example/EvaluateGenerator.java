package example;

import io.github.tfgan.eval.GanMetrics;
import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.GeneratorModel;

/** Scores an exported generator with the classifier that the library ships. */
public final class EvaluateGenerator {
  public static void main(String[] args) throws Exception {
    int n = 2000;
    try (GeneratorModel generator = GeneratorModel.load(java.nio.file.Path.of(args[0]));
        ClassifierModel classifier = ClassifierModel.loadBundled()) {
      float[] images = generator.generate(generator.noise(n, 7));
      float[] probabilities = classifier.run(images).probabilities(); // [n, 10]
      double[][] rows = new double[n][10];
      int[] predicted = new int[n];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < 10; k++) {
          rows[i][k] = probabilities[i * 10 + k];
          predicted[i] = rows[i][k] > rows[i][predicted[i]] ? k : predicted[i];
        }
      }
      double score = GanMetrics.classifierScore(rows); // exp(E KL(p(y|x) || p(y))), at most 10
      int classes = GanMetrics.coveredClasses(GanMetrics.classShares(predicted, 10), 0.05);
      System.out.printf("classifier score %.2f, %d of 10 classes at >= 5%%%n", score, classes);
    }
  }
}
