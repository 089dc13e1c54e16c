package io.github.tfgan.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ArrayDataset;
import io.github.tfgan.export.ArchitectureFile;
import io.github.tfgan.export.DiscriminatorModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.Activation;
import io.github.tfgan.model.DataScaling;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;

/**
 * Runs on data other than MNIST, end to end through the library: an RGB image set and a vector set
 * train, record their architecture, export G and D with the data's shapes and units, and resume.
 */
class AnyShapeRunTest {

  /** 64 RGB 8x6 images: a red or a blue square at a random place. */
  static ArrayDataset rgb(int n, long seed) {
    Random random = new Random(seed);
    DataShape shape = DataShape.image(8, 6, 3);
    float[] v = new float[n * shape.size()];
    int[] labels = new int[n];
    for (int k = 0; k < n; k++) {
      int kind = random.nextInt(2);
      labels[k] = kind;
      int y0 = random.nextInt(5);
      int x0 = random.nextInt(3);
      for (int y = y0; y < y0 + 3; y++) {
        for (int x = x0; x < x0 + 3; x++) {
          v[k * shape.size() + (y * 6 + x) * 3 + (kind == 0 ? 0 : 2)] = 1f;
        }
      }
    }
    return new ArrayDataset(
        v,
        shape,
        io.github.tfgan.data.Dataset.Encoding.PIXELS,
        labels,
        List.of("red", "blue"),
        "synthetic squares");
  }

  /** Points of a 3-D Gaussian centred at (10, -5, 100) with spreads (1, 2, 30). */
  static ArrayDataset vectors(int n, long seed) {
    Random random = new Random(seed);
    float[] v = new float[n * 3];
    for (int i = 0; i < n; i++) {
      v[3 * i] = 10f + (float) random.nextGaussian();
      v[3 * i + 1] = -5f + 2f * (float) random.nextGaussian();
      v[3 * i + 2] = 100f + 30f * (float) random.nextGaussian();
    }
    return ArrayDataset.vectors(v, 3, "synthetic gaussian");
  }

  private static GanConfig small(String net) {
    return GanConfig.builder()
        .dataset(Dataset.CUSTOM)
        .net(net)
        .iterations(40)
        .batchSize(16)
        .noiseDim(8)
        .logEvery(10)
        .sampleEvery(0)
        .checkpointEvery(20)
        .build();
  }

  @Test
  void rgbImagesTrainAndExportImagesInUnitRange(@TempDir Path tmp) throws Exception {
    Path runDir = tmp.resolve("rgb");
    TrainingRun.create(small("mlp:32"), rgb(64, 1), runDir).run();
    GanArchitecture arch = RunRecord.read(new RunDirectory(runDir)).architecture();
    assertEquals(DataShape.image(8, 6, 3), arch.shape());
    assertEquals(DataScaling.SYMMETRIC, arch.scaling());
    assertEquals(Activation.TANH, arch.generator().layers().get(1).activation());
    assertEquals(arch, ArchitectureFile.readIfPresent(new RunDirectory(runDir).generator()));
    assertTrue(Files.isRegularFile(new RunDirectory(runDir).finalGrid()));

    try (SavedModelBundle b =
        SavedModelBundle.load(new RunDirectory(runDir).generator().toString(), "serve")) {
      var out = b.function("serving_default").signature().getOutputs().get("images");
      assertArrayEquals(new long[] {-1, 8, 6, 3}, out.shape.asArray());
    }
    try (GeneratorModel g = GeneratorModel.load(new RunDirectory(runDir).generator());
        DiscriminatorModel d = DiscriminatorModel.load(new RunDirectory(runDir).discriminator())) {
      assertEquals(DataShape.image(8, 6, 3), g.sampleShape());
      assertEquals(DataShape.image(8, 6, 3), d.sampleShape());
      float[] images = g.generate(g.noise(5, 3));
      assertEquals(5 * 8 * 6 * 3, images.length);
      for (float p : images) {
        assertTrue(p >= 0f && p <= 1f, "pixel " + p);
      }
      float[] probability = d.score(images).probability();
      assertEquals(5, probability.length);
    }
  }

  @Test
  void vectorsTrainInTheirOwnUnitsAndResume(@TempDir Path tmp) throws Exception {
    ArrayDataset data = vectors(512, 2);
    Path runDir = tmp.resolve("vec");
    GanConfig config = small("mlp:16,16");
    // stop after the checkpoint at 20, then resume to 40: the same losses as an unbroken run
    Resumed.matchesAnUnbrokenRun(config, data, tmp.resolve("whole"), runDir, 25);

    GanArchitecture arch = RunRecord.read(new RunDirectory(runDir)).architecture();
    assertEquals(DataShape.vector(3), arch.shape());
    assertEquals(DataScaling.Kind.STANDARD, arch.scaling().kind());
    assertEquals(10f, arch.scaling().mean()[0], 0.2f);
    assertEquals(30f, arch.scaling().std()[2], 3f);
    try (SavedModelBundle b =
        SavedModelBundle.load(new RunDirectory(runDir).generator().toString(), "serve")) {
      var out = b.function("serving_default").signature().getOutputs().get("samples");
      assertArrayEquals(new long[] {-1, 3}, out.shape.asArray());
    }
    try (GeneratorModel g = GeneratorModel.load(new RunDirectory(runDir).generator())) {
      assertEquals(DataShape.vector(3), g.sampleShape());
      float[] s = g.generate(g.noise(200, 5));
      double meanZ = 0;
      for (int i = 0; i < 200; i++) {
        meanZ += s[3 * i + 2] / 200;
      }
      // in the data's units: the third feature is around 100, not around 0
      assertTrue(meanZ > 40 && meanZ < 160, "mean of the third feature " + meanZ);
    }
  }

  @Test
  void anArchitectureWrittenInCodeIsTrainedAndRecorded(@TempDir Path tmp) throws Exception {
    ArrayDataset data = vectors(64, 4);
    GanConfig config = small("mlp:8");
    DataScaling scaling = io.github.tfgan.data.FeatureStatistics.of(data).scaling();
    GanArchitecture arch =
        new GanArchitecture(
            data.shape(),
            scaling,
            false,
            io.github.tfgan.model.NetworkSpec.mlpGenerator(
                8, List.of(12, 24), 3, Activation.LINEAR),
            io.github.tfgan.model.NetworkSpec.mlpDiscriminator(3, List.of(5)));
    Path runDir = tmp.resolve("custom");
    TrainingRun.create(config, data, runDir).architecture(arch).run();
    assertEquals(arch, RunRecord.read(new RunDirectory(runDir)).architecture());
    assertEquals(arch, ArchitectureFile.readIfPresent(new RunDirectory(runDir).discriminator()));
    GanArchitecture wrong =
        GanArchitecture.mlp("mlp:8", 8, DataShape.vector(4), DataScaling.SYMMETRIC, false);
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> TrainingRun.create(config, data, tmp.resolve("wrong")).architecture(wrong));
    assertTrue(e.getMessage().contains("expected samples of shape 4"), e.getMessage());
  }

  @Test
  void aConsoleGetsTheNarrationAndTheLogLines(@TempDir Path tmp) throws Exception {
    List<String> lines = new java.util.ArrayList<>();
    TrainingRun.create(small("mlp:8"), vectors(64, 6), tmp.resolve("console"))
        .console(lines::add)
        .run();
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("data: 64 3-dimensional vectors")), "" + lines);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("Iteration 40: D loss = ")), "" + lines);
  }

  @Test
  void theArticleArchitectureIsTheDefaultOnMnistShapedData() {
    GanArchitecture arch =
        io.github.tfgan.data.Architectures.forData(
            GanConfig.article(), io.github.tfgan.testing.Synthetic.bars(8, 1));
    assertEquals(GanArchitecture.article(100), arch);
    assertEquals(247_440, arch.generator().parameterCount());
    assertEquals(233_985, arch.discriminator().parameterCount());
  }
}
