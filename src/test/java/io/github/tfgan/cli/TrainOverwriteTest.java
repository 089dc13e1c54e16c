package io.github.tfgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.testing.Synthetic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --out DIR --overwrite}: replaces a run, never anything else. */
class TrainOverwriteTest {
  @TempDir Path dir;

  private static GanCliTest.Run train(Path data, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                data.toString(),
                "--iterations",
                "4",
                "--batch-size",
                "16",
                "--log-every",
                "2",
                "--sample-every",
                "0",
                "--checkpoint-every",
                "0",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return GanCliTest.cli(args.toArray(String[]::new));
  }

  @Test
  void overwriteReplacesAnExistingRun() throws Exception {
    Path data = dir.resolve("data");
    Synthetic.writeIdx(Synthetic.bars(64, 3), data);
    Path run = dir.resolve("run");
    GanCliTest.Run first = train(data, run, "--seed", "5");
    assertEquals(0, first.code(), first.err());
    assertTrue(Files.readString(run.resolve("config.json")).contains("\"seed\": 5"));
    assertFalse(Files.exists(run.resolve(".lock")), "a finished run keeps no lock");
    Files.writeString(run.resolve("notes.txt"), "old");

    GanCliTest.Run refused = train(data, run, "--seed", "6");
    assertEquals(1, refused.code(), refused.out());
    assertTrue(refused.err().contains("--out"), refused.err());
    assertTrue(refused.err().contains(run.toString()), refused.err());
    assertTrue(Files.readString(run.resolve("config.json")).contains("\"seed\": 5"), "untouched");

    GanCliTest.Run replaced = train(data, run, "--seed", "6", "--overwrite");
    assertEquals(0, replaced.code(), replaced.err());
    assertTrue(Files.readString(run.resolve("config.json")).contains("\"seed\": 6"));
    assertFalse(Files.exists(run.resolve("notes.txt")), "the old run is gone");
    assertTrue(Files.isRegularFile(run.resolve("summary.json")));
    assertFalse(Files.exists(run.resolve(".lock")));
  }

  @Test
  void overwriteRefusesADirectoryThatIsNotARun() throws Exception {
    Path data = dir.resolve("data");
    Synthetic.writeIdx(Synthetic.bars(64, 3), data);
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("keep.txt"), "mine");
    GanCliTest.Run r = train(data, other, "--overwrite");
    assertTrue(r.code() != 0, r.out());
    assertTrue(r.err().contains("not a run"), r.err());
    assertEquals("mine", Files.readString(other.resolve("keep.txt")));
    assertFalse(Files.exists(other.resolve("config.json")));
  }

  @Test
  void overwriteWithoutOutIsAUsageError() {
    GanCliTest.Run r = GanCliTest.cli("train", "--overwrite", "--iterations", "1");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--overwrite"), r.err());
    assertTrue(r.err().contains("--out"), r.err());
    assertFalse(Files.exists(dir.resolve("runs")));
  }
}
