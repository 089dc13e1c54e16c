package io.github.tfgan.run;

import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Saves a checkpoint every {@code every} iterations, after the metrics and events of that iteration
 * are on disk (so a resumed run finds every row up to its checkpoint).
 */
final class CheckpointListener implements TrainingListener {
  private final Checkpoints checkpoints;
  private final int every;
  private final MetricsFile.Appender metrics;
  private final TensorBoardWriter board;

  /**
   * @param every iterations between checkpoints; 0 = never
   */
  CheckpointListener(
      Checkpoints checkpoints, int every, MetricsFile.Appender metrics, TensorBoardWriter board) {
    this.checkpoints = checkpoints;
    this.every = every;
    this.metrics = metrics;
    this.board = board;
  }

  /** Reads the state (checkpoints) at multiples of the interval. */
  @Override
  public long nextStateRead(long completed) {
    return TrainingListener.nextMultiple(completed, every);
  }

  @Override
  public void onIteration(GanTrainer trainer, IterationMetrics m) {
    if (every > 0 && m.iteration() % every == 0) {
      try {
        metrics.flush();
        board.flush();
        checkpoints.save(trainer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
