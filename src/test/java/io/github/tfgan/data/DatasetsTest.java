package io.github.tfgan.data;

import static io.github.tfgan.testing.TestFiles.counting;
import static io.github.tfgan.testing.TestFiles.idxImages;
import static io.github.tfgan.testing.TestFiles.idxLabels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.model.DataShape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  @TempDir Path dir;

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }
  }

  @Test
  void anIdxDirectoryOfAnySizeReadsWithNumberedClasses() throws IOException {
    byte[] pixels = counting(5 * 3 * 7);
    idxImages(dir.resolve("train-images-idx3-ubyte.gz"), 5, 3, 7, pixels, true);
    idxLabels(dir.resolve("train-labels-idx1-ubyte"), new byte[] {0, 3, 1, 3, 0}, false);
    Dataset data = Datasets.open(dir);
    assertEquals(DataShape.image(3, 7, 1), data.shape());
    assertEquals(Dataset.Encoding.PIXELS, data.encoding());
    assertEquals(5, data.size());
    assertEquals(List.of("0", "1", "2", "3"), data.classNames());
    assertEquals(3, data.label(3));
    float[] all = data.toFloats();
    for (int i = 0; i < pixels.length; i++) {
      assertEquals((pixels[i] & 0xff) / 255f, all[i]);
    }
    assertEquals("5 3x7 grey images, 4 classes, from " + dir, Datasets.describe(data));
  }

  @Test
  void oneIdxFileReadsWithItsLabelSiblingIfThereIsOne() throws IOException {
    Path images = dir.resolve("t10k-images-idx3-ubyte");
    idxImages(images, 2, 2, 2, counting(8), false);
    Dataset unlabelled = Datasets.open(images);
    assertFalse(unlabelled.hasLabels());
    assertEquals(DataShape.image(2, 2, 1), unlabelled.shape());

    idxLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {1, 0}, true);
    Dataset labelled = Datasets.open(images);
    assertEquals(List.of("0", "1"), labelled.classNames());
    assertEquals(1, labelled.label(0));

    idxLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {1, 0, 1}, true);
    IOException e = assertThrows(IOException.class, () -> Datasets.open(images));
    assertMessage(e, "t10k-labels-idx1-ubyte.gz: expected 2 labels", "found 3");
  }

  @Test
  void unknownMissingOrNeitherPathsAreErrorsListingTheFormats() throws IOException {
    Path text = Files.writeString(dir.resolve("data.parquet"), "x");
    IOException e = assertThrows(IOException.class, () -> Datasets.open(text));
    assertMessage(
        e, text + ": expected a known data format, found a file of unknown type (.parquet)");
    assertMessage(e, Datasets.FORMATS);

    Path missing = dir.resolve("nope");
    IOException m = assertThrows(NoSuchFileException.class, () -> Datasets.open(missing));
    assertMessage(m, missing.toString(), Datasets.FORMATS);
  }

  @Test
  void anOptionForAnotherFormatIsAnError() throws IOException {
    Path csv = Files.writeString(dir.resolve("x.csv"), "1,2\n");
    IOException e =
        assertThrows(
            IOException.class, () -> Datasets.open(csv, ReadOptions.NONE.withImageSize(2, 2)));
    assertMessage(e, csv + ": is a .csv file, but the options give an image size");
    IOException l =
        assertThrows(IOException.class, () -> Datasets.open(csv, ReadOptions.NONE.withLabels(csv)));
    assertMessage(l, "a labels file");
    assertThrows(IllegalArgumentException.class, () -> ReadOptions.NONE.withImageSize(0, 3));
  }

  @Test
  void chunkedDataSetsCheckTheirChunksAndLabels() {
    DataShape two = DataShape.vector(2);
    PixelDataset pixels =
        PixelDataset.ofArrays(
            two,
            List.of(new byte[] {1, 2, 3, 4}, new byte[] {5, 6}),
            new int[] {0, 1, 1},
            List.of("a", "b"),
            "mem");
    assertEquals(3, pixels.size());
    float[] last = new float[2];
    pixels.read(2, last, 0);
    assertArrayEquals(new float[] {5 / 255f, 6 / 255f}, last);
    assertThrows(IndexOutOfBoundsException.class, () -> pixels.read(3, last, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> pixels.read(0, last, 1));

    IllegalArgumentException partial =
        assertThrows(
            IllegalArgumentException.class,
            () -> PixelDataset.ofArrays(two, List.of(new byte[3]), null, null, "mem"));
    assertMessage(partial, "mem: chunk 0: expected whole samples of 2 bytes, found 3 bytes");
    IllegalArgumentException labels =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PixelDataset.ofArrays(
                    two, List.of(new byte[4]), new int[] {0}, List.of("a"), "mem"));
    assertMessage(labels, "mem: expected 2 labels (one per sample), found 1");

    ByteBuffer big = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
    big.putFloat(1.5f).putFloat(-2f).putFloat(3f).putFloat(4f).flip();
    FloatDataset floats =
        new FloatDataset(two, List.of(big), FloatDataset.ValueType.FLOAT32, null, null, "be");
    assertArrayEquals(new float[] {1.5f, -2f, 3f, 4f}, floats.toFloats());
    assertEquals("2 2-dimensional vectors, no labels, from be", floats.toString());
  }
}
