package io.github.tfgan.bench;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code gan.jar memory}: trains at the article's settings and prints resident memory (and the Java
 * heap within it) after warm-up and every few iterations, to show that native memory stays flat:
 * every tensor, result and session of the training loop is closed.
 */
public final class MemoryCheck {
  private MemoryCheck() {}

  /**
   * @param warmup iterations before the baseline reading
   * @param iterations total iterations
   * @param every print a reading every this many iterations
   * @return the relative change of resident memory from the baseline to the end (0.01 = 1%)
   */
  public static double run(ImageData data, int warmup, int iterations, int every, PrintStream out)
      throws IOException {
    GanConfig config = GanConfig.builder().iterations(iterations).build();
    out.printf(
        Locale.ROOT,
        "%10s %10s %14s %16s %18s%n",
        "iteration",
        "RSS MB",
        "heap used MB",
        "heap commit MB",
        "RSS - heap MB");
    long baseline = 0;
    long last = 0;
    try (GanTrainer trainer = new GanTrainer(config, data)) {
      // As train runs them (chains of iterations, one session run each), up to each reading.
      long i = 0;
      while (i < iterations) {
        long next = Math.min(iterations, TrainingListener.nextMultiple(i, every));
        if (i < warmup) {
          next = Math.min(next, warmup);
        }
        trainer.advance(next - i, TrainingListener.each(m -> {}));
        i = next;
        System.gc();
        last = reading(out, i);
        if (i == warmup) {
          baseline = last;
        }
      }
    }
    double change = baseline == 0 ? 0 : (last - baseline) / (double) baseline;
    out.printf(
        Locale.ROOT,
        "resident memory after iteration %d: %.1f MB; after iteration %d: %.1f MB; change %+.2f%%%n",
        warmup,
        baseline / 1024.0,
        iterations,
        last / 1024.0,
        change * 100);
    return change;
  }

  private static long reading(PrintStream out, long iteration) throws IOException {
    long rss = rssKb();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    out.printf(
        Locale.ROOT,
        "%10d %10.1f %14.1f %16.1f %18.1f%n",
        iteration,
        rss / 1024.0,
        heap.getUsed() / 1048576.0,
        heap.getCommitted() / 1048576.0,
        rss / 1024.0 - heap.getCommitted() / 1048576.0);
    return rss;
  }

  /** Current resident set size (VmRSS) of this process in kB. */
  static long rssKb() throws IOException {
    return procStatusKb("VmRSS");
  }

  /** A {@code kB} field of {@code /proc/self/status} (VmRSS, VmHWM...). */
  static long procStatusKb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IOException("/proc/self/status: expected a " + field + " line, found none");
  }
}
