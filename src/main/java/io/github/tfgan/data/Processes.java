package io.github.tfgan.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command with a time limit that holds: its output goes to temporary files (a pipe
 * read to its end would wait as long as the child lives), the wait is bounded, and a child still
 * running then is killed with its descendants.
 */
final class Processes {
  private Processes() {}

  /** Runs commands; {@link Processes#run} is the real one, tests pass fakes. */
  @FunctionalInterface
  public interface Runner {
    /**
     * @return the command's standard output
     * @throws IOException if it cannot start, fails (naming its exit code and standard error) or
     *     does not finish in time
     */
    String run(List<String> command, Path workDir, Duration timeout) throws IOException;
  }

  /**
   * Runs {@code command} in {@code workDir} (null: the current directory).
   *
   * @throws IOException naming the command if it cannot start, exits non-zero (with its standard
   *     error) or is still running after {@code timeout} (then it is killed)
   */
  public static String run(List<String> command, Path workDir, Duration timeout)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (workDir != null) {
      pb.directory(workDir.toFile());
    }
    Path out = Files.createTempFile("gan-proc", ".out");
    Path err = Files.createTempFile("gan-proc", ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    String name = String.join(" ", command);
    try {
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        throw new IOException(name + ": no answer in " + timeout.toSeconds() + " s (killed)");
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IOException(
            name
                + ": exit "
                + p.exitValue()
                + ": "
                + (Files.readString(err, StandardCharsets.UTF_8).strip() + " " + stdout.strip())
                    .strip());
      }
      return stdout;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + name, e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
