package io.github.tfgan.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.testing.Synthetic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finished runs keep no lock; overwriting a run, refusing anything else; default names. */
class RunDirectoryTest {
  private static final ImageData BARS = Synthetic.bars(64, 3);
  private static final GanConfig TINY =
      GanConfig.builder()
          .iterations(4)
          .batchSize(16)
          .logEvery(2)
          .sampleEvery(0)
          .checkpointEvery(0)
          .seed(5)
          .build();

  @TempDir Path dir;

  private Path finishedRun(String name, GanConfig config) throws IOException {
    Path runDir = dir.resolve(name);
    TrainingRun.create(config, BARS, runDir).run();
    assertTrue(TrainingRun.isFinished(runDir));
    return runDir;
  }

  @Test
  void aFinishedRunKeepsNoLockFile() throws IOException {
    Path runDir = finishedRun("finished", TINY);
    assertFalse(Files.exists(runDir.resolve(RunLock.FILE)), "no .lock after a finished run");
    assertFalse(Files.exists(runDir.resolve(".lock")));
    assertTrue(Files.isRegularFile(runDir.resolve("summary.json")));
    // and the directory can be locked again (by an overwrite, say)
    try (RunLock lock = RunLock.acquire(runDir)) {
      assertTrue(Files.exists(runDir.resolve(RunLock.FILE)));
    }
  }

  @Test
  void refuseOnAFinishedRunThrowsNamingTheDirectory() throws IOException {
    Path runDir = finishedRun("refused", TINY);
    String before = Files.readString(runDir.resolve("metrics.csv"));
    for (IOException e :
        new IOException[] {
          assertThrows(
              IOException.class,
              () -> TrainingRun.create(TINY, BARS, runDir, TrainingRun.IfExists.REFUSE)),
          assertThrows(IOException.class, () -> TrainingRun.create(TINY, BARS, runDir))
        }) {
      assertTrue(e.getMessage().contains(runDir.toString()), e.getMessage());
    }
    assertEquals(before, Files.readString(runDir.resolve("metrics.csv")), "untouched");
  }

  @Test
  void overwriteReplacesAFinishedRun() throws IOException {
    Path runDir = finishedRun("replaced", TINY);
    Files.writeString(runDir.resolve("notes.txt"), "old run's file");
    assertEquals(5, Files.readAllLines(runDir.resolve("metrics.csv")).size());

    GanConfig other = TINY.toBuilder().seed(77).iterations(2).build();
    RunSummary summary =
        TrainingRun.create(other, BARS, runDir, TrainingRun.IfExists.OVERWRITE).run();
    assertEquals(2, summary.iterations());
    assertEquals(other, RunRecord.read(new RunDirectory(runDir)).config(), "the new config");
    assertTrue(Files.readString(runDir.resolve("config.json")).contains("\"seed\": 77"));
    assertFalse(Files.exists(runDir.resolve("notes.txt")), "the old run's files are gone");
    assertEquals(
        3, Files.readAllLines(runDir.resolve("metrics.csv")).size(), "only the new run's rows");
    assertFalse(Files.exists(runDir.resolve(RunLock.FILE)));
    try (var siblings = Files.list(dir)) {
      assertEquals(1, siblings.count(), "no temporary sibling is left behind");
    }
  }

  @Test
  void overwriteOfAnAbsentOrEmptyDirectoryStartsANewRun() throws IOException {
    Path absent = dir.resolve("absent");
    TrainingRun.create(TINY, BARS, absent, TrainingRun.IfExists.OVERWRITE);
    Path empty = Files.createDirectories(dir.resolve("empty"));
    TrainingRun.create(TINY, BARS, empty, TrainingRun.IfExists.OVERWRITE);
  }

  @Test
  void overwriteRefusesADirectoryThatIsNotARunAndLeavesItAlone() throws IOException {
    Path notARun = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(notARun.resolve("holiday.jpg"), "precious");
    Files.createDirectories(notARun.resolve("album"));
    IOException e =
        assertThrows(
            IOException.class,
            () -> TrainingRun.create(TINY, BARS, notARun, TrainingRun.IfExists.OVERWRITE));
    assertTrue(e.getMessage().contains("not a run"), e.getMessage());
    assertTrue(e.getMessage().contains(notARun.toString()), e.getMessage());
    assertEquals("precious", Files.readString(notARun.resolve("holiday.jpg")));
    assertTrue(Files.isDirectory(notARun.resolve("album")));
    IOException direct =
        assertThrows(IOException.class, () -> new RunDirectory(notARun).checkReplaceable());
    assertTrue(direct.getMessage().contains("not a run"), direct.getMessage());
  }

  @Test
  void overwriteRefusesARunThatAProcessTrainsIn() throws IOException {
    Path runDir = finishedRun("busy", TINY);
    try (RunLock held = RunLock.acquire(runDir)) {
      IOException e =
          assertThrows(
              IOException.class,
              () -> TrainingRun.create(TINY, BARS, runDir, TrainingRun.IfExists.OVERWRITE));
      assertTrue(e.getMessage().contains("locked"), e.getMessage());
    }
    assertTrue(TrainingRun.isFinished(runDir), "still there");
  }

  @Test
  void timestampedNamesANewDirectoryUnderTheParent() throws IOException {
    RunDirectory first = RunDirectory.timestamped(dir);
    assertEquals(dir, first.root().getParent());
    assertTrue(
        first.root().getFileName().toString().matches("\\d{8}-\\d{6}"),
        first.root().getFileName().toString());
    assertFalse(Files.exists(first.root()));
    Files.createDirectories(first.root());
    RunDirectory second = RunDirectory.timestamped(dir);
    assertNotEquals(first.root(), second.root());
    assertFalse(Files.exists(second.root()), "a name that is not taken");
    assertEquals(dir, second.root().getParent());
    String name = second.root().getFileName().toString();
    assertTrue(
        name.equals(first.root().getFileName() + "-2") || name.matches("\\d{8}-\\d{6}"), name);
  }

  @Test
  void timestampedAppendsACounterWhileTheNameIsTaken() throws IOException {
    // Retried in case the clock's second turns between the calls.
    for (int attempt = 0; attempt < 5; attempt++) {
      Path parent = Files.createDirectories(dir.resolve("attempt" + attempt));
      Path first = RunDirectory.timestamped(parent).root();
      Files.createDirectories(first);
      Files.createDirectories(parent.resolve(first.getFileName() + "-2"));
      Path third = RunDirectory.timestamped(parent).root();
      if (third.getFileName().toString().startsWith(first.getFileName().toString())) {
        assertEquals(first.getFileName() + "-3", third.getFileName().toString());
        return;
      }
    }
    throw new AssertionError("the second turned in each of 5 attempts");
  }
}
