package io.github.tfgan.run;

import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;

/** Keeps the live progress line of a terminal ({@link Progress}) up to date. */
final class ProgressListener implements TrainingListener {
  private final Progress progress;

  ProgressListener(Progress progress) {
    this.progress = progress;
  }

  /** Reads the metrics only. */
  @Override
  public long nextStateRead(long completed) {
    return Long.MAX_VALUE;
  }

  @Override
  public void onIteration(GanTrainer trainer, IterationMetrics m) {
    progress.update(m);
  }

  @Override
  public void onFinish(GanTrainer trainer) {
    progress.finish();
  }
}
