package io.github.tfgan.run;

import io.github.tfgan.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;

/** What {@link TrainingRun} checks before it resumes a run. */
final class Resumption {
  private Resumption() {}

  /**
   * The checkpoint to resume {@code dir} from, after checking that the data are the run's, the
   * checkpoint's config fingerprint matches the record, and the run has not finished.
   *
   * @throws IOException naming the directory and what does not match
   */
  static Checkpoints.Checkpoint check(
      Path directory, RunDirectory dir, RunRecord record, Dataset data) throws IOException {
    String found = DataProvenance.pixelsSha256(data);
    if (!found.equals(record.dataPixelsSha256())) {
      throw new IOException(
          directory
              + ": the training data does not match the run's: expected pixels sha256 "
              + record.dataPixelsSha256()
              + ", found "
              + found
              + " ("
              + data.source()
              + ")");
    }
    Checkpoints.Checkpoint from =
        dir.checkpoints(record.config().keepCheckpoints())
            .latest()
            .orElseThrow(
                () ->
                    new IOException(
                        directory
                            + ": expected a checkpoint in "
                            + directory.resolve("checkpoints")
                            + ", found none"));
    String now = Checkpoints.fingerprint(record.config());
    java.util.Optional<String> then = from.configFingerprint();
    if (then.isPresent() && !then.get().equals(now)) {
      throw new IOException(
          dir.record()
              + ": expected the run-defining config that "
              + from.directory()
              + " was written under (sha256 "
              + then.get()
              + "), found a changed one (sha256 "
              + now
              + "); put the original config.json back, or start a new run");
    }
    if (record.config().iterations() < from.iteration()) {
      throw new IOException(
          dir.record()
              + ": expected at least "
              + from.iteration()
              + " iterations (the latest checkpoint's), found "
              + record.config().iterations());
    }
    if (TrainingRun.isFinished(directory)) {
      throw new IOException(
          directory + ": the run has already finished (" + dir.summary() + " exists)");
    }
    return from;
  }
}
