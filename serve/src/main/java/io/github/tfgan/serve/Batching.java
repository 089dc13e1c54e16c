package io.github.tfgan.serve;

/**
 * Whether and how concurrent small requests are joined into one session run, as TF Serving's {@code
 * --enable_batching} with its {@code max_batch_size} and {@code batch_timeout_micros}.
 *
 * @param enabled whether to batch at all
 * @param maxBatchSize the most rows in one run; a request with more runs alone
 * @param batchTimeoutMicros how long the first request of a batch waits for others
 * @param threads how many batches run at once (TF Serving's {@code num_batch_threads})
 */
public record Batching(boolean enabled, int maxBatchSize, long batchTimeoutMicros, int threads) {
  /**
   * The most rows in one batched run by default (TF Serving reads its own from {@code
   * --batching_parameters_file}); 64 one-row requests of the MNIST generator are one small run.
   */
  public static final int DEFAULT_MAX_BATCH_SIZE = 64;

  /** How long a batch waits to fill, in microseconds. */
  public static final long DEFAULT_BATCH_TIMEOUT_MICROS = 2000;

  /** No batching: every request is its own run. */
  public static final Batching OFF =
      new Batching(false, DEFAULT_MAX_BATCH_SIZE, DEFAULT_BATCH_TIMEOUT_MICROS, 1);

  /** Checks the values. */
  public Batching {
    if (maxBatchSize < 1 || batchTimeoutMicros < 0 || threads < 1) {
      throw new IllegalArgumentException(
          "batching: expected maxBatchSize >= 1, batchTimeoutMicros >= 0 and threads >= 1, found "
              + maxBatchSize
              + ", "
              + batchTimeoutMicros
              + ", "
              + threads);
    }
  }

  /** Batching on, with these limits and one batch thread per processor. */
  public static Batching on(int maxBatchSize, long batchTimeoutMicros) {
    return new Batching(
        true, maxBatchSize, batchTimeoutMicros, Runtime.getRuntime().availableProcessors());
  }
}
