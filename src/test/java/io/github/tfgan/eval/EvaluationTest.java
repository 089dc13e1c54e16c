package io.github.tfgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.run.ModelExports;
import io.github.tfgan.testing.Synthetic;
import io.github.tfgan.train.ClassifierTrainer;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
  @TempDir Path dir;

  @Test
  void tensorflowParzenWindowMatchesThePlainJavaOne() {
    Random r = new Random(3);
    int n = 300;
    int m = 40;
    int d = 5;
    float[] samples = new float[n * d];
    float[] test = new float[m * d];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < test.length; i++) {
      test[i] = (float) r.nextGaussian();
    }
    float[][] s2 = new float[n][];
    float[][] t2 = new float[m][];
    for (int i = 0; i < n; i++) {
      s2[i] = java.util.Arrays.copyOfRange(samples, i * d, (i + 1) * d);
    }
    for (int i = 0; i < m; i++) {
      t2[i] = java.util.Arrays.copyOfRange(test, i * d, (i + 1) * d);
    }
    GanMetrics.LogLikelihood java = GanMetrics.parzenLogLikelihood(s2, t2, 0.4);
    try (ParzenWindow tf = new ParzenWindow()) {
      GanMetrics.LogLikelihood viaTf = tf.logLikelihood(samples, n, test, m, d, 0.4);
      assertEquals(java.mean(), viaTf.mean(), 1e-3);
      assertEquals(java.standardError(), viaTf.standardError(), 1e-3);
    }
  }

  @Test
  void classifierTrainsExportsAndFeedsTheEvaluation() throws Exception {
    ImageData bars = Synthetic.bars(1200, 4);
    Path classifierDir = dir.resolve("classifier/1");
    try (ClassifierTrainer t = new ClassifierTrainer(1)) {
      double[] losses = t.train(bars.head(600), 1);
      assertEquals(1, losses.length);
      assertTrue(t.accuracy(bars) > 0.95, "two bar orientations are easy");
      ModelExports.classifier(t, classifierDir, false);
    }
    Path genDir = dir.resolve("generator/1");
    try (GanTrainer g =
        new GanTrainer(GanConfig.builder().iterations(5).batchSize(32).build(), bars)) {
      g.train(new TrainingListener() {});
      ModelExports.generator(g, genDir, false);
    }
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (GeneratorModel gen = GeneratorModel.load(genDir);
        ClassifierModel c = ClassifierModel.load(classifierDir)) {
      ClassifierModel.Outputs o = c.run(java.util.Arrays.copyOf(bars.pixels(), 3 * 784));
      float sum = 0;
      for (int k = 0; k < 10; k++) {
        sum += o.probabilities()[k];
      }
      assertEquals(1f, sum, 1e-5);
      List<Evaluation.Figures> f = Evaluation.run(gen, c, bars, bars.head(100), 100, 1);
      assertEquals(
          List.of("generator", "real training images", "uniform noise"),
          f.stream().map(Evaluation.Figures::name).toList());
      Evaluation.Figures real = f.get(1);
      assertEquals(2, real.coveredClasses(), "bars have two classes");
      assertTrue(real.frechetDistance() < f.get(2).frechetDistance(), "real beats noise");
      assertTrue(real.parzenLogLikelihood() > f.get(2).parzenLogLikelihood(), "real beats noise");
    }
  }
}
