package io.github.tfgan.train;

/** Receives training events; every method has a no-op default. */
public interface TrainingListener {
  /** Called after every iteration, with what it measured. */
  default void onIteration(GanTrainer trainer, IterationMetrics metrics) {}

  /** Called once, after the last iteration. */
  default void onFinish(GanTrainer trainer) {}
}
