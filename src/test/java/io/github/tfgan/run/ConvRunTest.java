package io.github.tfgan.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.Architectures;
import io.github.tfgan.data.ArrayDataset;
import io.github.tfgan.export.ArchitectureFile;
import io.github.tfgan.export.DiscriminatorModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.TrainerOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;

/**
 * Conv nets ({@code --net dcgan:W}) end to end through the library: they train with R1 and the
 * moving average, checkpoint and resume to the same losses, export G and D with the data's shapes
 * (G's batch norm in inference mode), and sample the same images in the trainer and the export.
 */
class ConvRunTest {

  /** n grey 16x16 images: a bright bar, horizontal or vertical, at a random place. */
  static ArrayDataset bars(int n, long seed) {
    Random random = new Random(seed);
    DataShape shape = DataShape.image(16, 16, 1);
    float[] v = new float[n * shape.size()];
    for (int k = 0; k < n; k++) {
      boolean horizontal = random.nextBoolean();
      int at = 2 + random.nextInt(12);
      for (int i = 0; i < 16; i++) {
        int y = horizontal ? at : i;
        int x = horizontal ? i : at;
        v[k * shape.size() + y * 16 + x] = 1f;
      }
    }
    return new ArrayDataset(
        v, shape, io.github.tfgan.data.Dataset.Encoding.PIXELS, null, null, "bars");
  }

  static GanConfig small(String net) {
    return io.github.tfgan.config.Presets.stable().toBuilder()
        .dataset(Dataset.CUSTOM)
        .net(net)
        .iterations(24)
        .batchSize(8)
        .noiseDim(8)
        .logEvery(4)
        .sampleEvery(0)
        .checkpointEvery(12)
        .build();
  }

  @Test
  void trainsResumesAndExportsAConvGan(@TempDir Path tmp) throws Exception {
    ArrayDataset data = bars(64, 1);
    GanConfig config = small("dcgan:4");
    assertTrue(config.r1Gamma() > 0f && config.usesEma(), "R1 and the average are on");
    Path runDir = tmp.resolve("resumed");
    // batch norm's moving statistics are in the checkpoint
    Resumed.matchesAnUnbrokenRun(config, data, tmp.resolve("whole"), runDir, 16);

    RunDirectory dir = new RunDirectory(runDir);
    GanArchitecture arch = RunRecord.read(dir).architecture();
    assertTrue(arch.generator().isConvolutional() && arch.discriminator().isConvolutional());
    assertEquals(arch, ArchitectureFile.readIfPresent(dir.generator()));
    try (SavedModelBundle b = SavedModelBundle.load(dir.generator().toString(), "serve")) {
      var out = b.function("serving_default").signature().getOutputs().get("images");
      assertArrayEquals(new long[] {-1, 16, 16, 1}, out.shape.asArray());
    }
    try (GeneratorModel g = GeneratorModel.load(dir.generator());
        DiscriminatorModel d = DiscriminatorModel.load(dir.discriminator())) {
      float[] z = g.noise(6, 3);
      float[] images = g.generate(z);
      assertEquals(6 * 256, images.length);
      for (float p : images) {
        assertTrue(p >= 0f && p <= 1f, "pixel " + p);
      }
      float[] again = g.generate(java.util.Arrays.copyOf(z, 8 * 2));
      assertArrayEquals(
          java.util.Arrays.copyOf(images, 2 * 256),
          again,
          1e-5f,
          "inference mode: a sample does not depend on the rest of the batch");
      assertEquals(6, d.score(images).probability().length);
    }
  }

  @Test
  void theTrainerAndTheExportSampleTheSameImages(@TempDir Path tmp) throws Exception {
    ArrayDataset data = AnyShapeRunTest.rgb(64, 2); // 8x6x3: no even halving, n = 0
    GanConfig config = small("dcgan:4").toBuilder().iterations(6).build();
    GanArchitecture arch = Architectures.forData(config, data);
    float[] z = new float[3 * 8];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) Math.sin(i);
    }
    float[] fromTrainer;
    Path model = tmp.resolve("g");
    try (GanTrainer t = new GanTrainer(config, arch, data, TrainerOptions.DEFAULT)) {
      for (int i = 0; i < 6; i++) {
        t.step();
      }
      fromTrainer = t.generate(z);
      float[][] values = t.variableValues(t.sampledGeneratorVariables());
      // The average keeps batch-norm statistics of its own: they moved from their start (0, 1)
      // and differ from G's.
      float[][] live = t.variableValues(t.generatorVariables());
      int movingMean = 4; // dense kernel, bias; batch norm γ, β, moving mean
      assertTrue(maxAbs(values[movingMean]) > 0f, "the average's moving mean moved");
      assertFalse(
          java.util.Arrays.equals(live[movingMean], values[movingMean]),
          "the average's statistics are its own");
      assertEquals(
          arch.generator().parameterCount() + arch.generator().stateCount(), count(values));
      io.github.tfgan.export.SavedModelExporter.exportValues(
          arch, io.github.tfgan.export.SavedModelExporter.Kind.GENERATOR, values, model, false);
    }
    try (GeneratorModel g = GeneratorModel.load(model)) {
      assertArrayEquals(fromTrainer, g.generate(z), 1e-5f);
    }
  }

  private static float maxAbs(float[] v) {
    float m = 0f;
    for (float x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  private static long count(float[][] values) {
    long n = 0;
    for (float[] v : values) {
      n += v.length;
    }
    return n;
  }

  @Test
  void builtInMnistKeepsTheFlatLayoutWithConvNets() {
    GanConfig config = GanConfig.article().toBuilder().net("dcgan:8").build();
    GanArchitecture arch =
        Architectures.forData(config, io.github.tfgan.testing.Synthetic.bars(8, 1));
    assertArrayEquals(new long[] {-1, 784}, arch.signatureShape());
    assertEquals(io.github.tfgan.model.DataScaling.SYMMETRIC, arch.scaling());
    assertEquals(List.of(), arch.discriminator().opsWithoutSecondOrderGradient());
  }
}
