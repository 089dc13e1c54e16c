package io.github.tfgan.run;

import io.github.tfgan.train.IterationMetrics;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

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

  /**
   * How long the rate is measured before it is shown: the first iterations carry one-time costs
   * (the graph's first run, the first batches), and an ETA from them was minutes off for a
   * two-second run.
   */
  static final long RATE_KNOWN_NANOS = 1_000_000_000L;

  private final LongSupplier clock;
  private long startNanos;
  private long startIteration = -1;
  private long lastDraw;
  private boolean drawn;

  Progress(PrintStream out, long total) {
    this(out, total, System.console() != null, System::nanoTime); // stdin and stdout a terminal
  }

  /**
   * @param live whether to draw the live line at all
   * @param clock nanoseconds, as {@link System#nanoTime}
   */
  Progress(PrintStream out, long total, boolean live, LongSupplier clock) {
    this.out = out;
    this.total = total;
    this.live = live;
    this.clock = clock;
    this.lastDraw = clock.getAsLong() - REDRAW_NANOS;
  }

  void update(IterationMetrics m) {
    long now = clock.getAsLong();
    if (startIteration < 0) { // the rate is measured from the first iteration's end on
      startIteration = m.iteration();
      startNanos = now;
    }
    if (!live || now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    long elapsed = now - startNanos;
    String rate = "";
    String eta = "ETA --:--";
    if (elapsed >= RATE_KNOWN_NANOS && m.iteration() > startIteration) {
      double perSecond = (m.iteration() - startIteration) / (elapsed / 1e9);
      long etaSeconds = Math.round((total - m.iteration()) / perSecond);
      rate = String.format(Locale.ROOT, "  %.1f it/s", perSecond);
      eta = String.format(Locale.ROOT, "ETA %d:%02d", etaSeconds / 60, etaSeconds % 60);
    }
    out.printf(
        Locale.ROOT,
        "\r%d/%d%s  %s  D loss %.4f  G loss %.4f   ",
        m.iteration(),
        total,
        rate,
        eta,
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
