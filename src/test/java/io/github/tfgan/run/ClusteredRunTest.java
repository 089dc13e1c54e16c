package io.github.tfgan.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.Architectures;
import io.github.tfgan.data.ArrayDataset;
import io.github.tfgan.data.DataClusters;
import io.github.tfgan.export.DiscriminatorModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.export.SavedModelExporter;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.TrainerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;

/**
 * Nets conditioned on the data's clusters ({@code --net dcgan:W:clustersK}) end to end: they train,
 * checkpoint and resume to the same losses (the clusters found again, the shares and centroids
 * restored), and export an unconditional G (z in) and D (images in) that sample and score as the
 * trainer does, with the data's cluster shares and centroids.
 */
class ClusteredRunTest {

  /** {@link ConvRunTest}'s small run, with 3 clusters, for {@code iterations}. */
  private static GanConfig small(int iterations) {
    return ConvRunTest.small("dcgan:4:clusters3").toBuilder().iterations(iterations).build();
  }

  @Test
  void trainsResumesAndExportsUnconditionalModels(@TempDir Path tmp) throws Exception {
    ArrayDataset data = ConvRunTest.bars(64, 1);
    GanConfig config = small(24);
    Path runDir = tmp.resolve("resumed");
    Resumed.matchesAnUnbrokenRun(config, data, tmp.resolve("whole"), runDir, 16);

    RunDirectory dir = new RunDirectory(runDir);
    GanArchitecture arch = RunRecord.read(dir).architecture();
    assertEquals(3, arch.clusters());
    try (SavedModelBundle b = SavedModelBundle.load(dir.generator().toString(), "serve")) {
      var inputs = b.function("serving_default").signature().getInputs();
      assertEquals(java.util.Set.of("z"), inputs.keySet(), "G takes noise only");
    }
    try (GeneratorModel g = GeneratorModel.load(dir.generator());
        DiscriminatorModel d = DiscriminatorModel.load(dir.discriminator())) {
      float[] images = g.generate(g.noise(6, 3));
      assertEquals(6 * 256, images.length);
      assertEquals(6, d.score(images).probability().length, "D takes images only");
    }
  }

  @Test
  void theExportsHoldTheDataClustersAndSampleAsTheTrainer(@TempDir Path tmp) throws Exception {
    ArrayDataset data = ConvRunTest.bars(64, 2);
    GanConfig config = small(4);
    GanArchitecture arch = Architectures.forData(config, data);
    DataClusters clusters = DataClusters.fit(data, arch.scaling(), 3, config.seed());
    float[] z = new float[5 * 8];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) Math.sin(i);
    }
    Path model = tmp.resolve("g");
    float[] fromTrainer;
    try (GanTrainer t = new GanTrainer(config, arch, data, TrainerOptions.DEFAULT)) {
      for (int i = 0; i < 4; i++) {
        t.step();
      }
      fromTrainer = t.generate(z);
      float[][] g = t.variableValues(t.sampledGeneratorVariables());
      assertArrayEquals(clusters.clusters().logShares(), g[g.length - 1], "G's log shares");
      float[][] d = t.variableValues(t.discriminatorVariables());
      assertArrayEquals(clusters.clusters().centroids(), d[d.length - 1], "D's centroids");
      SavedModelExporter.exportValues(arch, SavedModelExporter.Kind.GENERATOR, g, model, false);
    }
    try (GeneratorModel g = GeneratorModel.load(model)) {
      assertArrayEquals(fromTrainer, g.generate(z), 1e-5f);
    }
    assertTrue(Files.exists(model.resolve("saved_model.pb")));
  }
}
