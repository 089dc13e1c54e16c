package io.github.tfgan.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.Dataset;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs that the tests break off and resume. */
final class Resumed {
  private Resumed() {}

  /**
   * Trains {@code config} on {@code data} whole in {@code whole}, and in {@code runDir} stops it at
   * iteration {@code stopAt} (after a checkpoint) and resumes it; asserts that both wrote the same
   * metrics, line for line.
   */
  static void matchesAnUnbrokenRun(
      GanConfig config, Dataset data, Path whole, Path runDir, long stopAt) throws Exception {
    TrainingRun.create(config, data, whole).run();
    TrainingRun first = TrainingRun.create(config, data, runDir);
    first.listener(
        new TrainingListener() {
          @Override
          public void onIteration(GanTrainer trainer, IterationMetrics m) {
            if (m.iteration() == stopAt) {
              throw new IllegalStateException("stop");
            }
          }
        });
    try {
      first.run();
    } catch (IllegalStateException expected) {
      // stopped after the last checkpoint before stopAt
    }
    assertFalse(TrainingRun.isFinished(runDir));
    TrainingRun.resume(runDir, data).run();
    assertEquals(
        Files.readAllLines(new RunDirectory(whole).metrics()),
        Files.readAllLines(new RunDirectory(runDir).metrics()),
        "the resumed run's losses are the unbroken run's");
  }
}
