package io.github.tfgan.run;

import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/**
 * Ends the loop when a stop was requested: after the iteration's outputs, writes its checkpoint and
 * throws {@link RunStoppedException}. The last listener, so that every other output of the
 * iteration is on disk first.
 */
final class StopListener implements TrainingListener {
  private final BooleanSupplier requested;
  private final Checkpoints checkpoints;
  private final MetricsFile.Appender metrics;
  private final TensorBoardWriter board;

  StopListener(
      BooleanSupplier requested,
      Checkpoints checkpoints,
      MetricsFile.Appender metrics,
      TensorBoardWriter board) {
    this.requested = requested;
    this.checkpoints = checkpoints;
    this.metrics = metrics;
    this.board = board;
  }

  /**
   * Reads the state only when a stop is asked for, and then at the end of whatever run of
   * iterations is under way: any iteration will do.
   */
  @Override
  public long nextStateRead(long completed) {
    return Long.MAX_VALUE;
  }

  /** Saves and stops once the trainer's state is the iteration's (the last of a chained run). */
  @Override
  public void onIteration(GanTrainer trainer, IterationMetrics m) {
    if (requested.getAsBoolean() && trainer.completedIterations() == m.iteration()) {
      try {
        metrics.flush();
        board.flush();
        Checkpoints.Checkpoint saved = checkpoints.save(trainer);
        throw new RunStoppedException(m.iteration(), saved.directory());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
