package io.github.tfgan.data;

import static io.github.tfgan.testing.TestFiles.grey;
import static io.github.tfgan.testing.TestFiles.image;
import static io.github.tfgan.testing.TestFiles.rgb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.model.DataShape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {
  @TempDir Path dir;

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }
  }

  private static float[] sample(Dataset data, long index) {
    float[] out = new float[data.shape().size()];
    data.read(index, out, 0);
    return out;
  }

  @Test
  void classSubDirectoriesGiveSortedClassesAndExactGreyPixels() throws IOException {
    image(dir.resolve("zebra/b.png"), grey(3, 4, 100), "png");
    image(dir.resolve("zebra/a.PNG"), grey(3, 4, 50), "png");
    image(dir.resolve("ant/x.png"), grey(3, 4, 0), "png");
    image(dir.resolve("ant/.hidden.png"), rgb(9, 9, 0), "png");
    image(dir.resolve(".cache/y.png"), rgb(9, 9, 0), "png");
    Files.writeString(dir.resolve("LICENSE.txt"), "skipped");

    Dataset data = Datasets.open(dir);
    assertInstanceOf(PixelDataset.class, data);
    assertEquals(DataShape.image(3, 4, 1), data.shape());
    assertEquals(Dataset.Encoding.PIXELS, data.encoding());
    assertEquals(3, data.size());
    assertEquals(List.of("ant", "zebra"), data.classNames());
    assertEquals(0, data.label(0));
    assertEquals(1, data.label(1));
    assertEquals(1, data.label(2));
    float[] a = sample(data, 1); // zebra/a.PNG, sorted before b.png
    for (int i = 0; i < 12; i++) {
      assertEquals((50 + i) / 255f, a[i], "pixel " + i);
    }
    assertEquals(100 / 255f, sample(data, 2)[0]);
    assertEquals("3 3x4 grey images, 2 classes, from " + dir, Datasets.describe(data));
  }

  @Test
  void aFlatFolderWithAnyColourImageIsRgbWithGreyRepeatedAndAlphaDropped() throws IOException {
    image(dir.resolve("1.png"), rgb(2, 3, 10), "png");
    image(dir.resolve("2.png"), grey(2, 3, 200), "png");
    BufferedImage alpha = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
    alpha.setRGB(0, 0, 0x40112233);
    image(dir.resolve("3.png"), alpha, "png");

    Dataset data = Datasets.open(dir);
    assertEquals(DataShape.image(2, 3, 3), data.shape());
    assertFalse(data.hasLabels());
    assertEquals(List.of(), data.classNames());
    float[] colour = sample(data, 0);
    // pixel (y=1, x=2): r = 10 + 2, g = 10 + 1, b = 10 + 3
    int at = (1 * 3 + 2) * 3;
    assertEquals(12 / 255f, colour[at]);
    assertEquals(11 / 255f, colour[at + 1]);
    assertEquals(13 / 255f, colour[at + 2]);
    float[] grey = sample(data, 1);
    int g = (1 * 3 + 1) * 3; // value 200 + 4
    assertEquals(204 / 255f, grey[g]);
    assertEquals(204 / 255f, grey[g + 1]);
    assertEquals(204 / 255f, grey[g + 2]);
    float[] rgba = sample(data, 2);
    assertEquals(0x11 / 255f, rgba[0]);
    assertEquals(0x22 / 255f, rgba[1]);
    assertEquals(0x33 / 255f, rgba[2]);
  }

  @Test
  void jpegImagesAreReadClose() throws IOException {
    BufferedImage flat = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        flat.setRGB(x, y, 0x8040c0);
      }
    }
    image(dir.resolve("a.jpg"), flat, "jpg");
    image(dir.resolve("b.JPEG"), flat, "jpg");
    Dataset data = Datasets.open(dir);
    assertEquals(DataShape.image(8, 8, 3), data.shape());
    assertEquals(2, data.size());
    float[] px = sample(data, 1);
    assertEquals(0x80 / 255f, px[0], 4 / 255f);
    assertEquals(0x40 / 255f, px[1], 4 / 255f);
    assertEquals(0xc0 / 255f, px[2], 4 / 255f);
  }

  @Test
  void mixedSizesAreAnErrorNamingTheFirstDifferingFileUnlessASizeIsGiven() throws IOException {
    image(dir.resolve("a.png"), grey(4, 4, 0), "png");
    image(dir.resolve("b.png"), grey(4, 4, 0), "png");
    Path odd = image(dir.resolve("c.png"), grey(2, 6, 0), "png");
    image(dir.resolve("d.png"), grey(5, 5, 0), "png");
    IOException e = assertThrows(IOException.class, () -> Datasets.open(dir));
    assertMessage(e, odd + ": image size: expected 4x4", "as a.png", "found 2x6");

    Dataset resized = Datasets.open(dir, ReadOptions.NONE.withImageSize(3, 2));
    assertEquals(DataShape.image(3, 2, 1), resized.shape());
    assertEquals(4, resized.size());
  }

  @Test
  void resizingIsBilinear() throws IOException {
    BufferedImage two = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    two.getRaster().setSample(0, 0, 0, 0);
    two.getRaster().setSample(1, 0, 0, 200);
    image(dir.resolve("a.png"), two, "png");
    Dataset data = Datasets.open(dir, ReadOptions.NONE.withImageSize(1, 4));
    float[] px = sample(data, 0);
    // pixel centres at 0.25 steps of the source: -0.25 (clamped), 0.25, 0.75, 1.25 (clamped)
    float[] expected = {0, 50 / 255f, 150 / 255f, 200 / 255f};
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], px[i], "pixel " + i);
    }
    byte[] same = {1, 2, 3, 4};
    assertSame(same, ImageDecoder.resize(same, 2, 2, 1, 2, 2));
  }

  @Test
  void truncatedOrUnreadableImagesAreErrorsNamingTheFile() throws IOException {
    Path png = image(dir.resolve("png/a.png"), rgb(16, 16, 3), "png");
    byte[] bytes = Files.readAllBytes(png);
    Files.write(png, Arrays.copyOf(bytes, bytes.length - 30));
    IOException e = assertThrows(IOException.class, () -> Datasets.open(dir.resolve("png")));
    assertMessage(e, png + ": unreadable image");

    // cut in the entropy-coded data: ImageIO only warns (and fills in grey); that is an error
    BufferedImage noise = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(1);
    for (int y = 0; y < 128; y++) {
      for (int x = 0; x < 128; x++) {
        noise.setRGB(x, y, random.nextInt());
      }
    }
    Path jpg = image(dir.resolve("jpg/a.jpg"), noise, "jpg");
    byte[] jpeg = Files.readAllBytes(jpg);
    Files.write(jpg, Arrays.copyOf(jpeg, jpeg.length * 8 / 10));
    IOException ej = assertThrows(IOException.class, () -> Datasets.open(dir.resolve("jpg")));
    assertMessage(ej, jpg + ": unreadable image", "the decoder warned");

    Path text = dir.resolve("text/a.png");
    Files.createDirectories(text.getParent());
    Files.writeString(text, "not an image");
    IOException et = assertThrows(IOException.class, () -> Datasets.open(dir.resolve("text")));
    assertMessage(et, text + ": unreadable image");
  }

  @Test
  void emptyFoldersAndEmptyClassesAreErrors() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    IOException e = assertThrows(IOException.class, () -> Datasets.open(empty));
    assertMessage(e, empty + ": expected images or IDX files, found an empty directory");

    Path classes = dir.resolve("classes");
    image(classes.resolve("cat/a.png"), grey(2, 2, 0), "png");
    Path dog = Files.createDirectories(classes.resolve("dog"));
    Files.writeString(dog.resolve(".DS_Store"), "hidden");
    IOException ec = assertThrows(IOException.class, () -> Datasets.open(classes));
    assertMessage(ec, dog + ": expected PNG or JPEG images of this class, found none");

    Path onlyText = dir.resolve("text");
    Files.createDirectories(onlyText);
    Files.writeString(onlyText.resolve("notes.txt"), "x");
    IOException et = assertThrows(IOException.class, () -> Datasets.open(onlyText));
    assertMessage(et, onlyText + ": expected images or IDX files, found neither (e.g. notes.txt)");
  }

  @Test
  void imagesBesideClassDirectoriesAreAnErrorNamingOne() throws IOException {
    image(dir.resolve("cat/a.png"), grey(2, 2, 0), "png");
    Path stray = image(dir.resolve("stray.png"), grey(2, 2, 0), "png");
    IOException e = assertThrows(IOException.class, () -> Datasets.open(dir));
    assertMessage(e, stray + ": expected only class sub-directories in " + dir);
  }
}
