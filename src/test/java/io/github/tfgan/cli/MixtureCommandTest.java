package io.github.tfgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tfgan.cli.GanCliTest.Run;
import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.eval.GaussianMixture;
import io.github.tfgan.eval.MixtureCoverage;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.run.RunDirectory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gan mixture} end to end, in-process: it writes a mixture that {@code train --data} reads,
 * measures a (briefly) trained 2-D generator as {@link GaussianMixture#coverage} does, draws the
 * plots, and refuses bad input before any work. The same run shows that 2-D vector runs draw
 * scatter plots and that {@code generate} writes one.
 */
class MixtureCommandTest {
  @TempDir static Path dir;

  private static Path data;
  private static Path run;

  @BeforeAll
  static void trainATinyRunOnRing8() {
    data = dir.resolve("ring8.csv");
    Run made =
        GanCliTest.cli(
            "mixture",
            "--kind",
            "ring8",
            "--count",
            "1000",
            "--seed",
            "5",
            "--out",
            data.toString());
    assertEquals(0, made.code(), made.err());
    run = dir.resolve("run");
    Run trained =
        GanCliTest.cli(
            "train",
            "--data",
            data.toString(),
            "--out",
            run.toString(),
            "--iterations",
            "30",
            "--net",
            "mlp:16,16",
            "--batch-size",
            "32",
            "--sample-every",
            "10",
            "--checkpoint-every",
            "0");
    assertEquals(0, trained.code(), trained.err());
  }

  @Test
  void theWrittenMixtureIsTheLibrarysAndTrainsAsVectors() throws Exception {
    List<String> lines = Files.readAllLines(data);
    assertEquals("x0,x1", lines.get(0));
    assertEquals(1001, lines.size());
    Dataset read = Datasets.open(data);
    assertEquals(DataShape.vector(2), read.shape());
    float[] expected = GaussianMixture.ring8().sample(1000, 5);
    float[] row = new float[2];
    for (int i : new int[] {0, 1, 999}) {
      read.read(i, row, 0);
      assertArrayEquals(new float[] {expected[2 * i], expected[2 * i + 1]}, row, 0f);
    }
  }

  @Test
  void twoDimensionalRunsDrawScatterPlots() throws Exception {
    RunDirectory runDir = new RunDirectory(run);
    for (Path png : List.of(runDir.sampleGrid(10), runDir.finalGrid())) {
      BufferedImage img = ImageIO.read(png.toFile());
      assertTrue(img.getWidth() > 400 && img.getHeight() > 400, png + ": " + img.getWidth());
    }
    Path out = dir.resolve("generated.png");
    Run r =
        GanCliTest.cli(
            "generate",
            "--model",
            runDir.generator().toString(),
            "--count",
            "500",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(ImageIO.read(out.toFile()).getWidth() > 400);
  }

  @Test
  void measuringPrintsAndWritesWhatTheLibraryComputes() throws Exception {
    Path generator = new RunDirectory(run).generator();
    Path json = dir.resolve("coverage.json");
    Path plot = dir.resolve("coverage.png");
    Run r =
        GanCliTest.cli(
            "mixture",
            "--kind",
            "ring8",
            "--model",
            generator.toString(),
            "--count",
            "600",
            "--seed",
            "3",
            "--json",
            json.toString(),
            "--plot",
            plot.toString());
    assertEquals(0, r.code(), r.err());
    MixtureCoverage expected;
    try (GeneratorModel g = GeneratorModel.load(generator)) {
      expected = GaussianMixture.ring8().coverage(g.generate(g.noise(600, 3)));
    }
    assertTrue(r.out().startsWith(expected.summary() + "\n"), r.out());
    assertTrue(r.out().contains("covered: at least 5 high-quality samples"), r.out());
    JsonObject written = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    JsonObject coverage = written.getAsJsonObject("coverage");
    assertEquals(expected.modesCovered(), coverage.get("modesCovered").getAsInt());
    assertEquals(expected.highQualityShare(), coverage.get("highQualityShare").getAsDouble());
    assertEquals(8, coverage.getAsJsonArray("perMode").size());
    assertEquals(3, written.get("seed").getAsLong());
    assertTrue(ImageIO.read(plot.toFile()).getWidth() > 400);
  }

  @Test
  void badInputIsRefusedBeforeAnyWork() throws Exception {
    String model = new RunDirectory(run).generator().toString();
    String csv = dir.resolve("new.csv").toString();
    expectUsage("--out or --model: expected exactly one, found neither", "--kind", "ring8");
    expectUsage(
        "--out or --model: expected exactly one, found both",
        "--kind",
        "ring8",
        "--out",
        csv,
        "--model",
        model);
    expectUsage(
        "--kind: expected ring8, grid25 or colours16, found 'ring'",
        "--kind",
        "ring",
        "--out",
        csv);
    expectUsage(
        "--count: expected a positive number, found 0",
        "--kind",
        "grid25",
        "--out",
        csv,
        "--count",
        "0");
    expectUsage(
        "--json: expected it with --model DIR, found it with --out",
        "--kind",
        "grid25",
        "--out",
        csv,
        "--json",
        dir.resolve("x.json").toString());
    expectUsage(
        "--out: expected a .csv file name, found " + dir.resolve("x.npy"),
        "--kind",
        "grid25",
        "--out",
        dir.resolve("x.npy").toString());
    expectUsage(
        "--plot: expected a .png file name, found " + dir.resolve("x.jpg"),
        "--kind",
        "grid25",
        "--out",
        csv,
        "--plot",
        dir.resolve("x.jpg").toString());
    assertTrue(!Files.exists(Path.of(csv)), "nothing written");
    Run exists = GanCliTest.cli("mixture", "--kind", "ring8", "--out", data.toString());
    assertEquals(1, exists.code());
    assertTrue(
        exists.err().contains("expected no existing file (use --force to replace it)"),
        exists.err());
  }

  @Test
  void aGeneratorOfOtherDataIsNamedWithWhatItMakes() throws Exception {
    Path three = dir.resolve("three.csv");
    Files.writeString(three, "a,b,c\n" + "1,2,3\n".repeat(40) + "2,3,4\n".repeat(40));
    Path run3 = dir.resolve("run3");
    Run trained =
        GanCliTest.cli(
            "train",
            "--data",
            three.toString(),
            "--out",
            run3.toString(),
            "--iterations",
            "2",
            "--net",
            "mlp:4",
            "--batch-size",
            "8",
            "--checkpoint-every",
            "0");
    assertEquals(0, trained.code(), trained.err());
    String generator = new RunDirectory(run3).generator().toString();
    Run r = GanCliTest.cli("mixture", "--kind", "ring8", "--model", generator);
    assertEquals(2, r.code());
    assertTrue(
        r.err()
            .contains("expected a generator of 2-dimensional vectors, found one of 3-dimensional"),
        r.err());
    Run png =
        GanCliTest.cli(
            "generate",
            "--model",
            generator,
            "--count",
            "5",
            "--out",
            dir.resolve("three.png").toString());
    assertEquals(2, png.code());
    assertTrue(
        png.err().contains("(a PNG for images or 2-dimensional vectors), found a PNG"), png.err());
  }

  @Test
  void helpShowsBothForms() {
    Run r = GanCliTest.cli("mixture", "--help");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().startsWith("Usage: gan mixture --kind ring8|grid25 --out FILE.csv"), r.out());
    assertTrue(r.out().contains("\n       gan mixture --kind ring8|grid25 --model DIR"), r.out());
  }

  private static void expectUsage(String message, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "mixture";
    System.arraycopy(args, 0, all, 1, args.length);
    Run r = GanCliTest.cli(all);
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals("error: " + message + "\n", r.err());
  }
}
