package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.cli.GanCli;
import io.github.tfgan.run.Checkpoints;
import io.github.tfgan.run.RunDirectory;
import io.github.tfgan.testing.Synthetic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL and resumed logs exactly the losses of an uninterrupted run. */
class ResumeTest {
  @TempDir Path dir;

  private static final String ITERATIONS = "400";

  private List<String> args(Path data, Path out) {
    return List.of(
        "train",
        "--data",
        data.toString(),
        "--iterations",
        ITERATIONS,
        "--batch-size",
        "32",
        "--checkpoint-every",
        "10",
        "--keep-checkpoints",
        "2",
        "--sample-every",
        "0",
        "--log-every",
        "50",
        "--out",
        out.toString());
  }

  @Test
  void killedAtARandomMomentAndResumedGivesTheSameLossesAsAnUninterruptedRun() throws Exception {
    Path data = dir.resolve("data");
    Synthetic.writeIdx(Synthetic.bars(512, 9), data);
    Path full = dir.resolve("full");
    assertEquals(0, run(args(data, full)));

    Path killed = dir.resolve("killed");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(GanCli.class.getName());
    command.addAll(args(data, killed));
    Process child =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(dir.resolve("child.err").toFile())
            .start();
    Checkpoints checkpoints = new Checkpoints(killed, 2);
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (checkpoints.list().isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(new Random().nextInt(400)); // a random moment after the first checkpoint
    child.destroyForcibly(); // SIGKILL
    child.waitFor();
    assertTrue(
        !checkpoints.list().isEmpty(),
        "the child wrote a checkpoint before it was killed: "
            + Files.readString(dir.resolve("child.err")));
    assertTrue(
        !Files.exists(new RunDirectory(killed).generator()),
        "the child was killed before it finished (make the run longer if this fails)");

    assertEquals(0, run(List.of("train", "--resume", killed.toString())));
    assertEquals(
        Files.readAllLines(full.resolve("metrics.csv")),
        Files.readAllLines(killed.resolve("metrics.csv")));
    assertEquals(
        Integer.parseInt(ITERATIONS) + 1, Files.readAllLines(killed.resolve("metrics.csv")).size());
    assertEquals(2, checkpoints.list().size(), "only the last 2 are kept");
  }

  private static int run(List<String> args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
    int code = GanCli.run(args.toArray(String[]::new), ps, ps);
    if (code != 0) {
      System.err.println(sink.toString(StandardCharsets.UTF_8));
    }
    return code;
  }
}
