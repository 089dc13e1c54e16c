package io.github.tfgan.run;

import io.github.tfgan.image.ImageGrid;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the grid of one fixed noise batch every {@code every} iterations ({@code
 * samples/iteration_NNNNNN.png}) and at the end ({@code samples/final.png}), so that grids from
 * different iterations compare.
 */
final class SampleGridListener implements TrainingListener {
  private final RunDirectory dir;
  private final float[] fixedZ;
  private final DataShape shape;
  private final int every;

  /**
   * @param every iterations between grids; 0 = only the final grid
   */
  SampleGridListener(RunDirectory dir, DataShape shape, float[] fixedZ, int every) {
    this.dir = dir;
    this.shape = shape;
    this.fixedZ = fixedZ;
    this.every = every;
  }

  /** Reads the state (sample grids) at multiples of the interval. */
  @Override
  public long nextStateRead(long completed) {
    return TrainingListener.nextMultiple(completed, every);
  }

  @Override
  public void onIteration(GanTrainer trainer, IterationMetrics m) {
    if (every > 0 && m.iteration() % every == 0) {
      write(trainer, dir.sampleGrid(m.iteration()));
    }
  }

  @Override
  public void onFinish(GanTrainer trainer) {
    write(trainer, dir.finalGrid());
  }

  private void write(GanTrainer trainer, java.nio.file.Path file) {
    try {
      if (shape.isImage()) {
        ImageGrid.writePng(trainer.generate(fixedZ), shape, TrainingRun.GRID_SCALE, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
