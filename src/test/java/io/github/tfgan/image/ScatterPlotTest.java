package io.github.tfgan.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scatter plot: a PNG of a fixed size, points where the range puts them, centres ringed in red,
 * ranges that hold the data, and no temporary file left behind.
 */
class ScatterPlotTest {

  /** The pixel where data point (x, y) lands, for the plot's fixed margins. */
  private static int[] pixel(double x, double y, ScatterPlot.Range r) {
    int left = 52;
    int top = 30;
    return new int[] {
      (int) Math.round(left + (x - r.xMin()) / (r.xMax() - r.xMin()) * ScatterPlot.SIZE),
      (int)
          Math.round(
              top + ScatterPlot.SIZE - (y - r.yMin()) / (r.yMax() - r.yMin()) * ScatterPlot.SIZE)
    };
  }

  private static boolean bluish(int rgb) {
    Color c = new Color(rgb);
    return c.getBlue() > c.getRed() + 40 && c.getBlue() < 250;
  }

  private static boolean reddish(int rgb) {
    Color c = new Color(rgb);
    return c.getRed() > 150 && c.getGreen() < 120;
  }

  @Test
  void pointsLandWhereTheRangePutsThemAndCentresAreRinged(@TempDir Path tmp) throws Exception {
    ScatterPlot.Range range = new ScatterPlot.Range(-2, 2, -1, 3);
    float[] points = new float[2 * 50];
    for (int i = 0; i < 50; i++) {
      points[2 * i] = 1f; // 50 points on top of each other at (1, 2): a solid dot
      points[2 * i + 1] = 2f;
    }
    Path file = tmp.resolve("plot.png");
    ScatterPlot.writePng(points, new double[] {-1, 0}, 0.25, range, "title", file);
    BufferedImage img = ImageIO.read(file.toFile());
    assertEquals(52 + ScatterPlot.SIZE + 14, img.getWidth());
    assertEquals(30 + ScatterPlot.SIZE + 34, img.getHeight());
    int[] p = pixel(1, 2, range);
    assertTrue(bluish(img.getRGB(p[0], p[1])), "a point's dot at " + p[0] + "," + p[1]);
    int[] empty = pixel(-1.25, 2.25, range); // off the grid lines at every 0.5
    assertEquals(Color.WHITE.getRGB(), img.getRGB(empty[0], empty[1]), "empty space is white");
    // the centre's ring: radius 0.25 = 25 px; its edge is red, its middle not
    int[] edge = pixel(-1 + 0.25, 0, range);
    boolean red = false;
    for (int dx = -1; dx <= 1; dx++) {
      red |= reddish(img.getRGB(edge[0] + dx, edge[1]));
    }
    assertTrue(red, "a red ring about the centre");
    int[] middle = pixel(-1, 0.1, range);
    assertEquals(Color.WHITE.getRGB(), img.getRGB(middle[0] + 3, middle[1]), "inside the ring");
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(1, left.count(), "no temporary file left");
    }
  }

  @Test
  void pointsOutsideTheRangeOrNotFiniteAreLeftOut(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("out.png");
    ScatterPlot.writePng(
        new float[] {100f, 100f, Float.NaN, 0f}, ScatterPlot.Range.centred(0, 1, 0, 1), "", file);
    BufferedImage img = ImageIO.read(file.toFile());
    int[] centre = pixel(0, 0, ScatterPlot.Range.centred(0, 1, 0, 1));
    assertFalse(bluish(img.getRGB(centre[0], centre[1])), "nothing drawn");
  }

  @Test
  void theAutomaticRangeHoldsTheCentresAndTheBulkOfThePoints() {
    float[] points = new float[2 * 200];
    for (int i = 0; i < 200; i++) {
      points[2 * i] = i / 100f; // x in [0, 1.99]
      points[2 * i + 1] = -i / 200f; // y in [-0.995, 0]
    }
    points[0] = 1e6f; // one stray point does not stretch the range
    ScatterPlot.Range r = ScatterPlot.Range.around(points, new double[] {-3, 5});
    assertTrue(r.xMin() < -3 && r.xMax() > 1.9 && r.xMax() < 3, r.toString());
    assertTrue(r.yMin() < -0.98 && r.yMax() > 5, r.toString());
    ScatterPlot.Range none = ScatterPlot.Range.around(new float[0], new double[0]);
    assertTrue(none.xMax() > none.xMin());
  }

  @Test
  void badInputNamesWhatWasExpected(@TempDir Path tmp) {
    IllegalArgumentException range =
        assertThrows(IllegalArgumentException.class, () -> new ScatterPlot.Range(1, 1, 0, 1));
    assertTrue(
        range.getMessage().startsWith("range: expected finite xMin < xMax"), range.getMessage());
    IllegalArgumentException odd =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ScatterPlot.writePng(
                    new float[3], ScatterPlot.Range.centred(0, 1, 0, 1), "", tmp.resolve("x.png")));
    assertTrue(
        odd.getMessage().startsWith("points, centres: expected n × 2 values"), odd.getMessage());
  }

  @Test
  void tickStepsAreRound() {
    assertEquals(1.0, ScatterPlot.step(8), 1e-12);
    assertEquals(2.0, ScatterPlot.step(11), 1e-12);
    assertEquals(0.5, ScatterPlot.step(4.2), 1e-12);
    assertEquals(0.01, ScatterPlot.step(0.07), 1e-12);
  }
}
