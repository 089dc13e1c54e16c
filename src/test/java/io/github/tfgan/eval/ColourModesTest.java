package io.github.tfgan.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.model.DataShape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The colour set with 16 known modes and its measure, on the set's own images and on exact
 * synthetic ones: what the images hold, that a seed fixes them, that real images score 16/16 and
 * 100% high quality, that dropped modes are counted as dropped, and where the quality boundary
 * lies.
 */
class ColourModesTest {
  private static final ColourModes SET = ColourModes.colours16();
  private static final int SIZE = 32 * 32 * 3;

  @Test
  void imagesHoldOneJitteredSquareOfTheirModesColourInItsQuadrant() {
    ColourModes.Images images = SET.sample(2_000, 7);
    assertEquals(2_000, images.count());
    assertEquals(2_000 * SIZE, images.pixels().length);
    assertEquals(DataShape.image(32, 32, 3), SET.shape());
    assertEquals(16, SET.modes());
    int[] perMode = new int[16];
    boolean[][] lit = {
      {true, false, false}, {false, true, false}, {false, false, true}, {true, true, false}
    };
    for (int i = 0; i < images.count(); i++) {
      int k = images.modes()[i];
      perMode[k]++;
      int minY = 99;
      int maxY = -1;
      int minX = 99;
      int maxX = -1;
      int litPixels = 0;
      int level = -1;
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          int at = i * SIZE + (y * 32 + x) * 3;
          boolean any = false;
          for (int c = 0; c < 3; c++) {
            int v = images.pixels()[at + c] & 0xff;
            if (v != 0) {
              any = true;
              assertTrue(lit[k / 4][c], "image " + i + ": channel " + c + " lit in mode " + k);
              assertTrue(level < 0 || level == v, "one level per image");
              level = v;
            }
          }
          if (any) {
            litPixels++;
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
          }
        }
      }
      assertEquals(100, litPixels, "image " + i);
      assertEquals(9, maxY - minY, "a 10x10 square");
      assertEquals(9, maxX - minX, "a 10x10 square");
      int quadrant = k % 4;
      int top = (quadrant / 2) * 16 + 3;
      int left = (quadrant % 2) * 16 + 3;
      assertTrue(Math.abs(minY - top) <= 2 && Math.abs(minX - left) <= 2, "image " + i);
      assertTrue(level >= 198 && level <= 242, "level " + level);
    }
    for (int k = 0; k < 16; k++) {
      assertTrue(perMode[k] > 2_000 / 16 * 0.7, "mode " + k + ": " + perMode[k]);
    }
  }

  @Test
  void aSeedFixesTheImages() {
    ColourModes.Images a = SET.sample(300, 42);
    ColourModes.Images b = SET.sample(300, 42);
    assertArrayEquals(a.pixels(), b.pixels());
    assertArrayEquals(a.modes(), b.modes());
    ColourModes.Images c = SET.sample(300, 43);
    assertFalse(Arrays.equals(a.modes(), c.modes()));
    // a prefix of a longer draw: image i depends on the seed and i only
    ColourModes.Images longer = SET.sample(500, 42);
    assertArrayEquals(a.pixels(), Arrays.copyOf(longer.pixels(), 300 * SIZE));
    // pinned: stream eval/colour-modes of SplitMix64 gives the same bits on every JDK
    assertArrayEquals(new int[] {15, 15, 14, 2, 10, 6, 9, 12}, Arrays.copyOf(a.modes(), 8));
    long hash = 0;
    for (byte v : a.pixels()) {
      hash = 31 * hash + (v & 0xff);
    }
    assertEquals(237907820934301248L, hash, "the bytes of the first 300 images");
  }

  @Test
  void theSetsOwnImagesCoverEveryModeAtFullQuality() {
    ColourModes.Images images = SET.sample(5_000, 3);
    ColourModeCoverage c = SET.coverage(ColourModes.toUnit(images.pixels()));
    assertEquals(16, c.modesCovered());
    assertEquals(16, c.modesReached());
    assertTrue(c.allModesCovered());
    assertEquals(1.0, c.highQualityShare());
    int[] truth = new int[16];
    for (int k : images.modes()) {
      truth[k]++;
    }
    assertArrayEquals(truth, c.perMode(), "every image goes to its own mode");
    assertArrayEquals(truth, c.nearest());
    assertEquals(79, c.modeMinimum(), "5000 / 64, rounded up");
    assertEquals("colours16: 16/16 modes covered, 100.0% high quality (5000 samples)", c.summary());
    for (int i = 0; i < 200; i++) {
      ColourModes.Assignment a = SET.assign(ColourModes.toUnit(images.pixels()), i * SIZE);
      assertTrue(a.distance() <= 0.15, "image " + i + ": " + a.distance());
    }
  }

  @Test
  void droppedModesAreCountedAsDropped() {
    ColourModes.Images images = SET.sample(4_000, 11);
    float[] all = ColourModes.toUnit(images.pixels());
    float[] kept = new float[all.length];
    int n = 0;
    for (int i = 0; i < images.count(); i++) {
      if (images.modes()[i] < 12) { // no yellow
        System.arraycopy(all, i * SIZE, kept, n * SIZE, SIZE);
        n++;
      }
    }
    ColourModeCoverage c = SET.coverage(Arrays.copyOf(kept, n * SIZE));
    assertEquals(12, c.modesCovered());
    assertEquals(12, c.modesReached());
    assertEquals(1.0, c.highQualityShare());
    assertArrayEquals(new int[4], Arrays.copyOfRange(c.perMode(), 12, 16));
    assertFalse(c.allModesCovered());

    // a mode below a quarter of its fair share is reached but not covered
    float[] few = new float[(n + 10) * SIZE];
    System.arraycopy(kept, 0, few, 0, n * SIZE);
    float[] yellow = SET.prototype(15);
    for (int i = 0; i < 10; i++) {
      System.arraycopy(yellow, 0, few, (n + i) * SIZE, SIZE);
    }
    ColourModeCoverage d = SET.coverage(few);
    assertEquals(12, d.modesCovered());
    assertEquals(13, d.modesReached());
    assertEquals(10, d.perMode()[15]);
  }

  @Test
  void prototypesAreTheirOwnModesAtDistanceZero() {
    for (int k = 0; k < 16; k++) {
      ColourModes.Assignment a = SET.assign(SET.prototype(k), 0);
      assertEquals(k, a.mode());
      assertEquals(0.0, a.distance(), 1e-6);
      assertTrue(a.highQuality());
    }
    assertEquals("red top-left", SET.modeName(0));
    assertEquals("green top-right", SET.modeName(5));
    assertEquals("yellow bottom-right", SET.modeName(15));
    assertEquals(16, SET.modeNames().size());
  }

  @Test
  void theQualityBoundaryIsHalfAOneChannelSquare() {
    // red top-left moved 1 pixel beyond the allowed shift: 20 of its 100 pixels differ from the
    // nearest template; 2 pixels beyond: 40
    float[] far = shifted(SET.prototype(0), 0, 3);
    ColourModes.Assignment a = SET.assign(far, 0);
    assertEquals(0, a.mode());
    assertEquals(Math.sqrt(0.2), a.distance(), 1e-5, "1 pixel beyond the nearest template");
    float[] farther = shifted(SET.prototype(0), 0, 4);
    assertEquals(Math.sqrt(0.4), SET.assign(farther, 0).distance(), 1e-5);
    assertFalse(SET.assign(farther, 0).highQuality());
    assertTrue(SET.assign(far, 0).highQuality());

    // a blank image is a whole one-channel square away from every red, green or blue template
    ColourModes.Assignment blank = SET.assign(new float[SIZE], 0);
    assertEquals(1.0, blank.distance(), 1e-9);
    assertFalse(blank.highQuality());

    // an orange square (green at half red) is halfway between red and yellow: 0.5 from each
    float[] orange = SET.prototype(0);
    for (int i = 1; i < SIZE; i += 3) {
      orange[i] = orange[i - 1] / 2;
    }
    ColourModes.Assignment o = SET.assign(orange, 0);
    assertEquals(0.5, o.distance(), 1e-5);
    assertTrue(o.mode() == 0 || o.mode() == 12, "red or yellow top-left: " + o.mode());

    float[] nan = SET.prototype(3);
    nan[100] = Float.NaN;
    ColourModes.Assignment bad = SET.assign(nan, 0);
    assertEquals(-1, bad.mode());
    assertFalse(bad.highQuality());
    ColourModeCoverage c = SET.coverage(nan);
    assertEquals(0, c.modesReached());
    assertEquals(0.0, c.highQualityShare());
    assertArrayEquals(new int[16], c.nearest());
  }

  @Test
  void badInputIsRefusedWithWhatWasExpected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SET.coverage(new float[SIZE + 1]));
    assertEquals(
        "images: expected n × 3072 floats (32x32x3 images, n ≥ 1), found 3073 floats",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SET.sample(0, 1));
    assertThrows(IllegalArgumentException.class, () -> SET.prototype(16));
    assertThrows(IllegalStateException.class, () -> SET.tally().coverage());
    IllegalArgumentException named =
        assertThrows(IllegalArgumentException.class, () -> ColourModes.named("colours8"));
    assertEquals("colour modes: expected colours16, found 'colours8'", named.getMessage());
    assertEquals(List.of("colours16"), ColourModes.NAMES);
    assertEquals(16, ColourModes.named("Colours16").modes());
  }

  /** The image with every pixel moved {@code dy} down and {@code dx} right (zeros shifted in). */
  private static float[] shifted(float[] image, int dy, int dx) {
    float[] out = new float[SIZE];
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        int sy = y - dy;
        int sx = x - dx;
        if (sy >= 0 && sy < 32 && sx >= 0 && sx < 32) {
          System.arraycopy(image, (sy * 32 + sx) * 3, out, (y * 32 + x) * 3, 3);
        }
      }
    }
    return out;
  }
}
