package io.github.tfgan.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.testing.Synthetic;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped, tampered with, damaged or contended, and what resuming it does. */
class RunReliabilityTest {
  private static final ImageData BARS = Synthetic.bars(256, 3);
  private static final GanConfig CONFIG =
      GanConfig.builder()
          .iterations(30)
          .batchSize(32)
          .checkpointEvery(10)
          .sampleEvery(0)
          .logEvery(10)
          .seed(5)
          .build();

  @TempDir Path dir;

  /** Starts a run and stops it (with its checkpoint) after {@code stopAt} iterations. */
  private Path stoppedRun(String name, long stopAt) throws IOException {
    Path runDir = dir.resolve(name);
    TrainingRun run = TrainingRun.create(CONFIG, BARS, runDir);
    run.listener(
        new TrainingListener() {
          /** Chained iterations end where the stop is asked for. */
          @Override
          public long nextStateRead(long completed) {
            return completed < stopAt ? stopAt : Long.MAX_VALUE;
          }

          @Override
          public void onIteration(GanTrainer trainer, IterationMetrics m) {
            if (m.iteration() == stopAt) {
              run.requestStop();
            }
          }
        });
    RunStoppedException stopped = assertThrows(RunStoppedException.class, run::run);
    assertEquals(stopAt, stopped.iteration());
    assertTrue(Files.isRegularFile(stopped.checkpoint().resolve("ckpt.index")));
    return runDir;
  }

  @Test
  void aStopAskedForInsideChainedIterationsTakesEffectAtTheChainsEnd() throws IOException {
    // Iteration 25 is the second of the chain of iterations 25-28 (4 per run, from 0-based 24).
    TrainingRun run = TrainingRun.create(CONFIG, BARS, dir.resolve("mid-chain"));
    run.listener(
        TrainingListener.each(
            m -> {
              if (m.iteration() == 25) {
                run.requestStop();
              }
            }));
    RunStoppedException stopped = assertThrows(RunStoppedException.class, run::run);
    assertEquals(28, stopped.iteration());
    assertTrue(stopped.checkpoint().endsWith("ckpt-28"), stopped.checkpoint().toString());
  }

  @Test
  void aStoppedRunResumesToTheLossesOfAnUninterruptedOne() throws IOException {
    Path whole = dir.resolve("whole");
    TrainingRun.create(CONFIG, BARS, whole).run();
    Path stopped = stoppedRun("stopped", 25);
    RunSummary summary = TrainingRun.resume(stopped, BARS).run();
    assertEquals(30, summary.iterations());
    assertEquals(25L, summary.resumedFrom());
    assertEquals(
        Files.readAllLines(whole.resolve("metrics.csv")),
        Files.readAllLines(stopped.resolve("metrics.csv")));
  }

  @Test
  void aDamagedNewestCheckpointFallsBackToThePreviousOneSayingSo() throws IOException {
    Path runDir = stoppedRun("damaged", 25);
    Path newest = runDir.resolve("checkpoints/ckpt-25/ckpt.index");
    byte[] index = Files.readAllBytes(newest);
    Files.write(newest, java.util.Arrays.copyOf(index, index.length / 2));
    List<String> said = new ArrayList<>();
    RunSummary summary = TrainingRun.resume(runDir, BARS).console(said::add).run();
    assertEquals(20L, summary.resumedFrom(), "the previous good checkpoint");
    assertTrue(
        said.stream().anyMatch(l -> l.contains("ckpt-25 is damaged")), String.join("\n", said));
    Path whole = dir.resolve("whole");
    TrainingRun.create(CONFIG, BARS, whole).run();
    assertEquals(
        Files.readAllLines(whole.resolve("metrics.csv")),
        Files.readAllLines(runDir.resolve("metrics.csv")),
        "the rows after 20 are written again");
  }

  @Test
  void runsOfVersion020KeepTheirConfigFingerprint() {
    // The article's fingerprint as version 0.2.0 computed it, before r1Every existed: its runs'
    // checkpoints carry it, and resuming them compares against it.
    assertEquals(
        "eaef89e6dd85bd7bf2f55833802e7c19e9bec2e2f3af4de0bbaef8f97958bc24",
        Checkpoints.fingerprint(GanConfig.article()));
  }

  @Test
  void aChangedOrInvalidConfigIsRefusedNamingTheFile() throws IOException {
    Path runDir = stoppedRun("tampered", 15);
    Path record = runDir.resolve("config.json");
    String original = Files.readString(record, StandardCharsets.UTF_8);
    Files.writeString(record, original.replace("\"seed\": 5", "\"seed\": 6"));
    IOException changed = assertThrows(IOException.class, () -> TrainingRun.resume(runDir, BARS));
    assertTrue(
        changed.getMessage().startsWith(record + ": expected the run-defining config"),
        changed.getMessage());

    Files.writeString(record, original.replace("\"iterations\": 30", "\"iterations\": -5"));
    IOException invalid = assertThrows(IOException.class, () -> TrainingRun.resume(runDir, BARS));
    assertTrue(
        invalid.getMessage().startsWith(record + ": expected a run record"), invalid.getMessage());
    assertTrue(
        invalid.getMessage().contains("iterations: expected a positive whole number, found -5"),
        invalid.getMessage());
  }

  @Test
  void aSecondProcessCannotTrainInALockedRunAndLeftoversAreSwept() throws IOException {
    Path runDir = stoppedRun("locked", 15);
    Path leftover = Files.createDirectories(runDir.resolve("checkpoints/.ckpt-20.tmp-123"));
    Files.writeString(leftover.resolve("ckpt.index"), "half");
    List<String> rowsBefore = Files.readAllLines(runDir.resolve("metrics.csv"));
    try (RunLock held = RunLock.acquire(runDir)) {
      IOException e = assertThrows(IOException.class, () -> TrainingRun.resume(runDir, BARS).run());
      assertTrue(e.getMessage().contains("locked"), e.getMessage());
      assertEquals(rowsBefore, Files.readAllLines(runDir.resolve("metrics.csv")), "untouched");
      assertTrue(Files.exists(leftover), "nothing is swept while another process holds the run");
    }
    List<String> said = new ArrayList<>();
    TrainingRun.resume(runDir, BARS).console(said::add).run();
    assertFalse(Files.exists(leftover), "swept on resume");
    assertTrue(
        said.stream().anyMatch(l -> l.contains(".ckpt-20.tmp-123")), String.join("\n", said));
  }

  @Test
  void anExportCutShortLeavesARunThatResumesAndExports() throws IOException {
    Path runDir = dir.resolve("cut");
    TrainingRun.create(CONFIG, BARS, runDir).run();
    // as if the disk filled while exporting: no discriminator, no summary
    io.github.tfgan.io.Directories.deleteTree(runDir.resolve("savedmodels/discriminator"));
    Files.delete(runDir.resolve("summary.json"));
    assertFalse(TrainingRun.isFinished(runDir));
    RunSummary summary = TrainingRun.resume(runDir, BARS).run();
    assertEquals(30, summary.iterations());
    assertTrue(Files.isRegularFile(runDir.resolve("savedmodels/discriminator/1/saved_model.pb")));
    assertTrue(TrainingRun.isFinished(runDir));
  }

  @Test
  void aDirectoryHoldingOnlyALockIsNew() throws IOException {
    Path runDir = Files.createDirectories(dir.resolve("only-lock"));
    Files.writeString(runDir.resolve(RunLock.FILE), "123\n");
    new RunDirectory(runDir).checkNew();
    Files.writeString(runDir.resolve("config.json"), "{}");
    assertThrows(IOException.class, () -> new RunDirectory(runDir).checkNew());
  }
}
