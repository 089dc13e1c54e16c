package io.github.tfgan.train;

import java.util.List;
import java.util.function.Consumer;

/**
 * Receives training events; every method has a default (no-op, or reading the trainer's state after
 * every iteration).
 */
public interface TrainingListener {
  /**
   * Called after every iteration, with what it measured. Where the trainer runs several iterations
   * in one session run ({@link TrainerOptions#unroll}), it calls this for each of them after the
   * run: {@link GanTrainer#completedIterations} then says how far the trainer's state (weights,
   * checkpoints, samples) is, which is {@code metrics.iteration()} only for the run's last.
   */
  default void onIteration(GanTrainer trainer, IterationMetrics metrics) {}

  /**
   * After how many completed iterations this listener next reads the trainer's state (beyond the
   * metrics it is handed), given that {@code completed} have completed: the trainer ends a run of
   * chained iterations there. The default, {@code completed + 1}, reads it after every iteration
   * (one iteration per run); a listener that reads only metrics returns {@link Long#MAX_VALUE}.
   */
  default long nextStateRead(long completed) {
    return completed + 1;
  }

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

      @Override
      public long nextStateRead(long completed) {
        long next = Long.MAX_VALUE;
        for (TrainingListener l : copy) {
          next = Math.min(next, l.nextStateRead(completed));
        }
        return next;
      }
    };
  }

  /** A listener that hands each iteration's metrics to {@code action}, and reads nothing else. */
  static TrainingListener each(Consumer<IterationMetrics> action) {
    return new TrainingListener() {
      @Override
      public void onIteration(GanTrainer trainer, IterationMetrics metrics) {
        action.accept(metrics);
      }

      @Override
      public long nextStateRead(long completed) {
        return Long.MAX_VALUE;
      }
    };
  }

  /**
   * The next multiple of {@code every} after {@code completed}: for a listener that reads the state
   * every {@code every} iterations; {@link Long#MAX_VALUE} when {@code every} is 0 or less.
   */
  static long nextMultiple(long completed, long every) {
    return every <= 0 ? Long.MAX_VALUE : (completed / every + 1) * every;
  }
}
