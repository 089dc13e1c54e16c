package io.github.tfgan.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open (and enabled), an interrupt of the process (Ctrl-C, SIGTERM: the JVM's shutdown)
 * requests a stop and holds the shutdown until the run has written its checkpoint and closed this,
 * for at most {@link #GRACE_SECONDS}.
 */
final class Interrupts implements AutoCloseable {
  /** How long an interrupt waits for the current iteration and its checkpoint. */
  static final long GRACE_SECONDS = 60;

  private final Thread hook;
  private final CountDownLatch done = new CountDownLatch(1);

  Interrupts(boolean enabled, Runnable requestStop) {
    if (!enabled) {
      hook = null;
      return;
    }
    hook =
        new Thread(
            () -> {
              requestStop.run();
              try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "gan-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void close() {
    done.countDown();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down (this was an interrupt): the hook is running and now returns
      }
    }
  }
}
