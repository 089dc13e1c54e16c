package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.Dataset;
import io.github.tfgan.model.GanArchitecture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A trainer's input slots ({@link FeedSlot}), allocated once: twice as many as one session run
 * feeds, so that the next run's can be filled on a background thread while this run's are fed. Each
 * iteration's inputs are functions of (seed, iteration), filled wherever they are needed.
 */
final class Feeds implements AutoCloseable {
  private final FeedSlot[] slots;
  private final ExecutorService prefetcher;
  private final BatchSampler sampler;
  private final NoiseStream noise;
  private final Dataset data;
  private final long iterations;
  private Future<?> pending;

  /**
   * @param perRun iterations one session run feeds at most
   * @param prefetch fill ahead on a background thread
   */
  Feeds(GanConfig config, GanArchitecture arch, Dataset data, int perRun, boolean prefetch) {
    this.sampler = new BatchSampler(count(data), config.batchSize(), config.seed());
    this.noise = new NoiseStream(config.seed());
    this.data = data;
    this.iterations = config.iterations();
    this.slots = new FeedSlot[2 * perRun];
    for (int i = 0; i < slots.length; i++) {
      slots[i] =
          new FeedSlot(
              config,
              arch.shape().size(),
              arch.scaling(),
              config.conditional() || arch.clusters() > 0);
    }
    this.prefetcher =
        prefetch
            ? Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "gan-prefetch");
                  t.setDaemon(true);
                  return t;
                })
            : null;
  }

  /**
   * The inputs of the 0-based iteration {@code it}: filled by the background thread while the run
   * before ran, or filled here if the slot holds another iteration's. A run must take its slots
   * before it calls {@link #prefetch}, and feeds at most {@code perRun} iterations.
   */
  FeedSlot get(long it) {
    await();
    FeedSlot slot = slot(it);
    if (slot.preparedFor != it) {
      slot.prepare(it, sampler, noise, data);
    }
    return slot;
  }

  /**
   * Fills iterations {@code from} to {@code from + count - 1} (those before the configured end) on
   * the background thread, when there is one.
   */
  void prefetch(long from, int count) {
    long to = Math.min(iterations, from + count);
    if (prefetcher == null || from >= to) {
      return;
    }
    pending =
        prefetcher.submit(
            () -> {
              for (long it = from; it < to; it++) {
                FeedSlot slot = slot(it);
                if (slot.preparedFor != it) {
                  slot.prepare(it, sampler, noise, data);
                }
              }
            });
  }

  private FeedSlot slot(long it) {
    return slots[(int) (it % slots.length)];
  }

  /** Waits for the background fill in flight, if any. */
  void await() {
    if (pending == null) {
      return;
    }
    try {
      pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing the next batch", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("preparing the next batch failed", e.getCause());
    } finally {
      pending = null;
    }
  }

  /** Stops the background thread, then frees the slots' tensors. */
  @Override
  public void close() {
    if (prefetcher != null) {
      prefetcher.shutdownNow();
      try {
        prefetcher.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (FeedSlot slot : slots) {
      slot.close();
    }
  }

  /** The sample count, which the sampler takes as an int. */
  private static int count(Dataset data) {
    if (data.size() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          data.source()
              + ": expected at most "
              + Integer.MAX_VALUE
              + " samples, found "
              + data.size());
    }
    return (int) data.size();
  }
}
