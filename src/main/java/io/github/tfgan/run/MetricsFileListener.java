package io.github.tfgan.run;

import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Appends every iteration's metrics to {@code metrics.csv}, flushing every {@code flushEvery}. */
final class MetricsFileListener implements TrainingListener {
  private final MetricsFile.Appender file;
  private final int flushEvery;

  /**
   * @param flushEvery flush after iterations divisible by this (the log interval: rows reach the
   *     disk at least as often as log lines, and before each checkpoint when it divides the
   *     checkpoint interval; {@link CheckpointListener} flushes it too)
   */
  MetricsFileListener(MetricsFile.Appender file, int flushEvery) {
    this.file = file;
    this.flushEvery = flushEvery;
  }

  /** Reads the metrics only. */
  @Override
  public long nextStateRead(long completed) {
    return Long.MAX_VALUE;
  }

  @Override
  public void onIteration(GanTrainer trainer, IterationMetrics m) {
    try {
      file.append(m);
      if (m.iteration() % flushEvery == 0) {
        file.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
