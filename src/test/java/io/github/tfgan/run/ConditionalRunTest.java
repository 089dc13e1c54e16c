package io.github.tfgan.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import io.github.tfgan.data.Architectures;
import io.github.tfgan.data.ArrayDataset;
import io.github.tfgan.export.DiscriminatorModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.export.SavedModelExporter;
import io.github.tfgan.model.Activation;
import io.github.tfgan.model.DataScaling;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.Layer;
import io.github.tfgan.model.NetworkSpec;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.TrainerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;

/**
 * Class-conditional G and D ({@code --conditional}) for dense and conv nets: G takes a one-hot
 * label beside z, D a projection of it; they train on the data's labels, export a second signature
 * input {@code label}, and the trainer and the export sample the same images per class.
 */
class ConditionalRunTest {

  /** n grey 16x16 images: class 0 a horizontal bar, class 1 a vertical one, class 2 both. */
  static ArrayDataset bars(int n, long seed) {
    Random random = new Random(seed);
    DataShape shape = DataShape.image(16, 16, 1);
    float[] v = new float[n * shape.size()];
    int[] labels = new int[n];
    for (int k = 0; k < n; k++) {
      int kind = random.nextInt(3);
      labels[k] = kind;
      int at = 2 + random.nextInt(12);
      for (int i = 0; i < 16; i++) {
        if (kind != 1) {
          v[k * shape.size() + at * 16 + i] = 1f;
        }
        if (kind != 0) {
          v[k * shape.size() + i * 16 + at] = 1f;
        }
      }
    }
    return new ArrayDataset(
        v,
        shape,
        io.github.tfgan.data.Dataset.Encoding.PIXELS,
        labels,
        List.of("horizontal", "vertical", "cross"),
        "bars");
  }

  private static GanConfig small(String net) {
    return Presets.stable().toBuilder()
        .dataset(Dataset.CUSTOM)
        .net(net)
        .conditional(true)
        .iterations(12)
        .batchSize(8)
        .noiseDim(8)
        .logEvery(4)
        .sampleEvery(0)
        .checkpointEvery(6)
        .build();
  }

  @Test
  void theArchitectureTakesTheDataClasses() {
    GanArchitecture arch = Architectures.forData(small("dcgan:4"), bars(32, 1));
    assertTrue(arch.isConditional());
    assertEquals(3, arch.classes());
    assertEquals(NetworkSpec.Conditioning.INPUT, arch.generator().conditioning());
    assertEquals(NetworkSpec.Conditioning.PROJECTION, arch.discriminator().conditioning());
    GanArchitecture plain =
        Architectures.forData(small("dcgan:4").toBuilder().conditional(false).build(), bars(32, 1));
    // G's first layer reads 3 more inputs; D gains a 3 × features embedding
    assertEquals(
        3L * arch.generator().layers().get(0).units(),
        arch.generator().parameterCount() - plain.generator().parameterCount());
    assertEquals(
        3L * (4 * 4 * 8),
        arch.discriminator().parameterCount() - plain.discriminator().parameterCount());
  }

  @Test
  void dataWithoutLabelsIsRefusedNamingTheFlag() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Architectures.forData(small("mlp:16"), ConvRunTest.bars(32, 1)));
    assertTrue(
        e.getMessage().startsWith("--conditional: expected data with labels"), e.getMessage());
    assertTrue(e.getMessage().contains("found no labels in bars"), e.getMessage());
  }

  @Test
  void conditionalNetsTrainResumeAndExportALabelInput(@TempDir Path tmp) throws Exception {
    for (String net : List.of("dcgan:4", "mlp:16,16")) {
      ArrayDataset data = bars(48, 2);
      GanConfig config = small(net);
      Path whole = tmp.resolve(net.replace(':', '-') + "-whole");
      TrainingRun.create(config, data, whole).run();
      Path runDir = tmp.resolve(net.replace(':', '-'));
      TrainingRun first = TrainingRun.create(config, data, runDir);
      first.listener(
          new io.github.tfgan.train.TrainingListener() {
            @Override
            public void onIteration(GanTrainer trainer, io.github.tfgan.train.IterationMetrics m) {
              if (m.iteration() == 9) {
                throw new IllegalStateException("stop");
              }
            }
          });
      assertThrows(IllegalStateException.class, first::run);
      assertFalse(TrainingRun.isFinished(runDir));
      TrainingRun.resume(runDir, data).run();
      assertEquals(
          Files.readAllLines(new RunDirectory(whole).metrics()),
          Files.readAllLines(new RunDirectory(runDir).metrics()),
          net + ": resumed as unbroken");
      assertTrue(Files.isRegularFile(new RunDirectory(runDir).finalGrid()));

      RunDirectory dir = new RunDirectory(runDir);
      try (SavedModelBundle b = SavedModelBundle.load(dir.generator().toString(), "serve")) {
        var inputs = b.function("serving_default").signature().getInputs();
        assertEquals(java.util.Set.of("z", "label"), inputs.keySet(), net);
        assertArrayEquals(new long[] {-1}, inputs.get("label").shape.asArray());
      }
      try (GeneratorModel g = GeneratorModel.load(dir.generator());
          DiscriminatorModel d = DiscriminatorModel.load(dir.discriminator())) {
        assertTrue(g.isConditional() && d.isConditional());
        assertEquals(3, g.classes());
        float[] z = g.noise(4, 1);
        float[] images = g.generate(z, new int[] {0, 1, 2, 1});
        assertEquals(4 * 256, images.length);
        assertEquals(4, d.score(images, new int[] {0, 1, 2, 1}).probability().length);
        assertEquals(3, d.classes(), "the discriminator reads its classes from its architecture");
        var outOfRange =
            assertThrows(
                IllegalArgumentException.class, () -> d.score(images, new int[] {0, 1, 3, 1}));
        assertEquals(
            "label: expected classes from 0 to 2, found 3 at row 2", outOfRange.getMessage());
        IllegalArgumentException none =
            assertThrows(IllegalArgumentException.class, () -> g.generate(z));
        assertTrue(none.getMessage().startsWith("label: this generator is class-conditional"));
        IllegalArgumentException range =
            assertThrows(
                IllegalArgumentException.class, () -> g.generate(z, new int[] {0, 1, 3, 0}));
        assertTrue(
            range.getMessage().equals("label: expected classes from 0 to 2, found 3 at row 2"),
            range.getMessage());
      }
    }
  }

  @Test
  void theTrainerAndTheExportSampleTheSameImagesPerClass(@TempDir Path tmp) throws Exception {
    ArrayDataset data = bars(48, 3);
    GanConfig config = small("dcgan:4");
    GanArchitecture arch = Architectures.forData(config, data);
    float[] z = new float[6 * 8];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) Math.cos(i);
    }
    int[] labels = {0, 0, 1, 1, 2, 2};
    float[] fromTrainer;
    Path model = tmp.resolve("g");
    try (GanTrainer t = new GanTrainer(config, arch, data, TrainerOptions.DEFAULT)) {
      for (int i = 0; i < 4; i++) {
        t.step();
      }
      fromTrainer = t.generate(z, labels);
      assertThrows(IllegalArgumentException.class, () -> t.generate(z));
      SavedModelExporter.exportValues(
          arch,
          SavedModelExporter.Kind.GENERATOR,
          t.variableValues(t.sampledGeneratorVariables()),
          model,
          false);
    }
    try (GeneratorModel g = GeneratorModel.load(model)) {
      assertArrayEquals(fromTrainer, g.generate(z, labels), 1e-5f);
      // the label matters: the same z with another class gives other images
      float[] other = g.generate(z, new int[] {1, 1, 2, 2, 0, 0});
      assertFalse(java.util.Arrays.equals(fromTrainer, other));
    }
  }

  /** The code of docs/library.md, "Networks written in code", trains. */
  @Test
  void theLibraryDocsSpecWrittenInCodeTrains(@TempDir Path tmp) throws Exception {
    ArrayDataset data = bars(32, 4);
    GanConfig config = small("dcgan:4").toBuilder().conditional(false).iterations(2).build();
    Path runDir = tmp.resolve("code");
    // from here as in the docs
    DataShape shape = DataShape.image(16, 16, 1);
    NetworkSpec g =
        new NetworkSpec(
            "generator",
            8,
            List.of( // z of 8 values
                Layer.dense(4 * 4 * 16, Activation.LINEAR),
                Layer.reshape(4, 4, 16),
                Layer.batchNorm(Activation.RELU),
                Layer.convTranspose(8, 4, 2, Activation.LINEAR), // 8x8x8
                Layer.batchNorm(Activation.RELU),
                Layer.convTranspose(1, 4, 2, Activation.TANH), // 16x16x1, in [-1, 1]
                Layer.reshape(256))); // G and D exchange flat rows
    NetworkSpec d =
        new NetworkSpec(
            "discriminator",
            256,
            List.of(
                Layer.reshape(16, 16, 1),
                Layer.conv(8, 4, 2, Activation.LEAKY_RELU),
                Layer.conv(16, 4, 2, Activation.LEAKY_RELU),
                Layer.reshape(4 * 4 * 16),
                Layer.dense(1, Activation.LINEAR))); // one logit
    GanArchitecture arch =
        new GanArchitecture(shape, DataScaling.SYMMETRIC, false, g, d)
            .conditional(data.classes()); // optional: G and D take labels
    TrainingRun.create(config.toBuilder().conditional(true).build(), data, runDir)
        .architecture(arch)
        .run();
    // to here
    assertEquals(arch, RunRecord.read(new RunDirectory(runDir)).architecture());
    String docs = Files.readString(Path.of("docs/library.md"));
    String code =
        Files.readString(Path.of("src/test/java/io/github/tfgan/run/ConditionalRunTest.java"));
    String body =
        code.substring(
            code.indexOf("// from here as in the docs") + 28, code.indexOf("    // to here"));
    String unindented =
        body.lines()
            .map(l -> l.length() >= 4 ? l.substring(4) : l)
            .collect(java.util.stream.Collectors.joining("\n"));
    assertTrue(docs.contains(unindented), "docs/library.md shows this test's code");
  }
}
