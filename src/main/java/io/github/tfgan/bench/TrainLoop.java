package io.github.tfgan.bench;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.io.Directories;
import io.github.tfgan.io.Errors;
import io.github.tfgan.run.RunStoppedException;
import io.github.tfgan.run.TrainingRun;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The {@code train} command's loop with every output it writes (metrics CSV, log lines, progress,
 * TensorBoard scalars and grids, sample grids, checkpoints, at the configuration's intervals), on a
 * thread of its own in a temporary run directory, paused between chunks so that a benchmark can
 * time it chunk by chunk beside the bare training step.
 *
 * <p>The run trains {@code start + chunks · chunk} iterations; a listener after the run's own
 * outputs pauses it after the warm-up and after every chunk until {@link #time} lets it go on. The
 * warm-up ({@code start}) is {@code warmup} iterations or, where longer, runs to the first sample
 * grid and the first checkpoint: their first-time costs (building the saver, the sampling run's
 * first execution, the PNG encoder's first use) are paid once in a run, so the timed chunks see
 * what every later output costs, as most of a long run does.
 */
final class TrainLoop implements AutoCloseable {
  private final Path root;
  private final TrainingRun run;
  private final Thread thread;
  private final Semaphore proceed = new Semaphore(0);
  private final Semaphore paused = new Semaphore(0);
  private volatile Throwable failure;

  TrainLoop(GanConfig config, ImageData data, int warmup, int chunk, int chunks)
      throws IOException {
    int start = Math.max(warmup, Math.max(config.sampleEvery(), config.checkpointEvery()));
    root = Files.createTempDirectory("gan-bench-train");
    GanConfig loop = config.toBuilder().iterations(start + chunk * chunks).build();
    TrainingRun created;
    try {
      created = TrainingRun.create(loop, data, root.resolve("run"));
    } catch (IOException | RuntimeException e) {
      Directories.deleteTree(root);
      throw e;
    }
    run =
        created
            .terminal(new PrintStream(OutputStream.nullOutputStream(), false))
            .listener(
                new TrainingListener() {
                  /** Pauses fall where a chain of iterations ends. */
                  @Override
                  public long nextStateRead(long completed) {
                    return completed < start
                        ? start
                        : start + TrainingListener.nextMultiple(completed - start, chunk);
                  }

                  @Override
                  public void onIteration(GanTrainer trainer, IterationMetrics m) {
                    long after = m.iteration() - start;
                    if (after >= 0 && after % chunk == 0) {
                      paused.release();
                      proceed.acquireUninterruptibly();
                    }
                  }
                });
    thread =
        new Thread(
            () -> {
              try {
                run.run();
              } catch (RunStoppedException e) {
                // closed before the end
              } catch (Throwable e) {
                failure = e;
              } finally {
                paused.release(Integer.MAX_VALUE / 2);
              }
            },
            "gan-bench-train");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits until the warm-up iterations are done. */
  void awaitWarmup() throws IOException {
    awaitPause();
  }

  /** Lets the run train one chunk; returns the milliseconds per iteration it took. */
  double time(int chunk) throws IOException {
    long t0 = System.nanoTime();
    proceed.release();
    awaitPause();
    return (System.nanoTime() - t0) / 1e6 / chunk;
  }

  private void awaitPause() throws IOException {
    try {
      if (!paused.tryAcquire(10, TimeUnit.MINUTES)) {
        throw new IOException("bench: the train loop did not reach its next pause in 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("bench: interrupted while the train loop ran", e);
    }
    if (failure != null) {
      throw new IOException("bench: the train loop failed: " + Errors.describe(failure), failure);
    }
  }

  /** Stops the run if it has not finished, waits for its thread and deletes its directory. */
  @Override
  public void close() throws IOException {
    run.requestStop();
    proceed.release(Integer.MAX_VALUE / 2);
    try {
      thread.join(TimeUnit.MINUTES.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Directories.deleteTree(root);
  }
}
