package io.github.tfgan.run;

import java.nio.file.Path;

/**
 * A run stopped on request ({@link TrainingRun#requestStop}, or an interrupt of the process) at the
 * end of an iteration, after a checkpoint of that iteration: {@code train --resume} continues it.
 */
public final class RunStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long iteration;
  private final transient Path checkpoint;

  RunStoppedException(long iteration, Path checkpoint) {
    super("stopped after iteration " + iteration + "; checkpoint " + checkpoint);
    this.iteration = iteration;
    this.checkpoint = checkpoint;
  }

  /** The last completed iteration. */
  public long iteration() {
    return iteration;
  }

  /** The checkpoint written for it. */
  public Path checkpoint() {
    return checkpoint;
  }
}
