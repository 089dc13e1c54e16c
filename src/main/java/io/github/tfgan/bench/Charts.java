package io.github.tfgan.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tfgan.image.PngImages;
import io.github.tfgan.io.Errors;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The docs' charts, drawn from what the project measured: the speed comparison from {@code bench
 * --json} files and the quality figures from {@code evaluate --json} files (Java2D, written as
 * PNG). {@code gan charts} calls it.
 */
public final class Charts {
  /** One bar: a value with an optional spread (NaN when none). */
  record Bar(String label, double value, double low, double high, Color color) {}

  /** One panel of bars sharing an axis. */
  record Panel(String title, List<Bar> bars) {}

  private static final Color JAVA = new Color(0x1f77b4);
  private static final Color PYTHON = new Color(0xff7f0e);
  private static final Color FLOOR = new Color(0x7f7f7f);
  private static final List<Color> SERIES =
      List.of(new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c), FLOOR);

  private static final int PANEL_W = 330;
  private static final int H = 420;
  private static final int TOP = 70;
  private static final int BOTTOM = 80;

  private Charts() {}

  /**
   * Milliseconds per iteration of TF Java's default step, the Python peer and the floor (matmul, or
   * conv for conv nets), one panel per bench file (its preset), medians with the spread of the
   * repeats.
   *
   * @throws IOException naming a file that is not a bench result
   */
  public static void speed(List<Path> benchFiles, Path png) throws IOException {
    List<Panel> panels = new ArrayList<>();
    for (Path file : benchFiles) {
      JsonObject bench = read(file, "a bench --json result");
      JsonObject java = object(bench, "java_fused", file);
      JsonObject python = object(bench, "python", file);
      JsonObject floor = object(bench, "floor", file);
      panels.add(
          new Panel(
              "preset " + bench.get("preset").getAsString(),
              List.of(
                  new Bar("TF Java", median(java), min(java), max(java), JAVA),
                  new Bar(
                      python.has("tensorflow")
                          ? "Python TF " + python.get("tensorflow").getAsString()
                          : "Python TF",
                      python.get("ms_per_iter").getAsDouble(),
                      minOf(python.getAsJsonArray("repeats")),
                      maxOf(python.getAsJsonArray("repeats")),
                      PYTHON),
                  new Bar(
                      bench.has("floor_kind")
                          ? bench.get("floor_kind").getAsString() + " floor"
                          : "matmul floor",
                      median(floor),
                      min(floor),
                      max(floor),
                      FLOOR))));
    }
    draw(
        "Training step, ms per iteration (lower is better; median and range of repeats)",
        panels,
        png);
  }

  /**
   * Classifier score, Fréchet distance and Parzen log-likelihood of each named evaluation's
   * generator, beside the real images of the first evaluation.
   *
   * @param evaluations label → {@code evaluate --json} file, in order
   */
  public static void quality(Map<String, Path> evaluations, Path png) throws IOException {
    List<String> labels = new ArrayList<>();
    List<JsonObject> rows = new ArrayList<>();
    JsonObject real = null;
    for (Map.Entry<String, Path> e : evaluations.entrySet()) {
      JsonObject evaluation = read(e.getValue(), "an evaluate --json result");
      for (JsonElement f : evaluation.getAsJsonArray("figures")) {
        JsonObject figures = f.getAsJsonObject();
        String name = figures.get("name").getAsString();
        if (name.equals("generator")) {
          labels.add(e.getKey());
          rows.add(figures);
        } else if (name.startsWith("real") && real == null) {
          real = figures;
        }
      }
    }
    if (real != null) {
      labels.add("real MNIST");
      rows.add(real);
    }
    List<Panel> panels = new ArrayList<>();
    for (String[] metric :
        List.of(
            new String[] {"classifierScore", "classifier score (higher is better)"},
            new String[] {"frechetDistance", "Fréchet distance (lower is better)"},
            new String[] {"parzenLogLikelihood", "Parzen log-likelihood (higher is better)"})) {
      List<Bar> bars = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        bars.add(
            new Bar(
                labels.get(i),
                rows.get(i).get(metric[0]).getAsDouble(),
                Double.NaN,
                Double.NaN,
                SERIES.get(Math.min(i, SERIES.size() - 1))));
      }
      panels.add(new Panel(metric[1], bars));
    }
    draw(
        "Quality on 10,000 samples (the bundled MNIST classifier; docs/evaluation.md)",
        panels,
        png);
  }

  /** Draws the panels side by side under a title and writes the PNG atomically. */
  static void draw(String title, List<Panel> panels, Path png) throws IOException {
    int w = Math.max(600, PANEL_W * panels.size());
    BufferedImage img = new BufferedImage(w, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = PngImages.whiteCanvas(img);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    centred(g, title, w / 2, 24);
    int panelW = w / panels.size();
    for (int p = 0; p < panels.size(); p++) {
      drawPanel(g, panels.get(p), p * panelW, panelW);
    }
    g.dispose();
    PngImages.write(img, png);
  }

  private static void drawPanel(Graphics2D g, Panel panel, int x0, int width) {
    double lo = 0;
    double hi = 0;
    for (Bar b : panel.bars()) {
      lo = Math.min(lo, Double.isNaN(b.low()) ? b.value() : Math.min(b.low(), b.value()));
      hi = Math.max(hi, Double.isNaN(b.high()) ? b.value() : Math.max(b.high(), b.value()));
    }
    if (hi <= lo) {
      hi = lo + 1;
    }
    double pad = (hi - lo) * 0.12;
    hi += hi > 0 ? pad : 0;
    lo -= lo < 0 ? pad : 0;
    int top = TOP;
    int bottom = H - BOTTOM;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.setColor(Color.BLACK);
    centred(g, panel.title(), x0 + width / 2, 52);
    double scale = (bottom - top) / (hi - lo);
    int zero = (int) Math.round(bottom - (0 - lo) * scale);
    int n = panel.bars().size();
    int slot = (width - 40) / n;
    int barW = Math.min(60, slot - 16);
    for (int i = 0; i < n; i++) {
      Bar b = panel.bars().get(i);
      int cx = x0 + 20 + slot * i + slot / 2;
      int y = (int) Math.round(bottom - (b.value() - lo) * scale);
      g.setColor(b.color());
      g.fillRect(cx - barW / 2, Math.min(y, zero), barW, Math.abs(zero - y));
      g.setColor(Color.BLACK);
      if (!Double.isNaN(b.low())) {
        int yl = (int) Math.round(bottom - (b.low() - lo) * scale);
        int yh = (int) Math.round(bottom - (b.high() - lo) * scale);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(cx, yl, cx, yh);
        g.drawLine(cx - 6, yl, cx + 6, yl);
        g.drawLine(cx - 6, yh, cx + 6, yh);
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      String value =
          String.format(Locale.ROOT, Math.abs(b.value()) >= 100 ? "%.0f" : "%.2f", b.value());
      int labelY = b.value() >= 0 ? Math.min(y, yHigh(b, lo, scale, bottom)) - 6 : y + 16;
      centred(g, value, cx, labelY);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      int line = 0;
      for (String word : wrapLabel(b.label(), g.getFontMetrics(), slot - 4)) {
        centred(g, word, cx, bottom + 18 + 14 * line++);
      }
    }
    g.setColor(Color.GRAY);
    g.drawLine(x0 + 16, zero, x0 + width - 16, zero);
  }

  private static int yHigh(Bar b, double lo, double scale, int bottom) {
    return Double.isNaN(b.high())
        ? Integer.MAX_VALUE
        : (int) Math.round(bottom - (b.high() - lo) * scale);
  }

  private static List<String> wrapLabel(String label, FontMetrics metrics, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : label.split(" ")) {
      String next = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && metrics.stringWidth(next) > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(next);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static void centred(Graphics2D g, String text, int cx, int y) {
    g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, y);
  }

  private static JsonObject read(Path file, String what) throws IOException {
    try {
      return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IOException(file + ": expected " + what + ", found " + Errors.describe(e), e);
    }
  }

  private static JsonObject object(JsonObject json, String key, Path file) throws IOException {
    if (!json.has(key) || !json.get(key).isJsonObject()) {
      throw new IOException(file + ": expected a bench result with \"" + key + "\", found none");
    }
    return json.getAsJsonObject(key);
  }

  private static double median(JsonObject o) {
    return o.get("median").getAsDouble();
  }

  private static double min(JsonObject o) {
    return o.get("min").getAsDouble();
  }

  private static double max(JsonObject o) {
    return o.get("max").getAsDouble();
  }

  private static double minOf(com.google.gson.JsonArray a) {
    double m = Double.POSITIVE_INFINITY;
    for (JsonElement e : a) {
      m = Math.min(m, e.getAsDouble());
    }
    return m;
  }

  private static double maxOf(com.google.gson.JsonArray a) {
    double m = Double.NEGATIVE_INFINITY;
    for (JsonElement e : a) {
      m = Math.max(m, e.getAsDouble());
    }
    return m;
  }
}
