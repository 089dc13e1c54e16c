package io.github.tfgan.run;

import io.github.tfgan.train.IterationMetrics;
import java.io.PrintStream;
import java.util.Locale;

/**
 * On a terminal, a live line with iteration, iterations/s, ETA and the latest losses, redrawn at
 * most twice a second; log lines are printed above it. When the output is not a terminal (a file, a
 * pipe, a test), only the log lines are printed.
 */
final class Progress {
  private static final long REDRAW_NANOS = 500_000_000L;

  private final PrintStream out;
  private final long total;
  private final boolean live;
  private final long startNanos = System.nanoTime();
  private long startIteration = -1;
  private long lastDraw;
  private boolean drawn;

  Progress(PrintStream out, long total) {
    this.out = out;
    this.total = total;
    this.live = System.console() != null; // stdin and stdout are a terminal
  }

  void update(IterationMetrics m) {
    if (startIteration < 0) {
      startIteration = m.iteration() - 1;
    }
    long now = System.nanoTime();
    if (!live || now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    double perSecond = (m.iteration() - startIteration) / ((now - startNanos) / 1e9);
    long etaSeconds = (long) ((total - m.iteration()) / Math.max(perSecond, 1e-9));
    out.printf(
        Locale.ROOT,
        "\r%d/%d  %.1f it/s  ETA %d:%02d  D loss %.4f  G loss %.4f   ",
        m.iteration(),
        total,
        perSecond,
        etaSeconds / 60,
        etaSeconds % 60,
        m.dLoss(),
        m.gLoss());
    out.flush();
    drawn = true;
  }

  void println(String line) {
    if (drawn) {
      out.print("\r\033[K");
      drawn = false;
    }
    out.println(line);
  }

  void finish() {
    if (drawn) {
      out.print("\r\033[K");
      out.flush();
      drawn = false;
    }
  }
}
