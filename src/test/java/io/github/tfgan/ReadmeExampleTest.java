package io.github.tfgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.image.ImageGrid;
import io.github.tfgan.testing.Synthetic;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java API example, compiled and run here; the README must show it verbatim. */
class ReadmeExampleTest {
  @TempDir Path dir;

  // README-BEGIN
  static void trainExportGenerate(ImageData data, Path out) throws IOException {
    GanConfig config = GanConfig.builder().iterations(200).seed(7).build();
    try (GanTrainer trainer = new GanTrainer(config, data)) {
      trainer.train(
          TrainingListener.each(
              m -> {
                if (m.iteration() % 100 == 0) {
                  System.out.println(m.logLine());
                }
              }));
      trainer.exportGenerator(out.resolve("generator/1"), false);
    }
    try (GeneratorModel generator = GeneratorModel.load(out.resolve("generator/1"))) {
      float[] images = generator.generate(generator.noise(16, 123)); // [16 × 784] in [0, 1]
      ImageGrid.writePng(images, 2, out.resolve("samples.png"));
    }
  }

  // README-END

  @Test
  void exampleRuns() throws IOException {
    trainExportGenerate(Synthetic.bars(256, 8), dir);
    assertTrue(Files.isRegularFile(dir.resolve("samples.png")));
    assertTrue(Files.isRegularFile(dir.resolve("generator/1/saved_model.pb")));
  }

  @Test
  void readmeShowsThisExampleVerbatim() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/io/github/tfgan/ReadmeExampleTest.java"));
    String example =
        source.substring(
            source.indexOf("// README-BEGIN\n") + 16, source.indexOf("  // README-END"));
    List<String> exampleLines =
        example.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    String readme = Files.readString(Path.of("README.md"));
    List<String> readmeLines = readme.lines().map(String::strip).toList();
    int start = readmeLines.indexOf(exampleLines.get(0));
    assertTrue(start >= 0, "README shows the example's first line: " + exampleLines.get(0));
    List<String> shown =
        readmeLines.subList(start, readmeLines.size()).stream()
            .filter(l -> !l.isEmpty())
            .limit(exampleLines.size())
            .toList();
    assertEquals(exampleLines, shown);
  }
}
