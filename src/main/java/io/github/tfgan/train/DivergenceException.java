package io.github.tfgan.train;

/** A loss became NaN or infinite; training cannot go on meaningfully. */
public final class DivergenceException extends RuntimeException {
  private final transient IterationMetrics metrics;

  /**
   * @param metrics the iteration whose losses were not finite
   */
  public DivergenceException(IterationMetrics metrics) {
    this(metrics, null);
  }

  /**
   * @param metrics the iteration whose losses were not finite
   * @param detail appended to the message (where the last good checkpoint is, say), or null
   */
  public DivergenceException(IterationMetrics metrics, String detail) {
    super(
        "training diverged at iteration "
            + metrics.iteration()
            + ": D loss = "
            + metrics.dLoss()
            + ", G loss = "
            + metrics.gLoss()
            + (detail == null ? "" : "; " + detail));
    this.metrics = metrics;
  }

  /** What the diverged iteration measured. */
  public IterationMetrics metrics() {
    return metrics;
  }
}
