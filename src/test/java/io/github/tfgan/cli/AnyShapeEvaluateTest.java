package io.github.tfgan.cli;

import static io.github.tfgan.cli.GanCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.cli.GanCliTest.Run;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-classifier --data} and {@code evaluate} beyond MNIST, through the command line: a
 * folder of RGB images trains a classifier that records its classes and data; {@code evaluate}
 * refuses a generator of another shape naming both shapes; vectors are measured in data space;
 * unlabelled and vector data are refused by {@code train-classifier} before any training.
 */
class AnyShapeEvaluateTest {
  @TempDir static Path dir;
  private static Path folder;
  private static Path classifier;
  private static Run trained;

  /** 10x10 PNGs in red/, green/, blue/: a bright square of the class's colour on dim noise. */
  @BeforeAll
  static void trainAClassifierOnAFolderOfImages() throws Exception {
    folder = dir.resolve("squares");
    Random random = new Random(2);
    List<String> colours = List.of("blue", "green", "red");
    for (int c = 0; c < 3; c++) {
      Path sub = Files.createDirectories(folder.resolve(colours.get(c)));
      for (int k = 0; k < 70; k++) {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        int y0 = random.nextInt(5);
        int x0 = random.nextInt(5);
        for (int y = 0; y < 10; y++) {
          for (int x = 0; x < 10; x++) {
            boolean inside = y >= y0 && y < y0 + 5 && x >= x0 && x < x0 + 5;
            int[] rgb = {random.nextInt(40), random.nextInt(40), random.nextInt(40)};
            if (inside) {
              rgb[2 - c] = 200 + random.nextInt(56); // blue, green, red
            }
            image.setRGB(x, y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
          }
        }
        ImageIO.write(
            image, "png", sub.resolve(String.format(Locale.ROOT, "%03d.png", k)).toFile());
      }
    }
    classifier = dir.resolve("classifier");
    trained =
        cli(
            "train-classifier",
            "--data",
            folder.toString(),
            "--epochs",
            "4",
            "--out",
            classifier.toString());
  }

  @Test
  void aFolderOfImagesTrainsAClassifierThatRecordsItsClassesAndData() throws Exception {
    assertEquals(0, trained.code(), trained.err());
    assertTrue(trained.out().contains("validation accuracy: "), trained.out());
    String accuracy = trained.out().split("validation accuracy: ")[1].substring(0, 6);
    assertTrue(Double.parseDouble(accuracy) > 0.9, trained.out());
    Path info = classifier.resolve("1/assets.extra/classifier.json");
    assertTrue(Files.isRegularFile(classifier.resolve("1/saved_model.pb")));
    String json = Files.readString(info);
    assertTrue(json.contains("\"blue\"") && json.contains("\"red\""), json);
    assertTrue(json.contains(folder.toAbsolutePath().toString().replace("\\", "\\\\")), json);
  }

  @Test
  void evaluateRefusesAGeneratorOfAnotherShapeNamingBoth() {
    Run r =
        cli(
            "evaluate",
            "--model",
            Path.of("savedmodels", "generator").toString(),
            "--classifier",
            classifier.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--model"), r.err());
    assertTrue(r.err().contains("28x28x1") && r.err().contains("10x10x3"), r.err());
  }

  @Test
  void trainClassifierRefusesVectorsAndUnlabelledImagesBeforeTraining() throws Exception {
    Path csv = dir.resolve("points.csv");
    List<String> lines = new ArrayList<>(List.of("x,y"));
    for (int i = 0; i < 50; i++) {
      lines.add(i + "," + (i % 7));
    }
    Files.write(csv, lines);
    Run vectors =
        cli("train-classifier", "--data", csv.toString(), "--out", dir.resolve("v").toString());
    assertEquals(2, vectors.code(), vectors.err());
    assertTrue(vectors.err().contains("--data: expected labelled images"), vectors.err());
    assertTrue(vectors.err().contains("2-dimensional vectors"), vectors.err());

    Path flat = Files.createDirectories(dir.resolve("flat"));
    Files.copy(folder.resolve("red/000.png"), flat.resolve("a.png"));
    Files.copy(folder.resolve("red/001.png"), flat.resolve("b.png"));
    Run unlabelled =
        cli("train-classifier", "--data", flat.toString(), "--out", dir.resolve("u").toString());
    assertEquals(2, unlabelled.code(), unlabelled.err());
    assertTrue(unlabelled.err().contains("no labels"), unlabelled.err());
    assertTrue(Files.notExists(dir.resolve("u")) && Files.notExists(dir.resolve("v")));
  }

  @Test
  void aVectorGeneratorIsMeasuredInDataSpace() throws Exception {
    Path csv = dir.resolve("gauss.csv");
    Random random = new Random(3);
    List<String> lines = new ArrayList<>(List.of("a,b"));
    for (int i = 0; i < 600; i++) {
      lines.add(
          String.format(
              Locale.ROOT, "%.4f,%.4f", random.nextGaussian(), 5 + 2 * random.nextGaussian()));
    }
    Files.write(csv, lines);
    Path run = dir.resolve("vector-run");
    Run t =
        cli(
            "train",
            "--data",
            csv.toString(),
            "--iterations",
            "30",
            "--batch-size",
            "32",
            "--sample-every",
            "0",
            "--out",
            run.toString());
    assertEquals(0, t.code(), t.err());
    String model = run.resolve("savedmodels/generator").toString();
    Run none = cli("evaluate", "--model", model);
    assertEquals(2, none.code(), none.err());
    assertTrue(none.err().contains("--data: expected the data"), none.err());
    Run wrong = cli("evaluate", "--model", model, "--classifier", classifier.toString());
    assertEquals(2, wrong.code(), wrong.err());
    assertTrue(wrong.err().contains("10x10x3") && wrong.err().contains("found 2 "), wrong.err());

    Path json = dir.resolve("vectors.json");
    Run e =
        cli(
            "evaluate",
            "--model",
            model,
            "--data",
            csv.toString(),
            "--samples",
            "200",
            "--json",
            json.toString());
    assertEquals(0, e.code(), e.err());
    assertTrue(e.out().contains("in data space, not a learned feature space"), e.out());
    assertTrue(e.out().contains("independent Gaussian"), e.out());
    assertTrue(e.out().contains("std ratio"), e.out());
    assertTrue(Files.readString(json).contains("\"precision\""));
  }
}
