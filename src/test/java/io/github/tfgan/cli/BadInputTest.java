package io.github.tfgan.cli;

import static io.github.tfgan.cli.GanCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.cli.GanCliTest.Run;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.data.Npy;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.MnistShape;
import io.github.tfgan.testing.Synthetic;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The families of bad input and faults: each refused before any work or output with one line that
 * names the flag or file, nothing existing changed, nothing half-written left.
 */
class BadInputTest {
  @TempDir static Path shared;
  static Path run;
  static Path data;

  @TempDir Path dir;

  /** One short finished run that the tests share. */
  @BeforeAll
  static void train() throws Exception {
    data = shared.resolve("data");
    Synthetic.writeIdx(Synthetic.bars(128, 1), data);
    run = shared.resolve("run");
    Run r =
        cli(
            "train",
            "--data",
            data.toString(),
            "--iterations",
            "20",
            "--batch-size",
            "32",
            "--sample-every",
            "0",
            "--checkpoint-every",
            "10",
            "--out",
            run.toString());
    assertEquals(0, r.code(), r.err());
  }

  private static String generator() {
    return run.resolve("savedmodels/generator").toString();
  }

  @Test
  void outputsAreNeverReplacedWithoutForceAndBadOutputPathsAreRefusedFirst() throws Exception {
    Path png = Files.writeString(dir.resolve("a.png"), "mine");
    Run refused = cli("generate", "--model", generator(), "--count", "4", "--out", png.toString());
    assertEquals(1, refused.code());
    assertTrue(
        refused.err().contains("--out " + png + ": expected no existing file"), refused.err());
    assertTrue(refused.err().contains("--force"), refused.err());
    assertEquals("mine", Files.readString(png));
    Run forced =
        cli("generate", "--model", generator(), "--count", "4", "--out", png.toString(), "--force");
    assertEquals(0, forced.code(), forced.err());

    Path folder = Files.createDirectories(dir.resolve("folder.json"));
    Run json = cli("evaluate", "--model", generator(), "--json", folder.toString());
    assertEquals(1, json.code());
    assertTrue(
        json.err().contains("--json " + folder + ": expected a file name, found a directory"),
        json.err());

    Path dangling = dir.resolve("dangling.npy");
    Files.createSymbolicLink(dangling, dir.resolve("nowhere/x.npy"));
    Run link =
        cli("generate", "--model", generator(), "--count", "1", "--out", dangling.toString());
    assertEquals(1, link.code());
    assertTrue(link.err().contains("--out " + dangling), link.err());

    Run proc = cli("generate", "--model", generator(), "--count", "1", "--out", "/proc/x.npy");
    assertEquals(1, proc.code());
    assertTrue(proc.err().startsWith("error: --out /proc/x.npy: expected"), proc.err());
  }

  @Test
  void nonFiniteNoiseAndPixelsOutsideTheUnitRangeAreRefusedWithTheFirstBadIndex() throws Exception {
    float[] z = new float[3 * 100];
    z[1 * 100 + 7] = Float.NaN;
    Path zFile = dir.resolve("z.npy");
    Npy.write(zFile, z, 3, 100);
    Path out = dir.resolve("g.npy");
    Run nan =
        cli("generate", "--model", generator(), "--z", zFile.toString(), "--out", out.toString());
    assertEquals(1, nan.code());
    assertTrue(
        nan.err()
            .contains("--z " + zFile + ": expected finite values, found NaN at row 1, column 7"),
        nan.err());
    assertFalse(Files.exists(out));

    float[] images = new float[2 * MnistShape.PIXELS];
    images[MnistShape.PIXELS + 3] = 1.5f;
    Path imagesFile = dir.resolve("images.npy");
    Npy.write(imagesFile, images, 2, MnistShape.PIXELS);
    Run range =
        cli(
            "score",
            "--model",
            run.resolve("savedmodels/discriminator").toString(),
            "--images",
            imagesFile.toString(),
            "--out",
            dir.resolve("p.npy").toString());
    assertEquals(1, range.code());
    assertTrue(
        range.err().contains("expected pixels in [0, 1], found 1.5 at sample 1, value 3"),
        range.err());
  }

  @Test
  void generationStreamsInBatchesAndEqualsOneBigBatch() throws Exception {
    Path out = dir.resolve("many.npy");
    int count = GenerateCommand.BATCH * 2 + 5;
    Run r = cli("generate", "--model", generator(), "--count", "" + count, "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    io.github.tfgan.data.Dataset m = Datasets.open(out);
    assertEquals(count, m.size());
    assertEquals(io.github.tfgan.model.DataShape.MNIST, m.shape(), "images [n, 28, 28, 1]");
    try (GeneratorModel g = GeneratorModel.load(Path.of(generator()))) {
      float[] direct = g.generate(g.noise(count, 42));
      assertArrayEquals(direct, m.toFloats(), 1e-6f);
    }
    Run grid =
        cli(
            "generate",
            "--model",
            generator(),
            "--count",
            "20000",
            "--out",
            dir.resolve("huge.png").toString());
    assertEquals(2, grid.code());
    assertTrue(
        grid.err().contains("--count: expected at most 10000 images for a PNG grid"), grid.err());
  }

  @Test
  void idxFilesThatLieAboutTheirSizeAreAmbiguousOrCorruptNameTheFile() throws Exception {
    Path bomb = Files.createDirectories(dir.resolve("bomb"));
    try (DataOutputStream out =
        new DataOutputStream(
            new GZIPOutputStream(
                Files.newOutputStream(bomb.resolve("train-images-idx3-ubyte.gz"))))) {
      out.writeInt(0x803);
      out.writeInt(2_700_000); // claims 2.1 GB of pixels
      out.writeInt(28);
      out.writeInt(28);
      out.write(new byte[1000]);
    }
    Files.copy(
        data.resolve("train-labels-idx1-ubyte.gz"), bomb.resolve("train-labels-idx1-ubyte.gz"));
    Run truncated = cli("train", "--data", bomb.toString(), "--out", dir.resolve("r1").toString());
    assertEquals(1, truncated.code());
    assertTrue(
        truncated.err().contains("train-images-idx3-ubyte.gz: truncated: expected 2116800000"),
        truncated.err());
    assertFalse(Files.exists(dir.resolve("r1")), "no run directory for a run that cannot start");

    Path both = Files.createDirectories(dir.resolve("both"));
    Synthetic.writeIdx(Synthetic.bars(64, 1), both);
    Files.write(both.resolve("train-images-idx3-ubyte"), new byte[16]);
    Run ambiguous = cli("train", "--data", both.toString(), "--out", dir.resolve("r2").toString());
    assertEquals(1, ambiguous.code());
    assertTrue(
        ambiguous.err().contains("expected one file of train-images-idx3-ubyte, found 2"),
        ambiguous.err());

    Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
    Synthetic.writeIdx(Synthetic.bars(64, 1), corrupt);
    Path images = corrupt.resolve("train-images-idx3-ubyte.gz");
    byte[] bytes = Files.readAllBytes(images);
    Files.write(images, Arrays.copyOf(bytes, bytes.length / 2));
    Run broken = cli("train", "--data", corrupt.toString(), "--out", dir.resolve("r3").toString());
    assertEquals(1, broken.code());
    assertTrue(broken.err().contains(images.toString()), broken.err());

    Path cacheFile = Files.writeString(dir.resolve("cache-file"), "x");
    Run cache =
        cli("train", "--cache-dir", cacheFile.toString(), "--out", dir.resolve("r4").toString());
    assertEquals(1, cache.code());
    assertTrue(
        cache.err().contains("--cache-dir " + cacheFile + ": expected a directory"), cache.err());
  }

  @Test
  void publishingIsAllOrNothingKeepsEachVersionsManifestAndRepublishesAFinishedRun()
      throws Exception {
    Path base = dir.resolve("serving");
    Files.createDirectories(base);
    Files.writeString(base.resolve("discriminator"), "in the way"); // the second rename fails
    Run failed = cli("train", "--resume", run.toString(), "--export", base.toString());
    assertEquals(1, failed.code());
    assertFalse(
        Files.exists(base.resolve("generator/1")), "no generator without its discriminator");
    assertFalse(Files.exists(base.resolve("manifest.json")));

    Files.delete(base.resolve("discriminator"));
    Run first = cli("train", "--resume", run.toString(), "--export", base.toString());
    assertEquals(0, first.code(), first.err());
    Run second =
        cli(
            "train",
            "--resume",
            run.toString(),
            "--export",
            base.toString(),
            "--model-version",
            "2");
    assertEquals(0, second.code(), second.err());
    for (String model : new String[] {"generator", "discriminator"}) {
      for (String version : new String[] {"1", "2"}) {
        String manifest =
            Files.readString(
                base.resolve(model).resolve(version).resolve("assets.extra/manifest.json"));
        assertTrue(
            manifest.contains("\"" + model + "\": \"" + model + "/" + version + "\""), manifest);
      }
    }
    assertTrue(Files.readString(base.resolve("manifest.json")).contains("generator/2"));
    try (GeneratorModel g = GeneratorModel.load(base.resolve("generator"))) {
      assertEquals(MnistShape.PIXELS, g.generate(g.noise(1, 1)).length);
    }
  }

  @Test
  void runsThatCannotFinishAreRefusedBeforeTheirDirectoryExists() throws Exception {
    Path r1 = dir.resolve("r1");
    Run batch =
        cli("train", "--data", data.toString(), "--batch-size", "1000", "--out", r1.toString());
    assertEquals(2, batch.code());
    assertTrue(
        batch.err().contains("--batch-size: expected at most the number of training samples (128)"),
        batch.err());
    assertFalse(Files.exists(r1));
    Run shards = cli("train", "--data", data.toString(), "--shards", "0", "--out", r1.toString());
    assertEquals(2, shards.code());
    assertTrue(shards.err().contains("--shards: expected 1 or more, found 0"), shards.err());
    assertFalse(Files.exists(r1));

    Path file = Files.writeString(dir.resolve("models-file"), "x");
    Path r2 = dir.resolve("r2");
    Run export =
        cli(
            "train",
            "--data",
            data.toString(),
            "--out",
            r2.toString(),
            "--export",
            file.toString());
    assertEquals(1, export.code());
    assertTrue(
        export.err().contains("--export " + file + ": expected a directory for the models"),
        export.err());
    assertFalse(Files.exists(r2));
  }

  @Test
  void fileSystemErrorsSayWhatHappenedToTheFile() {
    assertEquals(
        "/data/x: permission denied",
        GanCli.describe(new java.nio.file.AccessDeniedException("/data/x")));
    assertEquals(
        "/data/y: no such file or directory",
        GanCli.describe(new java.nio.file.NoSuchFileException("/data/y")));
    assertEquals("plain", GanCli.describe(new java.io.IOException("plain")));
  }
}
