package io.github.tfgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.testing.Synthetic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  @Test
  void readsGzipAndRawFilesScalingPixelsToUnitRange() throws IOException {
    ImageData bars = Synthetic.bars(5, 2);
    Synthetic.writeIdx(bars, dir);
    ImageData gz =
        ImageData.readIdx(
            dir.resolve("train-images-idx3-ubyte.gz"),
            dir.resolve("train-labels-idx1-ubyte.gz"),
            "t");
    assertEquals(5, gz.count());
    assertArrayEquals(bars.pixels(), gz.pixels());
    assertArrayEquals(bars.labels(), gz.labels());

    Path raw = dir.resolve("raw-images");
    Files.write(raw, gunzip(dir.resolve("train-images-idx3-ubyte.gz")));
    IdxReader.Images images = IdxReader.readImages(raw);
    assertEquals(28, images.rows());
    assertEquals(5 * 784, images.pixels().length);
  }

  @Test
  void truncatedFileIsAnErrorNamingTheFile() throws IOException {
    Path f = dir.resolve("short");
    byte[] full = images(3, 28, 28);
    Files.write(f, Arrays.copyOf(full, full.length - 10));
    IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(f));
    assertTrue(
        e.getMessage().contains(f.toString()) && e.getMessage().contains("truncated"),
        e.getMessage());

    Path header = dir.resolve("header");
    Files.write(header, Arrays.copyOf(full, 6));
    IOException h = assertThrows(IOException.class, () -> IdxReader.readImages(header));
    assertTrue(h.getMessage().contains("truncated header"), h.getMessage());
  }

  @Test
  void wrongMagicIsAnErrorWithExpectedAndFound() throws IOException {
    Path f = dir.resolve("labels-as-images");
    Files.write(f, images(3, 28, 28));
    IOException e = assertThrows(IOException.class, () -> IdxReader.readLabels(f));
    assertTrue(e.getMessage().contains("expected 0x00000801"), e.getMessage());
    assertTrue(e.getMessage().contains("found 0x00000803"), e.getMessage());
  }

  @Test
  void wrongImageSizeAndLabelCountAreErrors() throws IOException {
    Path img = dir.resolve("img");
    Files.write(img, images(3, 32, 32));
    Path labels = dir.resolve("labels");
    Files.write(labels, labels(3));
    IOException size = assertThrows(IOException.class, () -> ImageData.readIdx(img, labels, "t"));
    assertTrue(size.getMessage().contains("expected 28x28, found 32x32"), size.getMessage());

    Files.write(img, images(4, 28, 28));
    IOException count = assertThrows(IOException.class, () -> ImageData.readIdx(img, labels, "t"));
    assertTrue(count.getMessage().contains("expected 4, found 3"), count.getMessage());
  }

  @Test
  void missingFileIsAnError() {
    Path f = dir.resolve("nope");
    IOException e = assertThrows(IOException.class, () -> IdxReader.readImages(f));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }

  @Test
  void corruptGzipIsAnError() throws IOException {
    Path f = dir.resolve("bad.gz");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(images(3, 28, 28));
    }
    byte[] gz = bytes.toByteArray();
    Files.write(f, Arrays.copyOf(gz, gz.length / 2));
    assertThrows(IOException.class, () -> IdxReader.readImages(f));
  }

  private static byte[] images(int n, int rows, int cols) {
    ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
    b.putInt(IdxReader.IMAGES_MAGIC).putInt(n).putInt(rows).putInt(cols);
    return b.array();
  }

  private static byte[] labels(int n) {
    ByteBuffer b = ByteBuffer.allocate(8 + n);
    b.putInt(IdxReader.LABELS_MAGIC).putInt(n);
    return b.array();
  }

  private static byte[] gunzip(Path f) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(f))) {
      return in.readAllBytes();
    }
  }
}
