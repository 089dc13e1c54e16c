package io.github.tfgan.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A plain line chart (Java2D) written as PNG: one x axis, several named series.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the reproduction report uses it.
 */
public final class LineChart {
  /** One named series of y values over the shared x values. */
  public record Series(String name, double[] y, Color color) {}

  private static final int W = 900;
  private static final int H = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private LineChart() {}

  /** Draws {@code series} over {@code x} with a title and axis labels, and writes the PNG. */
  public static void write(
      String title, String xLabel, String yLabel, double[] x, List<Series> series, Path file)
      throws IOException {
    double xMin = x[0];
    double xMax = x[x.length - 1];
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : s.y()) {
        if (Double.isFinite(v)) {
          yMin = Math.min(yMin, v);
          yMax = Math.max(yMax, v);
        }
      }
    }
    yMin = Math.min(0, yMin);
    if (yMax <= yMin) {
      yMax = yMin + 1;
    }
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, LEFT, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int pw = W - LEFT - RIGHT;
    int ph = H - TOP - BOTTOM;
    g.drawRect(LEFT, TOP, pw, ph);
    for (int t = 0; t <= 5; t++) {
      double xv = xMin + (xMax - xMin) * t / 5;
      int px = LEFT + pw * t / 5;
      g.drawLine(px, TOP + ph, px, TOP + ph + 5);
      g.drawString(String.format(Locale.ROOT, "%.0f", xv), px - 15, TOP + ph + 20);
      double yv = yMin + (yMax - yMin) * t / 5;
      int py = TOP + ph - ph * t / 5;
      g.drawLine(LEFT - 5, py, LEFT, py);
      g.drawString(String.format(Locale.ROOT, "%.2f", yv), 8, py + 4);
    }
    g.drawString(xLabel, LEFT + pw / 2 - 30, H - 10);
    g.drawString(yLabel, 8, TOP - 8);
    g.setStroke(new BasicStroke(1.5f));
    int legendY = TOP + 16;
    for (Series s : series) {
      g.setColor(s.color());
      int prevX = -1;
      int prevY = -1;
      for (int i = 0; i < x.length; i++) {
        if (!Double.isFinite(s.y()[i])) {
          prevX = -1;
          continue;
        }
        int px = LEFT + (int) Math.round((x[i] - xMin) / (xMax - xMin) * pw);
        int py = TOP + ph - (int) Math.round((s.y()[i] - yMin) / (yMax - yMin) * ph);
        if (prevX >= 0) {
          g.drawLine(prevX, prevY, px, py);
        }
        prevX = px;
        prevY = py;
      }
      g.fillRect(W - RIGHT - 170, legendY - 9, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(s.name(), W - RIGHT - 152, legendY + 2);
      legendY += 18;
    }
    g.dispose();
    PngImages.write(img, file);
  }
}
