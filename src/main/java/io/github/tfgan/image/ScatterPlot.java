package io.github.tfgan.image;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A scatter plot of two-dimensional points (Java2D), written as PNG: the points as small
 * translucent dots over, optionally, marked centres (a mixture's modes), each a red circle of a
 * given radius in data units, inside a frame with ticks.
 *
 * <pre>{@code
 * ScatterPlot.writePng(samples, centres, 0.06, ScatterPlot.Range.around(samples, centres),
 *     "ring8: 8/8 modes", Path.of("ring8.png"));
 * }</pre>
 */
public final class ScatterPlot {
  /** Width and height of the plotting area in pixels. */
  public static final int SIZE = 400;

  private static final int LEFT = 52;
  private static final int RIGHT = 14;
  private static final int TOP = 30;
  private static final int BOTTOM = 34;
  private static final Color POINT = new Color(31, 90, 180);
  private static final Color CENTRE = new Color(214, 39, 40);

  private ScatterPlot() {}

  /**
   * The rectangle of data coordinates a plot shows.
   *
   * @param xMin left edge
   * @param xMax right edge, above {@code xMin}
   * @param yMin bottom edge
   * @param yMax top edge, above {@code yMin}
   */
  public record Range(double xMin, double xMax, double yMin, double yMax) {
    /** Checks that both sides are finite and of positive length. */
    public Range {
      if (!(xMax > xMin && yMax > yMin)
          || !Double.isFinite(xMax - xMin)
          || !Double.isFinite(yMax - yMin)) {
        throw new IllegalArgumentException(
            "range: expected finite xMin < xMax and yMin < yMax, found x ["
                + xMin
                + ", "
                + xMax
                + "], y ["
                + yMin
                + ", "
                + yMax
                + "]");
      }
    }

    /**
     * A range holding every centre and the central 98% of the points along each axis (so that a few
     * stray points do not shrink the rest), widened by a tenth on each side.
     *
     * @param points {@code n × 2} floats, row-major
     * @param centres {@code m × 2} values, row-major; may be empty
     */
    public static Range around(float[] points, double[] centres) {
      double[] x = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
      double[] y = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
      for (int axis = 0; axis < 2; axis++) {
        double[] bounds = axis == 0 ? x : y;
        double[] values = finiteColumn(points, axis);
        if (values.length > 0) {
          Arrays.sort(values);
          bounds[0] = values[(int) Math.floor(0.01 * (values.length - 1))];
          bounds[1] = values[(int) Math.ceil(0.99 * (values.length - 1))];
        }
        for (int k = axis; k < centres.length; k += 2) {
          bounds[0] = Math.min(bounds[0], centres[k]);
          bounds[1] = Math.max(bounds[1], centres[k]);
        }
      }
      return padded(x, y);
    }

    /**
     * The range {@code centre ± halfWidth} along each axis, as a plot of data of known location and
     * spread shows it.
     */
    public static Range centred(double xCentre, double xHalf, double yCentre, double yHalf) {
      return new Range(xCentre - xHalf, xCentre + xHalf, yCentre - yHalf, yCentre + yHalf);
    }

    private static Range padded(double[] x, double[] y) {
      if (!(x[1] >= x[0])) {
        x = new double[] {-1, 1}; // no finite point and no centre
      }
      if (!(y[1] >= y[0])) {
        y = new double[] {-1, 1};
      }
      double padX = Math.max(0.1 * (x[1] - x[0]), 0.5);
      double padY = Math.max(0.1 * (y[1] - y[0]), 0.5);
      return new Range(x[0] - padX, x[1] + padX, y[0] - padY, y[1] + padY);
    }

    private static double[] finiteColumn(float[] points, int axis) {
      double[] out = new double[points.length / 2];
      int n = 0;
      for (int i = 0; i + 1 < points.length; i += 2) {
        if (Float.isFinite(points[i]) && Float.isFinite(points[i + 1])) {
          out[n++] = points[i + axis];
        }
      }
      return Arrays.copyOf(out, n);
    }
  }

  /**
   * Draws {@code points} (and {@code centres}, each ringed at {@code radius}) over {@code range}
   * under {@code title}, and writes the PNG through a temporary sibling and a rename. Points
   * outside the range, or not finite, are left out.
   *
   * @param points {@code n × 2} floats, row-major
   * @param centres {@code m × 2} values, row-major; empty for none
   * @param radius the circle drawn about each centre, in data units; 0 for a cross only
   * @param range the data coordinates shown
   * @param title a line above the plot; empty for none
   * @throws IllegalArgumentException if {@code points} or {@code centres} has an odd length
   */
  public static void writePng(
      float[] points, double[] centres, double radius, Range range, String title, Path file)
      throws IOException {
    if (points.length % 2 != 0 || centres.length % 2 != 0) {
      throw new IllegalArgumentException(
          "points, centres: expected n × 2 values (two-dimensional points), found "
              + points.length
              + " and "
              + centres.length
              + " values");
    }
    int width = LEFT + SIZE + RIGHT;
    int height = TOP + SIZE + BOTTOM;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = PngImages.whiteCanvas(img);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    g.drawString(title, LEFT, 20);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    ticks(g, range);
    g.setClip(LEFT, TOP, SIZE, SIZE);
    g.setColor(CENTRE);
    g.setStroke(new BasicStroke(1.2f));
    double scale = SIZE / (range.xMax() - range.xMin());
    double r = Math.max(radius * scale, 3);
    for (int k = 0; k + 1 < centres.length; k += 2) {
      double px = px(centres[k], range);
      double py = py(centres[k + 1], range);
      g.draw(new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
    }
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
    g.setColor(POINT);
    double dot = 2.6;
    for (int i = 0; i + 1 < points.length; i += 2) {
      if (Float.isFinite(points[i]) && Float.isFinite(points[i + 1])) {
        double px = px(points[i], range);
        double py = py(points[i + 1], range);
        g.fill(new Ellipse2D.Double(px - dot / 2, py - dot / 2, dot, dot));
      }
    }
    g.setComposite(AlphaComposite.SrcOver);
    g.dispose();
    PngImages.write(img, file);
  }

  /** As {@link #writePng(float[], double[], double, Range, String, Path)} with no centres. */
  public static void writePng(float[] points, Range range, String title, Path file)
      throws IOException {
    writePng(points, new double[0], 0, range, title, file);
  }

  private static double px(double x, Range range) {
    return LEFT + (x - range.xMin()) / (range.xMax() - range.xMin()) * SIZE;
  }

  private static double py(double y, Range range) {
    return TOP + SIZE - (y - range.yMin()) / (range.yMax() - range.yMin()) * SIZE;
  }

  /** The frame, with ticks and labels at round values along both axes. */
  private static void ticks(Graphics2D g, Range range) {
    g.setColor(new Color(235, 235, 235));
    double xStep = step(range.xMax() - range.xMin());
    double yStep = step(range.yMax() - range.yMin());
    for (double x = Math.ceil(range.xMin() / xStep) * xStep; x <= range.xMax(); x += xStep) {
      int p = (int) Math.round(px(x, range));
      g.setColor(new Color(235, 235, 235));
      g.drawLine(p, TOP, p, TOP + SIZE);
      g.setColor(Color.DARK_GRAY);
      g.drawLine(p, TOP + SIZE, p, TOP + SIZE + 4);
      String label = label(x, xStep);
      g.drawString(label, p - g.getFontMetrics().stringWidth(label) / 2, TOP + SIZE + 17);
    }
    for (double y = Math.ceil(range.yMin() / yStep) * yStep; y <= range.yMax(); y += yStep) {
      int p = (int) Math.round(py(y, range));
      g.setColor(new Color(235, 235, 235));
      g.drawLine(LEFT, p, LEFT + SIZE, p);
      g.setColor(Color.DARK_GRAY);
      g.drawLine(LEFT - 4, p, LEFT, p);
      String label = label(y, yStep);
      g.drawString(label, LEFT - 7 - g.getFontMetrics().stringWidth(label), p + 4);
    }
    g.setColor(Color.DARK_GRAY);
    g.drawRect(LEFT, TOP, SIZE, SIZE);
  }

  /**
   * A round tick spacing (1, 2 or 5 times a power of ten) giving 4 to 10 ticks over {@code span}.
   */
  static double step(double span) {
    double power = Math.pow(10, Math.floor(Math.log10(span / 5)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (span / (m * power) <= 10) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private static String label(double value, double step) {
    double rounded = Math.round(value / step) * step;
    BigDecimal d = new BigDecimal(Double.toString(rounded + 0.0));
    int decimals = Math.max(0, -(int) Math.floor(Math.log10(step)));
    return d.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }
}
