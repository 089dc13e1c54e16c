package io.github.tfgan.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.io.Directories;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.SeedStreams;
import io.github.tfgan.run.ModelExports;
import io.github.tfgan.testing.Synthetic;
import io.github.tfgan.train.GanTrainer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

class ExportTest {
  @TempDir static Path dir;
  static float[] z;
  static float[] trainerImages;

  @BeforeAll
  static void trainAndExport() throws Exception {
    GanConfig config = GanConfig.builder().iterations(20).batchSize(32).build();
    try (GanTrainer t = new GanTrainer(config, Synthetic.bars(128, 4))) {
      t.train(new io.github.tfgan.train.TrainingListener() {});
      z = new float[3 * 100];
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) Math.cos(i * 0.7);
      }
      trainerImages = t.generate(z);
      ModelExports.generator(t, dir.resolve("generator/1"), false);
      ModelExports.discriminator(t, dir.resolve("discriminator/1"), false);
    }
  }

  @Test
  void reloadedGeneratorReproducesTheTrainersImages() {
    try (GeneratorModel g = GeneratorModel.load(dir.resolve("generator/1"))) {
      assertEquals(100, g.noiseDim());
      float[] images = g.generate(z);
      assertEquals(trainerImages.length, images.length);
      for (int i = 0; i < images.length; i++) {
        assertEquals(trainerImages[i], images[i], 1e-6);
      }
    }
  }

  @Test
  void eachRowsNoiseIsItsOwnStreamSoAnyRangeOfRowsEqualsTheSameRowsOfOneCall() {
    try (GeneratorModel g = GeneratorModel.load(dir.resolve("generator/1"))) {
      int d = g.noiseDim();
      float[] all = g.noise(10, 7);
      assertArrayEquals(all, g.noise(0, 10, 7));
      float[] middle = g.noise(3, 4, 7);
      assertArrayEquals(Arrays.copyOfRange(all, 3 * d, 7 * d), middle);
      float[] row = new float[d];
      new SeedStreams(7).fillGaussian(SeedStreams.EXPORTED_NOISE, 9, row);
      assertArrayEquals(row, Arrays.copyOfRange(all, 9 * d, 10 * d), "row 9: stream index 9");
      assertFalse(Arrays.equals(all, g.noise(10, 8)), "another seed, other noise");
      float[] far = g.noise(5_000_000_000L, 1, 7);
      new SeedStreams(7).fillGaussian(SeedStreams.EXPORTED_NOISE, 5_000_000_000L, row);
      assertArrayEquals(row, far, "rows beyond 2^31");
      var negative = assertThrows(IllegalArgumentException.class, () -> g.noise(-1, 2, 7));
      assertEquals("first: expected a row index ≥ 0, found -1", negative.getMessage());
      var empty = assertThrows(IllegalArgumentException.class, () -> g.noise(0, 0, 7));
      assertEquals("n: expected a positive number, found 0", empty.getMessage());
    }
  }

  @Test
  void modelsLoadIntoASessionWithTheThreadPoolsAsked() {
    ConfigProto oneThread =
        ConfigProto.newBuilder()
            .setIntraOpParallelismThreads(1)
            .setInterOpParallelismThreads(1)
            .build();
    try (GeneratorModel g = GeneratorModel.load(dir.resolve("generator"), oneThread);
        DiscriminatorModel d = DiscriminatorModel.load(dir.resolve("discriminator"), oneThread)) {
      float[] images = g.generate(z);
      assertArrayEquals(trainerImages, images, 1e-6f);
      assertEquals(3, d.score(images).probability().length);
    }
  }

  @Test
  void batchedGenerationEqualsOneCallOnTheSameNoise() throws Exception {
    try (GeneratorModel g = GeneratorModel.load(dir.resolve("generator/1"))) {
      float[] direct = g.generate(g.noise(7, 5));
      float[] batched = new float[direct.length];
      int[] at = {0};
      g.generate(
          7,
          5,
          3,
          (images, rows) -> {
            System.arraycopy(images, 0, batched, at[0], images.length);
            at[0] += images.length;
          });
      assertEquals(direct.length, at[0]);
      assertArrayEquals(direct, batched, 1e-6f);
    }
  }

  @Test
  void signaturesAreServingGradeAndVariablesAreTheNetworksOnly() {
    try (SavedModelBundle b =
        SavedModelBundle.load(dir.resolve("generator/1").toString(), "serve")) {
      Signature sig = b.function(Names.SERVING_DEFAULT).signature();
      assertEquals(Names.PREDICT_METHOD, sig.methodName());
      assertEquals(Set.of("z"), sig.inputNames());
      assertEquals(Set.of("images"), sig.outputNames());
      assertEquals(
          Set.of(
              "generator_dense1_kernel",
              "generator_dense1_bias",
              "generator_dense2_kernel",
              "generator_dense2_bias",
              "generator_dense3_kernel",
              "generator_dense3_bias"),
          variables(b));
    }
    try (SavedModelBundle b =
        SavedModelBundle.load(dir.resolve("discriminator/1").toString(), "serve")) {
      Signature sig = b.function(Names.SERVING_DEFAULT).signature();
      assertEquals(Set.of("images"), sig.inputNames());
      assertEquals(Set.of("probability", "logits"), sig.outputNames());
      assertEquals(6, variables(b).size());
      assertTrue(variables(b).stream().allMatch(n -> n.startsWith("discriminator_dense")));
      try (TFloat32 images = TFloat32.tensorOf(Shape.of(2, 784));
          Result r =
              b.function(Names.SERVING_DEFAULT).call(Map.<String, Tensor>of("images", images))) {
        TFloat32 p = (TFloat32) r.get("probability").orElseThrow();
        TFloat32 l = (TFloat32) r.get("logits").orElseThrow();
        assertEquals(Shape.of(2, 1), p.shape());
        assertEquals(1.0 / (1.0 + Math.exp(-l.getFloat(0, 0))), p.getFloat(0, 0), 1e-6);
      }
    }
  }

  @Test
  void existingExportIsNeverOverwrittenWithoutForce() throws Exception {
    Path target = dir.resolve("generator/1");
    byte[] before = Files.readAllBytes(target.resolve("saved_model.pb"));
    GanConfig config = GanConfig.builder().iterations(1).batchSize(32).seed(99).build();
    try (GanTrainer t = new GanTrainer(config, Synthetic.bars(64, 4))) {
      assertThrows(
          FileAlreadyExistsException.class, () -> ModelExports.generator(t, target, false));
      assertEquals(before.length, Files.readAllBytes(target.resolve("saved_model.pb")).length);
      Path other = dir.resolve("forced/1");
      ModelExports.generator(t, other, false);
      ModelExports.generator(t, other, true);
      assertTrue(Files.isRegularFile(other.resolve("saved_model.pb")));
      try (var siblings = Files.list(other.getParent())) {
        assertEquals(List.of(other), siblings.toList(), "no temporary siblings left");
      }
    }
  }

  @Test
  void modelsLoadFromATfServingBasePathTakingTheHighestVersionAndNameWrongKinds() throws Exception {
    Path base = dir.resolve("base");
    GanConfig config = GanConfig.builder().iterations(1).batchSize(32).build();
    try (GanTrainer t = new GanTrainer(config, Synthetic.bars(64, 4))) {
      ModelExports.generator(t, base.resolve("2"), false);
      ModelExports.generator(t, base.resolve("10"), false);
      ModelExports.discriminator(t, dir.resolve("d/1"), false);
    }
    Files.createDirectories(base.resolve("11")); // no saved_model.pb: not a version
    try (GeneratorModel g = GeneratorModel.load(base)) {
      assertEquals(784, g.generate(g.noise(1, 3)).length);
    }
    assertEquals(base.resolve("10"), ServingBundles.resolve(base));
    IllegalArgumentException wrongKind =
        assertThrows(IllegalArgumentException.class, () -> GeneratorModel.load(dir.resolve("d")));
    assertEquals(
        dir.resolve("d/1")
            + ": expected a generator (serving_default with input z), found a model whose"
            + " serving_default takes [images] (no input 'z')",
        wrongKind.getMessage());
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class, () -> DiscriminatorModel.load(dir.resolve("none")));
    assertTrue(none.getMessage().startsWith(dir.resolve("none") + ": expected a SavedModel"));
  }

  @Test
  void brokenModelsAreRefusedNamingTheDirectory() throws Exception {
    Path source = dir.resolve("generator/1");
    Path truncated = dir.resolve("broken/truncated");
    Directories.copyInto(source, Files.createDirectories(truncated));
    byte[] pb = Files.readAllBytes(truncated.resolve("saved_model.pb"));
    Files.write(truncated.resolve("saved_model.pb"), java.util.Arrays.copyOf(pb, 300));
    IllegalArgumentException t =
        assertThrows(IllegalArgumentException.class, () -> GeneratorModel.load(truncated));
    assertTrue(t.getMessage().startsWith(truncated + ": expected a SavedModel"), t.getMessage());
    assertFalse(t.getMessage().contains("\n"), "one line");

    Path noWeights = dir.resolve("broken/no-weights");
    Directories.copyInto(source, Files.createDirectories(noWeights));
    Directories.deleteTree(noWeights.resolve("variables"));
    IllegalArgumentException w =
        assertThrows(IllegalArgumentException.class, () -> GeneratorModel.load(noWeights));
    assertEquals(
        noWeights + ": expected the model's weights in variables/variables.index, found none",
        w.getMessage());

    Path shortData = dir.resolve("broken/short-data");
    Directories.copyInto(source, Files.createDirectories(shortData));
    Path shard = shortData.resolve("variables/variables.data-00000-of-00001");
    Files.write(shard, java.util.Arrays.copyOf(Files.readAllBytes(shard), 1000));
    IllegalArgumentException d =
        assertThrows(IllegalArgumentException.class, () -> GeneratorModel.load(shortData));
    assertTrue(d.getMessage().startsWith(shortData + ": expected a SavedModel"), d.getMessage());
    assertFalse(d.getMessage().contains("\n"), "one line");
  }

  private static Set<String> variables(SavedModelBundle b) {
    Set<String> names = new TreeSet<>();
    b.graph()
        .operations()
        .forEachRemaining(
            op -> {
              if (op.type().equals("VariableV2") || op.type().equals("VarHandleOp")) {
                names.add(op.name());
              }
            });
    return names;
  }
}
