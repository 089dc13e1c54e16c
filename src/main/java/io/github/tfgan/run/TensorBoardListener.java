package io.github.tfgan.run;

import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;

/**
 * TensorBoard events: the scalars and iterations/s every {@code logEvery} iterations, the
 * fixed-noise grid every {@code sampleEvery} and at the end.
 */
final class TensorBoardListener implements TrainingListener {
  private final TensorBoardWriter board;
  private final float[] fixedZ;
  private final int logEvery;
  private final int sampleEvery;
  private long windowNanos = System.nanoTime();
  private long windowIteration = -1;

  TensorBoardListener(TensorBoardWriter board, float[] fixedZ, int logEvery, int sampleEvery) {
    this.board = board;
    this.fixedZ = fixedZ;
    this.logEvery = logEvery;
    this.sampleEvery = sampleEvery;
  }

  /** Reads the state (sample images) at multiples of the interval. */
  @Override
  public long nextStateRead(long completed) {
    return TrainingListener.nextMultiple(completed, sampleEvery);
  }

  @Override
  public void onIteration(GanTrainer trainer, IterationMetrics m) {
    if (windowIteration < 0) {
      windowIteration = m.iteration() - 1;
    }
    if (m.iteration() % logEvery == 0) {
      long now = System.nanoTime();
      float perSecond = (float) ((m.iteration() - windowIteration) / ((now - windowNanos) / 1e9));
      windowNanos = now;
      windowIteration = m.iteration();
      board.scalars(
          m.iteration(), m.dLoss(), m.gLoss(), m.dReal(), m.dFake(), m.learningRate(), perSecond);
    }
    if (sampleEvery > 0 && m.iteration() % sampleEvery == 0) {
      board.samples(
          m.iteration(),
          SampleGridListener.samples(trainer, fixedZ, trainer.architecture().classes()));
    }
  }

  @Override
  public void onFinish(GanTrainer trainer) {
    long last = trainer.completedIterations();
    if (sampleEvery == 0 || last % sampleEvery != 0) {
      // the final grid, unless the periodic one of the same step was just written
      board.samples(
          last, SampleGridListener.samples(trainer, fixedZ, trainer.architecture().classes()));
    }
    board.flush();
  }
}
