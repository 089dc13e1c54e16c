package io.github.tfgan.run;

import io.github.tfgan.io.Directories;
import io.github.tfgan.train.IterationMetrics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code metrics.csv}, one row per iteration ({@value #HEADER}): the only reader and writer of the
 * format. Floats are written at full precision, so a resumed run's rows equal an uninterrupted
 * run's character for character.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the reproduction report uses it.
 */
public final class MetricsFile {
  /** The header line. */
  public static final String HEADER = "iteration,d_loss,g_loss,d_real,d_fake,learning_rate";

  private static final int COLUMNS = HEADER.split(",").length;

  private MetricsFile() {}

  /** One CSV row of {@code m}. */
  public static String row(IterationMetrics m) {
    return m.iteration()
        + ","
        + m.dLoss()
        + ","
        + m.gLoss()
        + ","
        + m.dReal()
        + ","
        + m.dFake()
        + ","
        + m.learningRate();
  }

  /** Creates {@code file} with the header only, atomically. */
  public static void create(Path file) throws IOException {
    Directories.writeAtomically(file, (HEADER + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The columns of a metrics file, for readers above the training layer (the report's curves).
   *
   * @param iteration 1-based iterations, one per row
   */
  public record Curves(
      double[] iteration, double[] dLoss, double[] gLoss, double[] dReal, double[] dFake) {
    /** Rows read. */
    public int size() {
      return iteration.length;
    }
  }

  /** The columns of {@code file}, as {@link #read} reads its rows. */
  public static Curves readCurves(Path file) throws IOException {
    List<IterationMetrics> rows = read(file);
    int n = rows.size();
    Curves c =
        new Curves(new double[n], new double[n], new double[n], new double[n], new double[n]);
    for (int i = 0; i < n; i++) {
      IterationMetrics m = rows.get(i);
      c.iteration()[i] = m.iteration();
      c.dLoss()[i] = m.dLoss();
      c.gLoss()[i] = m.gLoss();
      c.dReal()[i] = m.dReal();
      c.dFake()[i] = m.dFake();
    }
    return c;
  }

  /**
   * Every whole row of {@code file}, in order. A process killed mid-write can leave a partial last
   * row: rows that do not parse are skipped.
   */
  public static List<IterationMetrics> read(Path file) throws IOException {
    List<IterationMetrics> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      IterationMetrics m = parse(line);
      if (m != null) {
        rows.add(m);
      }
    }
    return rows;
  }

  /**
   * Keeps the rows up to {@code iteration} and drops the rest (a resumed run writes them again),
   * atomically.
   */
  public static void truncateAfter(Path file, long iteration) throws IOException {
    StringBuilder kept = new StringBuilder(HEADER).append('\n');
    if (Files.exists(file)) {
      for (IterationMetrics m : read(file)) {
        if (m.iteration() <= iteration) {
          kept.append(row(m)).append('\n');
        }
      }
    }
    Directories.writeAtomically(file, kept.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static IterationMetrics parse(String line) {
    String[] c = line.split(",");
    if (c.length != COLUMNS || !c[0].matches("\\d+")) {
      return null;
    }
    try {
      return new IterationMetrics(
          Long.parseLong(c[0]),
          Float.parseFloat(c[1]),
          Float.parseFloat(c[2]),
          Float.parseFloat(c[3]),
          Float.parseFloat(c[4]),
          Float.parseFloat(c[5]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Appends rows to a metrics file; flush it before a checkpoint so its rows are on disk. */
  public static final class Appender implements AutoCloseable {
    private final BufferedWriter out;

    /** Opens {@code file} (which must exist, with its header) for appending. */
    public Appender(Path file) throws IOException {
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Appends one row. */
    public void append(IterationMetrics m) throws IOException {
      out.write(row(m));
      out.newLine();
    }

    /** Writes buffered rows to the file. */
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
