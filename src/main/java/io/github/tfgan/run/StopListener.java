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

  @Override
  public void onIteration(GanTrainer trainer, IterationMetrics m) {
    if (requested.getAsBoolean()) {
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
