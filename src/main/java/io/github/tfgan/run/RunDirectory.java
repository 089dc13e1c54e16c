package io.github.tfgan.run;

import io.github.tfgan.io.Directories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The layout of a run directory, in one place:
 *
 * <pre>
 * RUN_DIR/config.json                      the run record ({@link RunRecord})
 * RUN_DIR/metrics.csv                      one row per iteration ({@link MetricsFile})
 * RUN_DIR/samples/iteration_NNNNNN.png     grids from one fixed noise batch
 * RUN_DIR/samples/final.png
 * RUN_DIR/savedmodels/generator/1          SavedModel (z → images)
 * RUN_DIR/savedmodels/discriminator/1      SavedModel (images → probability, logits)
 * RUN_DIR/summary.json                     timing and last metrics ({@link RunSummary})
 * RUN_DIR/checkpoints/ckpt-N/              the latest checkpoints ({@link Checkpoints})
 * RUN_DIR/events.out.tfevents.*            TensorBoard events ({@link TensorBoardWriter})
 * </pre>
 *
 * @param root the run directory
 */
public record RunDirectory(Path root) {
  /** Version directory of the exported models inside a run. */
  public static final String MODEL_VERSION = "1";

  /** The run record. */
  public Path record() {
    return root.resolve("config.json");
  }

  /** The metrics of every iteration. */
  public Path metrics() {
    return root.resolve("metrics.csv");
  }

  /** Timing and last metrics, written when the run finishes. */
  public Path summary() {
    return root.resolve("summary.json");
  }

  /** Where the sample grids go. */
  public Path samples() {
    return root.resolve("samples");
  }

  /** The sample grid after {@code iteration}. */
  public Path sampleGrid(long iteration) {
    return samples().resolve(String.format(Locale.ROOT, "iteration_%06d.png", iteration));
  }

  /** The sample grid of the finished run. */
  public Path finalGrid() {
    return samples().resolve("final.png");
  }

  /** Where the run's generator is exported. */
  public Path generator() {
    return root.resolve("savedmodels").resolve("generator").resolve(MODEL_VERSION);
  }

  /** Where the run's discriminator is exported. */
  public Path discriminator() {
    return root.resolve("savedmodels").resolve("discriminator").resolve(MODEL_VERSION);
  }

  /** The run's checkpoints. */
  public Checkpoints checkpoints(int keep) {
    return new Checkpoints(root, keep);
  }

  /**
   * Deletes what a killed process can leave behind: temporary siblings of checkpoints, exports and
   * records ({@code .NAME.tmp-*}, {@code .ckpt-*}, {@code .NAME*.tmp}), which are never read.
   *
   * @return the paths deleted
   */
  public java.util.List<Path> sweepTemporaries() throws IOException {
    java.util.List<Path> swept = new java.util.ArrayList<>();
    for (Path dir :
        java.util.List.of(
            root,
            root.resolve("checkpoints"),
            root.resolve("savedmodels").resolve("generator"),
            root.resolve("savedmodels").resolve("discriminator"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(dir)) {
        for (Path p : entries.toList()) {
          String name = p.getFileName().toString();
          boolean temporary =
              name.contains(".tmp-") || name.startsWith(".ckpt-") || name.endsWith(".tmp");
          if (name.startsWith(".") && temporary) {
            Directories.deleteTree(p);
            swept.add(p);
          }
        }
      }
    }
    return swept;
  }

  /**
   * Checks that the directory can hold a new run: absent, or an empty directory, under a writable
   * parent.
   *
   * @throws IOException naming the path and what was found
   */
  /**
   * A new directory under {@code parent} named after the local date and time ({@code
   * 20261207-063012}), with {@code -2}, {@code -3} ... appended while the name is taken: the
   * default of {@code train}, as {@code runs/<date-time>}.
   */
  public static RunDirectory timestamped(Path parent) {
    String stem =
        java.time.LocalDateTime.now()
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path candidate = parent.resolve(stem);
    for (int i = 2; Files.exists(candidate); i++) {
      candidate = parent.resolve(stem + "-" + i);
    }
    return new RunDirectory(candidate);
  }

  /**
   * Checks that this directory can be replaced by a new run: absent, empty, or a run directory (it
   * holds a {@code config.json}) that no process trains in. Anything else is refused, so that an
   * explicit overwrite can never delete a directory that is not a run.
   *
   * @throws IOException naming the directory and what it holds
   */
  public void checkReplaceable() throws IOException {
    if (!Files.isDirectory(root)) {
      checkNew();
      return;
    }
    boolean empty;
    try (Stream<Path> entries = Files.list(root)) {
      empty = entries.allMatch(p -> p.getFileName().toString().equals(RunLock.FILE));
    }
    if (!empty && !Files.isRegularFile(record())) {
      throw new IOException(
          root
              + ": expected a run directory to overwrite (one with config.json), found a"
              + " directory that is not a run; it is never deleted");
    }
    boolean hadLockFile = Files.exists(root.resolve(RunLock.FILE));
    try (RunLock lock = RunLock.acquire(root)) {
      // nobody trains in it now; a check leaves no lock file behind where there was none
      if (!hadLockFile) {
        lock.deleteOnClose(root);
      }
    }
  }

  /**
   * Deletes this run directory, after {@link #checkReplaceable}: renamed into a temporary sibling
   * first, so that a failure halfway never leaves a run that looks valid.
   */
  void delete() throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Path doomed = Directories.tempSibling(root);
    Files.deleteIfExists(doomed);
    Files.move(root, doomed, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Directories.deleteTree(doomed);
  }

  public void checkNew() throws IOException {
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new IOException(root + ": expected a directory, found a file");
    }
    Path existing = Directories.nearestExisting(root);
    if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
      throw new IOException(
          root
              + ": expected a writable directory path, found that "
              + existing
              + (Files.isDirectory(existing) ? " is not writable" : " is a file"));
    }
    if (Files.isDirectory(root)) {
      try (Stream<Path> entries = Files.list(root)) {
        // A lock left by a run that failed before writing anything does not make a run.
        if (entries.anyMatch(p -> !p.getFileName().toString().equals(RunLock.FILE))) {
          throw new IOException(
              root
                  + ": expected a new or empty directory, found existing files"
                  + " (existing runs are never overwritten)");
        }
      }
    }
  }

  /**
   * Checks that the directory holds a run that can be resumed.
   *
   * @throws IOException naming the path if it holds no run record
   */
  public void checkExisting() throws IOException {
    if (!Files.isRegularFile(record())) {
      throw new IOException(root + ": expected a run directory with config.json, found none");
    }
  }
}
