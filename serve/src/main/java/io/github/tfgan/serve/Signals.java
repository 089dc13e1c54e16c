package io.github.tfgan.serve;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop. A JVM shutdown hook alone would run on SIGTERM too, but
 * the process would then exit with 143; handling the signal lets the server drain and the process
 * exit 0, as TF Serving does. Uses {@code sun.misc.Signal} (module jdk.unsupported), the JDK's only
 * signal API.
 */
final class Signals {
  private Signals() {}

  /** Runs {@code stop} once, on the first SIGTERM or SIGINT. */
  static void onTerminate(Runnable stop) {
    Runnable once =
        new Runnable() {
          private boolean done;

          @Override
          public synchronized void run() {
            if (!done) {
              done = true;
              stop.run();
            }
          }
        };
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), s -> new Thread(once, "stop-on-SIG" + name).start());
    }
  }
}
