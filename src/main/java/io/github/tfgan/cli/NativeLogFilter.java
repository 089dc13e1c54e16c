package io.github.tfgan.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Keeps TensorFlow's native INFO and WARNING lines off the command line's standard error unless
 * {@code --verbose}: standard error (file descriptor 2) becomes a pipe, and a thread copies every
 * line that is not such a log line to the original descriptor.
 *
 * <p>{@code TF_CPP_MIN_LOG_LEVEL} silences TensorFlow's own logging, but TF Java 1.1.0's native
 * library also links a private copy of Abseil whose log (the MLIR pass's {@code I0000 ...
 * mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled}, and the line
 * {@code WARNING: All log messages before absl::InitializeLog() is called are written to STDERR})
 * writes straight to the descriptor; no setting reaches it. Error and fatal lines ({@code E...},
 * {@code F...}) and everything Java writes still pass.
 */
final class NativeLogFilter {
  /** Abseil's format ({@code I0000 00:00:1796621913.843707 2567 file.cc:401] ...}). */
  private static final String ABSL = "[IW]\\d{4} \\d\\d:\\d\\d:\\d+\\.\\d+\\s+\\d+ \\S+:\\d+\\] .*";

  /** TensorFlow's own format ({@code 2026-12-07 05:38:33.843707: I tensorflow/...cc:123] ...}). */
  private static final String TENSORFLOW =
      "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+: [IW] \\S+:\\d+\\] .*";

  private static final String ABSL_PREAMBLE =
      "WARNING: All log messages before absl::InitializeLog\\(\\) is called are written to STDERR";

  /** A whole line that the filter drops. */
  static final Pattern NATIVE_LINE =
      Pattern.compile("(?:" + ABSL + "|" + TENSORFLOW + "|" + ABSL_PREAMBLE + ")\\r?");

  /** How a line that may become a native line starts: held back until its end is seen. */
  private static final Pattern NATIVE_START = Pattern.compile("^(?:[IW]\\d|\\d{4}-|WARNING: All)");

  private interface LibC extends Library {
    int dup(int fd);

    int dup2(int from, int to);

    int pipe(int[] fds);

    long read(int fd, byte[] buffer, long count);

    long write(int fd, byte[] buffer, long count);

    int close(int fd);
  }

  private NativeLogFilter() {}

  /**
   * Routes this process's standard error through the filter until the JVM exits (a shutdown hook
   * restores it and drains what is left). Does nothing where the C library cannot be reached.
   */
  static void install() {
    LibC c;
    int original;
    int[] pipe = new int[2];
    try {
      c = Native.load("c", LibC.class);
      original = c.dup(2);
      if (original < 0 || c.pipe(pipe) != 0) {
        return;
      }
      if (c.dup2(pipe[1], 2) < 0) {
        c.close(pipe[0]);
        c.close(pipe[1]);
        return;
      }
      c.close(pipe[1]);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return; // standard error stays as it is
    }
    Thread pump = new Thread(() -> pump(c, pipe[0], original), "native-log-filter");
    pump.setDaemon(true);
    pump.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.flush();
                  c.dup2(original, 2); // closes the pipe's only writer: the pump reads to its end
                  try {
                    pump.join(2_000);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
  }

  /** Copies what arrives on {@code in} to {@code out}, line by line, without native log lines. */
  private static void pump(LibC c, int in, int out) {
    byte[] buffer = new byte[8192];
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long n;
    while ((n = c.read(in, buffer, buffer.length)) > 0) {
      for (int i = 0; i < n; i++) {
        line.write(buffer[i]);
        if (buffer[i] == '\n') {
          emit(c, out, line, true);
        }
      }
      // A partial line that cannot be a native line (a prompt, a progress line) goes out now.
      if (line.size() > 0 && !NATIVE_START.matcher(line.toString(StandardCharsets.UTF_8)).find()) {
        emit(c, out, line, false);
      }
    }
    if (line.size() > 0) {
      emit(c, out, line, false);
    }
    c.close(in);
  }

  private static void emit(LibC c, int out, ByteArrayOutputStream line, boolean whole) {
    byte[] bytes = line.toByteArray();
    line.reset();
    if (whole) {
      String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      if (NATIVE_LINE.matcher(text).matches()) {
        return;
      }
    }
    int off = 0;
    while (off < bytes.length) {
      byte[] rest = off == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, off, bytes.length);
      long written = c.write(out, rest, rest.length);
      if (written <= 0) {
        return;
      }
      off += (int) written;
    }
  }
}
