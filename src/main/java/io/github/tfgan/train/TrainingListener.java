package io.github.tfgan.train;

import java.util.List;
import java.util.function.Consumer;

/** Receives training events; every method has a no-op default. */
public interface TrainingListener {
  /** Called after every iteration, with what it measured. */
  default void onIteration(GanTrainer trainer, IterationMetrics metrics) {}

  /** Called once, after the last iteration. */
  default void onFinish(GanTrainer trainer) {}

  /** A listener that calls each of {@code listeners} in order. */
  static TrainingListener all(List<TrainingListener> listeners) {
    List<TrainingListener> copy = List.copyOf(listeners);
    return new TrainingListener() {
      @Override
      public void onIteration(GanTrainer trainer, IterationMetrics metrics) {
        for (TrainingListener l : copy) {
          l.onIteration(trainer, metrics);
        }
      }

      @Override
      public void onFinish(GanTrainer trainer) {
        for (TrainingListener l : copy) {
          l.onFinish(trainer);
        }
      }
    };
  }

  /** A listener that hands each iteration's metrics to {@code action}. */
  static TrainingListener each(Consumer<IterationMetrics> action) {
    return new TrainingListener() {
      @Override
      public void onIteration(GanTrainer trainer, IterationMetrics metrics) {
        action.accept(metrics);
      }
    };
  }
}
