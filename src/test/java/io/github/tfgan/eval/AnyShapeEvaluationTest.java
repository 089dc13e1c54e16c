package io.github.tfgan.eval;

import static io.github.tfgan.config.Dataset.CUSTOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ArrayDataset;
import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.ReadOptions;
import io.github.tfgan.export.ClassifierInfo;
import io.github.tfgan.export.ClassifierModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.run.ModelExports;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.ImageClassifierTrainer;
import io.github.tfgan.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;

/**
 * Evaluation beyond MNIST: a classifier for small RGB images trains to high accuracy and exports
 * its signature with the data's shape; a generator of that shape is measured in its features; a
 * generator of another shape is refused with both shapes named; vectors are measured in data space,
 * where samples of the data's own distribution score precision and recall near 1 and a collapsed
 * generator a low recall.
 */
class AnyShapeEvaluationTest {
  private static final DataShape SHAPE = DataShape.image(12, 12, 3);
  private static final List<String> COLOURS = List.of("red", "green", "blue");

  @TempDir static Path dir;
  private static ArrayDataset colours;
  private static Path classifierDir;
  private static double accuracy;

  /** {@code n} 12x12 RGB images: a red, green or blue 6x6 square on dim noise, anywhere. */
  static ArrayDataset colours(int n, long seed) {
    Random random = new Random(seed);
    int d = SHAPE.size();
    float[] v = new float[n * d];
    int[] labels = new int[n];
    for (int k = 0; k < n; k++) {
      int c = random.nextInt(3);
      labels[k] = c;
      int y0 = random.nextInt(7);
      int x0 = random.nextInt(7);
      for (int y = 0; y < 12; y++) {
        for (int x = 0; x < 12; x++) {
          boolean inside = y >= y0 && y < y0 + 6 && x >= x0 && x < x0 + 6;
          for (int ch = 0; ch < 3; ch++) {
            float noise = random.nextInt(40) / 255f;
            v[k * d + (y * 12 + x) * 3 + ch] = inside && ch == c ? 0.8f + noise : noise;
          }
        }
      }
    }
    return new ArrayDataset(
        v, SHAPE, Dataset.Encoding.PIXELS, labels, COLOURS, "synthetic colour squares");
  }

  @BeforeAll
  static void trainTheClassifier() throws Exception {
    colours = colours(600, 3);
    classifierDir = dir.resolve("classifier").resolve("1");
    ImageClassifierTrainer.Split split = ImageClassifierTrainer.split(colours.size(), 1);
    try (ImageClassifierTrainer t = new ImageClassifierTrainer(SHAPE, 3, 1)) {
      t.train(colours, split.training(), 3);
      accuracy = t.accuracy(colours, split.validation());
      ClassifierInfo info =
          ClassifierInfo.of(
              SHAPE,
              COLOURS,
              dir.resolve("colours.npy"),
              ReadOptions.NONE,
              split.training().length,
              split.validation().length,
              accuracy);
      ModelExports.imageClassifier(t, info, classifierDir, false);
    }
  }

  @Test
  void theClassifierLearnsColoursAndExportsImagesOfTheDataShape() throws Exception {
    assertTrue(accuracy > 0.95, "three colours are easy: " + accuracy);
    try (SavedModelBundle b = SavedModelBundle.load(classifierDir.toString(), "serve")) {
      Signature s = b.function("serving_default").signature();
      Map<String, Signature.TensorDescription> in = s.getInputs();
      Map<String, Signature.TensorDescription> out = s.getOutputs();
      assertEquals(List.of(-1L, 12L, 12L, 3L), list(in.get("images").shape.asArray()));
      assertEquals(List.of(-1L, 3L), list(out.get("probabilities").shape.asArray()));
      assertEquals(List.of(-1L, 3L), list(out.get("logits").shape.asArray()));
      assertEquals(List.of(-1L, 128L), list(out.get("features").shape.asArray()));
    }
    try (ClassifierModel c = ClassifierModel.load(dir.resolve("classifier"))) {
      assertEquals(SHAPE, c.shape());
      assertEquals(COLOURS, c.classNames());
      assertEquals(128, c.featureWidth());
      assertEquals(dir.resolve("colours.npy").toAbsolutePath().normalize(), c.info().dataPath());
      ClassifierModel.Outputs o = c.run(Arrays.copyOf(colours.values(), 5 * 432));
      for (int i = 0; i < 5; i++) {
        int best = 0;
        for (int k = 1; k < 3; k++) {
          best = o.probabilities()[i * 3 + k] > o.probabilities()[i * 3 + best] ? k : best;
        }
        assertEquals(colours.label(i), best, "image " + i);
      }
    }
  }

  @Test
  void aGeneratorOfTheShapeIsMeasuredInTheClassifiersFeatures() throws Exception {
    Path genDir = dir.resolve("generator").resolve("1");
    GanConfig config =
        GanConfig.builder().dataset(CUSTOM).iterations(10).batchSize(32).sampleEvery(0).build();
    try (GanTrainer g = new GanTrainer(config, colours)) {
      g.train(new TrainingListener() {});
      ModelExports.generator(g, genDir, false);
    }
    try (GeneratorModel gen = GeneratorModel.load(genDir);
        ClassifierModel c = ClassifierModel.load(classifierDir)) {
      assertEquals(SHAPE, gen.sampleShape());
      ClassifierEvaluation.Result r = ClassifierEvaluation.run(gen, c, colours, 150, 7);
      List<ClassifierEvaluation.Figures> f = r.figures();
      assertEquals(
          List.of("generator", "real images", "uniform noise"),
          f.stream().map(ClassifierEvaluation.Figures::name).toList());
      ClassifierEvaluation.Figures real = f.get(1);
      ClassifierEvaluation.Figures noise = f.get(2);
      assertEquals(3, real.coveredClasses());
      assertTrue(real.classifierScore() > 2.5, "real: " + real.classifierScore());
      assertTrue(real.frechetDistance() < noise.frechetDistance(), "real beats noise");
      assertTrue(real.precision() > 0.8 && real.recall() > 0.8, real.toString());
      assertTrue(noise.recall() < 0.1, noise.toString());
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ClassifierEvaluation.print(r, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String table = bytes.toString(StandardCharsets.UTF_8);
      assertTrue(table.contains("precision") && table.contains("recall"), table);
      assertTrue(table.contains("red ") && table.contains("/3"), table);
    }
  }

  @Test
  void aGeneratorOfAnotherShapeIsRefusedWithBothShapesNamed() throws Exception {
    try (GeneratorModel mnist = GeneratorModel.load(Path.of("savedmodels", "generator"));
        ClassifierModel c = ClassifierModel.load(classifierDir)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ClassifierEvaluation.run(mnist, c, colours, 100, 1));
      assertTrue(e.getMessage().contains("12x12x3"), e.getMessage());
      assertTrue(e.getMessage().contains("28x28x1"), e.getMessage());
    }
  }

  /** Points of a 3-D Gaussian centred at (10, -5, 100) with spreads (1, 2, 30). */
  private static float[] gaussian(int n, long seed) {
    Random random = new Random(seed);
    float[] v = new float[n * 3];
    for (int i = 0; i < n; i++) {
      v[3 * i] = 10f + (float) random.nextGaussian();
      v[3 * i + 1] = -5f + 2f * (float) random.nextGaussian();
      v[3 * i + 2] = 100f + 30f * (float) random.nextGaussian();
    }
    return v;
  }

  @Test
  void vectorsOfTheDataDistributionScoreNearOneAndACollapsedGeneratorALowRecall() {
    Dataset data = ArrayDataset.vectors(gaussian(2000, 1), 3, "synthetic gaussian");
    DataSpaceEvaluation.Result same = DataSpaceEvaluation.of(gaussian(1000, 2), data, 3);
    DataSpaceEvaluation.Row g = same.rows().get(0);
    assertTrue(g.precision() > 0.9 && g.recall() > 0.9, g.toString());
    assertTrue(g.frechetDistance() < 0.05, g.toString());
    for (DataSpaceEvaluation.FeatureGap gap : same.gaps()) {
      assertTrue(
          Math.abs(gap.meanGap()) < 0.15 && Math.abs(gap.stdRatio() - 1) < 0.1, gap.toString());
    }

    float[] collapsed = new float[1000 * 3];
    Random random = new Random(4);
    for (int i = 0; i < 1000; i++) {
      collapsed[3 * i] = 10f + 0.01f * (float) random.nextGaussian();
      collapsed[3 * i + 1] = -5f + 0.02f * (float) random.nextGaussian();
      collapsed[3 * i + 2] = 100f + 0.3f * (float) random.nextGaussian();
    }
    DataSpaceEvaluation.Result mode = DataSpaceEvaluation.of(collapsed, data, 3);
    DataSpaceEvaluation.Row c = mode.rows().get(0);
    assertTrue(c.recall() < 0.05, "a point mass covers little: " + c);
    assertTrue(c.precision() > 0.9, "but looks real: " + c);
    assertTrue(c.frechetDistance() > 1.5, c.toString());
    assertTrue(mode.gaps().get(2).stdRatio() < 0.05, mode.gaps().get(2).toString());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataSpaceEvaluation.print(mode, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("in data space, not a learned feature space"), out);
    assertTrue(out.contains("std ratio"), out);
  }

  @Test
  void unlabelledImagesAreMeasuredOnRawPixels() {
    ArrayDataset unlabelled =
        new ArrayDataset(
            colours.values(), SHAPE, Dataset.Encoding.PIXELS, null, List.of(), "no labels");
    float[] generated = Arrays.copyOfRange(colours.values(), 0, 100 * SHAPE.size());
    DataSpaceEvaluation.Result r = DataSpaceEvaluation.of(generated, unlabelled, 5);
    assertTrue(r.space().startsWith("raw pixels"), r.space());
    assertTrue(r.gaps().isEmpty());
    assertEquals(
        List.of("generator", "real images", "uniform noise"),
        r.rows().stream().map(DataSpaceEvaluation.Row::name).toList());
    assertTrue(r.rows().get(2).frechetDistance() > r.rows().get(1).frechetDistance());
  }

  private static List<Long> list(long[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
