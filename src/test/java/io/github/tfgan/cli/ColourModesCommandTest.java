package io.github.tfgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tfgan.cli.GanCliTest.Run;
import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.data.ReadOptions;
import io.github.tfgan.eval.ColourModeCoverage;
import io.github.tfgan.eval.ColourModes;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.run.RunDirectory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gan mixture --kind colours16} end to end, in-process: it writes the colour set as a uint8
 * {@code .npy} (and its modes as labels) that {@code train --data} reads, measures a (briefly)
 * trained 32x32x3 generator as {@link ColourModes#coverage} does, draws the grids, and refuses bad
 * input before any work.
 */
class ColourModesCommandTest {
  @TempDir static Path dir;

  private static Path data;
  private static Path labels;
  private static Path run;

  @BeforeAll
  static void trainATinyConvRunOnColours16() {
    data = dir.resolve("colours.npy");
    labels = dir.resolve("modes.npy");
    Run made =
        GanCliTest.cli(
            "mixture",
            "--kind",
            "colours16",
            "--count",
            "200",
            "--seed",
            "5",
            "--out",
            data.toString(),
            "--labels",
            labels.toString(),
            "--plot",
            dir.resolve("data.png").toString());
    assertEquals(0, made.code(), made.err());
    assertTrue(
        made.out()
            .startsWith(
                "wrote 200 images of colours16 (32x32 RGB images, uint8) to " + data + "\n"),
        made.out());
    run = dir.resolve("run");
    Run trained =
        GanCliTest.cli(
            "train",
            "--data",
            data.toString(),
            "--out",
            run.toString(),
            "--net",
            "dcgan:4",
            "--iterations",
            "2",
            "--batch-size",
            "8",
            "--sample-every",
            "0",
            "--checkpoint-every",
            "0");
    assertEquals(0, trained.code(), trained.err());
  }

  @Test
  void theWrittenSetIsTheLibrarysWithItsModesAsLabels() throws Exception {
    Dataset read = Datasets.open(data, new ReadOptions(labels, null, null));
    assertEquals(DataShape.image(32, 32, 3), read.shape());
    assertEquals(200, read.size());
    assertEquals(16, read.classes());
    ColourModes.Images expected = ColourModes.colours16().sample(200, 5);
    float[] all = ColourModes.toUnit(expected.pixels());
    float[] row = new float[32 * 32 * 3];
    for (int i : new int[] {0, 1, 199}) {
      read.read(i, row, 0);
      assertArrayEquals(
          java.util.Arrays.copyOfRange(all, i * row.length, (i + 1) * row.length), row, 0f);
      assertEquals(expected.modes()[i], read.label(i));
    }
    BufferedImage grid = ImageIO.read(dir.resolve("data.png").toFile());
    assertEquals(8 * (64 + 2) + 2, grid.getWidth(), "8x8 images of 32 pixels at scale 2");
    assertEquals(0x808080, grid.getRGB(0, 0) & 0xffffff, "grey between the images");
    assertEquals(0, grid.getRGB(2, 2) & 0xffffff, "a black corner of the first image");
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
            "colours16",
            "--model",
            generator.toString(),
            "--count",
            "1500",
            "--seed",
            "3",
            "--json",
            json.toString(),
            "--plot",
            plot.toString());
    assertEquals(0, r.code(), r.err());
    ColourModeCoverage expected;
    try (GeneratorModel g = GeneratorModel.load(generator)) {
      expected = ColourModes.colours16().coverage(g.generate(g.noise(1500, 3)));
    }
    assertTrue(r.out().startsWith(expected.summary() + "\n"), r.out());
    assertTrue(r.out().contains("covered: at least 24 high-quality samples"), r.out());
    assertTrue(r.out().contains("\n  yellow bottom-right "), r.out());
    JsonObject written = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    JsonObject coverage = written.getAsJsonObject("coverage");
    assertEquals(expected.modesCovered(), coverage.get("modesCovered").getAsInt());
    assertEquals(expected.highQualityShare(), coverage.get("highQualityShare").getAsDouble());
    assertEquals(16, coverage.getAsJsonArray("perMode").size());
    assertEquals(16, coverage.getAsJsonArray("nearest").size());
    assertEquals("red top-left", coverage.getAsJsonArray("modeNames").get(0).getAsString());
    assertEquals(3, written.get("seed").getAsLong());
    assertEquals(8 * (64 + 2) + 2, ImageIO.read(plot.toFile()).getWidth());
  }

  @Test
  void badInputIsRefusedBeforeAnyWork() throws Exception {
    String model = new RunDirectory(run).generator().toString();
    String npy = dir.resolve("new.npy").toString();
    expectUsage(
        "--kind: expected ring8, grid25 or colours16, found 'colours'",
        "--kind",
        "colours",
        "--out",
        npy);
    expectUsage(
        "--out: expected a .npy file name, found " + dir.resolve("x.csv"),
        "--kind",
        "colours16",
        "--out",
        dir.resolve("x.csv").toString());
    expectUsage(
        "--labels: expected it with --kind colours16 --out FILE.npy, found it with --kind ring8"
            + " --out",
        "--kind",
        "ring8",
        "--out",
        dir.resolve("x.csv").toString(),
        "--labels",
        npy);
    expectUsage(
        "--labels: expected it with --kind colours16 --out FILE.npy, found it with --kind"
            + " colours16 --model",
        "--kind",
        "colours16",
        "--model",
        model,
        "--labels",
        npy);
    expectUsage(
        "--labels: expected a file other than --out's, found " + npy,
        "--kind",
        "colours16",
        "--out",
        npy,
        "--labels",
        npy);
    expectUsage(
        "--count: expected a positive number, found -1",
        "--kind",
        "colours16",
        "--out",
        npy,
        "--count",
        "-1");
    assertTrue(!Files.exists(Path.of(npy)), "nothing written");

    Path ring = dir.resolve("ring.csv");
    Run r =
        GanCliTest.cli("mixture", "--kind", "ring8", "--count", "200", "--out", ring.toString());
    assertEquals(0, r.code(), r.err());
    Path vectors = dir.resolve("vectors");
    Run trained =
        GanCliTest.cli(
            "train",
            "--data",
            ring.toString(),
            "--out",
            vectors.toString(),
            "--iterations",
            "1",
            "--net",
            "mlp:4",
            "--batch-size",
            "8",
            "--checkpoint-every",
            "0");
    assertEquals(0, trained.code(), trained.err());
    Run wrong =
        GanCliTest.cli(
            "mixture",
            "--kind",
            "colours16",
            "--model",
            new RunDirectory(vectors).generator().toString());
    assertEquals(2, wrong.code());
    assertTrue(
        wrong.err().contains("expected a generator of 32x32 RGB images, found one of 2-"),
        wrong.err());
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
