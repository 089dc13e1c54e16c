package io.github.tfgan.run;

import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;
import java.util.function.Consumer;

/** The article's log line ({@link IterationMetrics#logLine()}) every {@code every} iterations. */
public final class LogLineListener implements TrainingListener {
  private final Consumer<String> sink;
  private final int every;

  /**
   * @param sink receives each line
   * @param every iterations between lines (the article: 100)
   */
  public LogLineListener(Consumer<String> sink, int every) {
    if (every <= 0) {
      throw new IllegalArgumentException("every: expected a positive number, found " + every);
    }
    this.sink = sink;
    this.every = every;
  }

  /** Reads the metrics only. */
  @Override
  public long nextStateRead(long completed) {
    return Long.MAX_VALUE;
  }

  @Override
  public void onIteration(GanTrainer trainer, IterationMetrics m) {
    if (m.iteration() % every == 0) {
      sink.accept(m.logLine());
    }
  }
}
