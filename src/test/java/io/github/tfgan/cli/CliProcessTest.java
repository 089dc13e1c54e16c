package io.github.tfgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a process: what it prints on its streams and its exit codes. */
class CliProcessTest {
  @TempDir Path dir;

  record Outcome(int code, String out, String err) {}

  /** Runs {@code GanCli.main} in a child JVM from {@code workDir}, without TF's log variable. */
  private static Outcome gan(Path workDir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(GanCli.class.getName());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("gan", ".out");
    Path err = Files.createTempFile("gan", ".err");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().remove("TF_CPP_MIN_LOG_LEVEL");
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("gan " + String.join(" ", args) + ": no answer in 120 s");
    }
    try {
      return new Outcome(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  @Test
  void nativeInfoLinesAreOffUnlessVerboseAndDefaultsDoNotDependOnTheDirectory() throws Exception {
    Path generator = Path.of("savedmodels", "generator").toAbsolutePath();
    // From another directory: the model is named by an absolute path, nothing else is looked up.
    Outcome quiet =
        gan(dir, "generate", "--model", generator.toString(), "--count", "4", "--out", "a.png");
    assertEquals(0, quiet.code(), quiet.err());
    // TensorFlow's own INFO lines ("I tensorflow/...") are off; the two lines of the MLIR pass's
    // private Abseil copy cannot be reached (NativeSetup says why).
    assertFalse(quiet.err().contains("I tensorflow/"), quiet.err());
    assertTrue(Files.isRegularFile(dir.resolve("a.png")));

    Outcome verbose =
        gan(
            dir,
            "generate",
            "--model",
            generator.toString(),
            "--count",
            "4",
            "--out",
            "b.png",
            "--verbose");
    assertEquals(0, verbose.code(), verbose.err());
    assertTrue(verbose.err().contains("I tensorflow/cc/saved_model/reader.cc"), verbose.err());
  }

  @Test
  void versionPrintsThePomsVersionAndExitCodesSeparateUsageFromRuntimeErrors() throws Exception {
    Outcome version = gan(dir, "--version");
    assertEquals(0, version.code());
    assertTrue(version.out().matches("(?s)tf-java-gan \\d+\\.\\d+\\.\\d+\\R.*"), version.out());
    Outcome subVersion = gan(dir, "train", "--version");
    assertEquals(version.out(), subVersion.out(), "--version is the same on every command");

    Outcome usage = gan(dir, "train", "--batch-size", "many");
    assertEquals(2, usage.code(), usage.err());
    assertTrue(
        usage.err().contains("--batch-size: expected a whole number, found 'many'"), usage.err());

    Outcome runtime = gan(dir, "generate", "--model", "missing", "--count", "1", "--out", "x.png");
    assertEquals(1, runtime.code(), runtime.err());
    assertTrue(
        runtime.err().startsWith("error: --model missing: expected a SavedModel"), runtime.err());
    assertFalse(runtime.err().contains("Exception"), runtime.err());
  }

  @Test
  void anInterruptStopsAtAnIterationWithACheckpointAndSaysHowToResume() throws Exception {
    Path data = dir.resolve("data");
    io.github.tfgan.testing.Synthetic.writeIdx(
        io.github.tfgan.testing.Synthetic.bars(256, 2), data);
    Path run = dir.resolve("run");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(GanCli.class.getName());
    command.addAll(
        List.of(
            "train",
            "--data",
            data.toString(),
            "--iterations",
            "6000",
            "--batch-size",
            "32",
            "--sample-every",
            "0",
            "--checkpoint-every",
            "0",
            "--out",
            run.toString()));
    Path out = dir.resolve("child.out");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("child.err").toFile())
            .start();
    Path metrics = run.resolve("metrics.csv");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (p.isAlive()
        && System.nanoTime() < deadline
        && !(Files.exists(metrics) && Files.readAllLines(metrics).size() > 200)) {
      Thread.sleep(20);
    }
    assertTrue(p.isAlive(), "still training when interrupted: " + Files.readString(out));
    p.destroy(); // SIGTERM: the JVM's shutdown, as Ctrl-C's SIGINT
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped within a minute");
    String printed = Files.readString(out);
    assertTrue(printed.contains("resume with: train --resume " + run), printed);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("stopped after iteration (\\d+)").matcher(printed);
    assertTrue(m.find(), printed);
    assertTrue(Files.isRegularFile(run.resolve("checkpoints/ckpt-" + m.group(1) + "/ckpt.index")));
    assertFalse(Files.exists(run.resolve("summary.json")), "not finished");

    Outcome resumed = gan(dir, "train", "--resume", run.toString());
    assertEquals(0, resumed.code(), resumed.err());
    assertTrue(resumed.out().contains("resume: from"), resumed.out());
    assertEquals(6001, Files.readAllLines(metrics).size(), "every iteration once");
  }
}
