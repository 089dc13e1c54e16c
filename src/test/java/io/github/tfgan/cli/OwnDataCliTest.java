package io.github.tfgan.cli;

import static io.github.tfgan.cli.GanCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.testing.TestFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", through the command line: {@code train --data FILE_OR_DIR --out runs/x
 * --export models} works for each format (built here, small), and {@code generate --model
 * models/generator --count N --out x.npy} returns the data's shape and range.
 */
class OwnDataCliTest {
  @TempDir Path dir;

  private void trainAndGenerate(String name, DataShape expected, boolean pixels, String... data)
      throws Exception {
    Path runDir = dir.resolve("runs").resolve(name);
    Path models = dir.resolve("models-" + name);
    String[] args = {
      "train",
      "--iterations",
      "4",
      "--batch-size",
      "8",
      "--net",
      "mlp:16",
      "--sample-every",
      "0",
      "--out",
      runDir.toString(),
      "--export",
      models.toString()
    };
    GanCliTest.Run train = cli(concat(new String[] {"train"}, data, args));
    assertEquals(0, train.code(), name + ": " + train.err());
    Path out = dir.resolve(name + ".npy");
    GanCliTest.Run generate =
        cli(
            "generate",
            "--model",
            models.resolve("generator").toString(),
            "--count",
            "6",
            "--out",
            out.toString());
    assertEquals(0, generate.code(), name + ": " + generate.err());
    Dataset samples = Datasets.open(out);
    assertEquals(6, samples.size(), name);
    assertEquals(expected, samples.shape(), name);
    for (float v : samples.toFloats()) {
      assertTrue(Float.isFinite(v), name);
      if (pixels) {
        assertTrue(v >= 0f && v <= 1f, name + ": pixel " + v);
      }
    }
  }

  private static String[] concat(String[] a, String[] b, String[] c) {
    String[] all = new String[a.length + b.length + c.length - 1];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    System.arraycopy(c, 1, all, a.length + b.length, c.length - 1);
    return all;
  }

  @Test
  void idxFilesOfAnotherSize() throws Exception {
    Path idx = Files.createDirectories(dir.resolve("idx"));
    byte[] pixels = new byte[40 * 12 * 10];
    new Random(1).nextBytes(pixels);
    byte[] labels = new byte[40];
    for (int i = 0; i < 40; i++) {
      labels[i] = (byte) (i % 3);
    }
    TestFiles.idxImages(idx.resolve("train-images-idx3-ubyte.gz"), 40, 12, 10, pixels, true);
    TestFiles.idxLabels(idx.resolve("train-labels-idx1-ubyte.gz"), labels, true);
    trainAndGenerate("idx", DataShape.image(12, 10, 1), true, "--data", idx.toString());
  }

  @Test
  void npyOfRgbPixelsWithLabels() throws Exception {
    byte[] body = new byte[30 * 8 * 6 * 3];
    new Random(2).nextBytes(body);
    Path images = TestFiles.npy(dir.resolve("rgb.npy"), "|u1", "(30, 8, 6, 3)", body);
    long[] classes = new long[30];
    for (int i = 0; i < 30; i++) {
      classes[i] = i % 2;
    }
    Path labels =
        TestFiles.npy(dir.resolve("labels.npy"), "<i8", "(30,)", TestFiles.ints(8, classes));
    Path few = TestFiles.npy(dir.resolve("few.npy"), "<i8", "(3,)", TestFiles.ints(8, 0, 1, 0));
    GanCliTest.Run wrong =
        cli(
            "train",
            "--data",
            images.toString(),
            "--labels",
            few.toString(),
            "--out",
            dir.resolve("wrong").toString());
    assertEquals(1, wrong.code());
    assertTrue(
        wrong.err().contains("--labels " + few + ": expected 30 labels"),
        "names --labels: " + wrong.err());
    assertFalse(Files.exists(dir.resolve("wrong")), "no run directory is left behind");
    trainAndGenerate(
        "npy-rgb",
        DataShape.image(8, 6, 3),
        true,
        "--data",
        images.toString(),
        "--labels",
        labels.toString());
  }

  @Test
  void npyOfFloatVectors() throws Exception {
    Random random = new Random(3);
    ByteBuffer buf = ByteBuffer.allocate(50 * 3 * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 150; i++) {
      buf.putDouble(100 + 20 * random.nextGaussian());
    }
    Path file = TestFiles.npy(dir.resolve("vectors.npy"), "<f8", "(50, 3)", buf.array());
    trainAndGenerate("npy-vectors", DataShape.vector(3), false, "--data", file.toString());
  }

  @Test
  void aFolderOfImagesWithClassesResized() throws Exception {
    Path folder = dir.resolve("folder");
    for (int i = 0; i < 12; i++) {
      String cls = i % 2 == 0 ? "cats" : "dogs";
      int size = 10 + i % 3; // mixed sizes: --image-size makes them one
      TestFiles.image(
          folder.resolve(cls).resolve(i + ".png"), TestFiles.rgb(size, size, i * 7), "png");
    }
    trainAndGenerate(
        "folder",
        DataShape.image(8, 8, 3),
        true,
        "--data",
        folder.toString(),
        "--image-size",
        "8x8");
    GanCliTest.Run mixed =
        cli("train", "--data", folder.toString(), "--out", dir.resolve("mixed").toString());
    assertEquals(1, mixed.code());
    assertTrue(mixed.err().contains("expected") && mixed.err().contains(".png"), mixed.err());
    assertFalse(Files.exists(dir.resolve("mixed")), "no run directory is left behind");
  }

  @Test
  void aCsvWithAHeaderAndALabelColumn() throws Exception {
    StringBuilder csv = new StringBuilder("x,y,kind\n");
    Random random = new Random(4);
    for (int i = 0; i < 40; i++) {
      csv.append(random.nextGaussian())
          .append(',')
          .append(5 + random.nextGaussian())
          .append(',')
          .append(i % 2 == 0 ? "a" : "b")
          .append('\n');
    }
    Path file = Files.writeString(dir.resolve("table.csv"), csv);
    trainAndGenerate(
        "csv", DataShape.vector(2), false, "--data", file.toString(), "--label-column", "kind");
    GanCliTest.Run asCsv =
        cli(
            "generate",
            "--model",
            dir.resolve("models-csv/generator").toString(),
            "--count",
            "3",
            "--out",
            dir.resolve("x.csv").toString());
    assertEquals(0, asCsv.code(), asCsv.err());
    assertEquals(4, Files.readAllLines(dir.resolve("x.csv")).size(), "a header and 3 rows");
  }
}
