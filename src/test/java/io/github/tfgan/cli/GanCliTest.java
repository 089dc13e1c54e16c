package io.github.tfgan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import io.github.tfgan.testing.Synthetic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GanCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        GanCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void summaryPrintsTheTotals() {
    Run r = cli("summary");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Generator total: 247,440"), r.out());
    assertTrue(r.out().contains("Discriminator total: 233,985"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"serve", "serve-bench"})
  void theModelServersCommandsNameTheirJarAndHowToBuildIt(String command) {
    Run r = cli(command, "--model-base", "savedmodels");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("gan " + command + ": expected to run from"), r.err());
    assertTrue(r.err().contains("serve/pom.xml package"), r.err());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "summary",
        "train",
        "generate",
        "score",
        "bench",
        "memory",
        "train-classifier",
        "evaluate"
      })
  void everyCommandHasHelp(String command) {
    Run r = cli(command, "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Usage: gan " + command), r.out());
  }

  @Test
  void trainThenGenerateEndToEnd() throws Exception {
    Path data = dir.resolve("data");
    Synthetic.writeIdx(Synthetic.bars(256, 3), data);
    Path run = dir.resolve("run");
    Run t =
        cli(
            "train",
            "--data",
            data.toString(),
            "--iterations",
            "30",
            "--batch-size",
            "32",
            "--log-every",
            "10",
            "--sample-every",
            "15",
            "--out",
            run.toString());
    assertEquals(0, t.code(), t.err());
    List<String> logs = t.out().lines().filter(l -> l.startsWith("Iteration ")).toList();
    assertEquals(3, logs.size(), t.out());
    assertTrue(
        logs.get(2)
            .matches(
                "Iteration 30: D loss = \\d+\\.\\d{4}, G loss = \\d+\\.\\d{4}, D\\(x\\) = \\d\\.\\d{2}, D\\(G\\(z\\)\\) = \\d\\.\\d{2}"),
        logs.get(2));
    assertTrue(
        t.out().contains("config:\n") || t.out().contains("config:" + System.lineSeparator()),
        "resolved config is printed first");
    for (String f :
        List.of(
            "config.json",
            "metrics.csv",
            "summary.json",
            "samples/iteration_000015.png",
            "samples/iteration_000030.png",
            "samples/final.png",
            "savedmodels/generator/1/saved_model.pb",
            "savedmodels/discriminator/1/saved_model.pb")) {
      assertTrue(Files.isRegularFile(run.resolve(f)), f);
    }
    assertEquals(31, Files.readAllLines(run.resolve("metrics.csv")).size());
    assertTrue(Files.readString(run.resolve("config.json")).contains("\"seed\": 42"));

    Path png = dir.resolve("grid.png");
    Run g =
        cli(
            "generate",
            "--model",
            run.resolve("savedmodels/generator/1").toString(),
            "--count",
            "9",
            "--out",
            png.toString(),
            "--seed",
            "3");
    assertEquals(0, g.code(), g.err());
    assertEquals(2 + 3 * (56 + 2), ImageIO.read(png.toFile()).getWidth());

    Run again =
        cli("train", "--data", data.toString(), "--iterations", "1", "--out", run.toString());
    assertEquals(1, again.code());
    assertTrue(
        again.err().contains("--out") && again.err().contains("existing files"), again.err());
  }

  @Test
  void exportPublishesVersionsWithAManifestAndNeverOverwritesWithoutForce() throws Exception {
    Path data = dir.resolve("data");
    Synthetic.writeIdx(Synthetic.bars(128, 3), data);
    Path base = dir.resolve("savedmodels");
    String[] args = {
      "train",
      "--data",
      data.toString(),
      "--iterations",
      "3",
      "--batch-size",
      "32",
      "--sample-every",
      "0",
      "--export",
      base.toString(),
      "--model-version",
      "2"
    };
    Run first = cli(concat(args, "--out", dir.resolve("r1").toString()));
    assertEquals(0, first.code(), first.err());
    assertTrue(Files.isRegularFile(base.resolve("generator/2/saved_model.pb")));
    assertTrue(Files.isRegularFile(base.resolve("discriminator/2/variables/variables.index")));
    String manifest = Files.readString(base.resolve("manifest.json"));
    assertTrue(manifest.contains("\"command\": \"bin/gan train --data"), manifest);
    assertTrue(manifest.contains("\"distribution\": \"standard normal N(0, 1)"), manifest);
    assertTrue(
        manifest.contains("\"signatures\": [\n        \"serving_default\",\n        \"serve\""),
        manifest);
    assertTrue(manifest.contains("\"classifier_score\":"), manifest);
    assertTrue(manifest.contains("\"data_pixels_sha256\""), manifest);
    assertTrue(manifest.contains("\"tensorflow_java\": \"1.1.0\""), manifest);
    byte[] before =
        Files.readAllBytes(base.resolve("generator/2/variables/variables.data-00000-of-00001"));

    Run refused = cli(concat(args, "--out", dir.resolve("r2").toString()));
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("--force"), refused.err());
    assertFalse(Files.exists(dir.resolve("r2")), "refused before training");
    assertArrayEquals(
        before,
        Files.readAllBytes(base.resolve("generator/2/variables/variables.data-00000-of-00001")));

    Run forced = cli(concat(args, "--out", dir.resolve("r3").toString(), "--seed", "5", "--force"));
    assertEquals(0, forced.code(), forced.err());
    assertFalse(
        java.util.Arrays.equals(
            before,
            Files.readAllBytes(
                base.resolve("generator/2/variables/variables.data-00000-of-00001"))));
    try (var entries = Files.list(base.resolve("generator"))) {
      assertEquals(
          List.of(base.resolve("generator/2")), entries.toList(), "no temporary siblings left");
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void benchEndsWithTheMsPerIterLine() throws Exception {
    Path data = dir.resolve("bench-data");
    Synthetic.writeIdx(Synthetic.bars(256, 5), data);
    for (String preset : List.of("article", "stable")) {
      Path json = dir.resolve(preset + ".json");
      Run r =
          cli(
              "bench",
              "--data",
              data.toString(),
              "--no-python",
              "--warmup",
              "1",
              "--iterations",
              "2",
              "--repeats",
              "1",
              "--preset",
              preset,
              "--json",
              json.toString());
      assertEquals(0, r.code(), r.err());
      List<String> lines = r.out().lines().toList();
      assertTrue(lines.get(lines.size() - 1).matches("ms/iter: \\d+\\.\\d{2}"), r.out());
      assertTrue(r.out().contains("preset: " + preset), r.out());
      assertTrue(r.out().contains("FLOPs per iteration (matrix products): 0.562 GFLOP"), r.out());
      String report = Files.readString(json);
      assertTrue(report.contains("\"floor_ms\""), report);
      assertTrue(report.contains("\"preset\": \"" + preset + "\""), report);
    }
    Run unknown = cli("bench", "--preset", "fast", "--no-python");
    assertEquals(2, unknown.code());
    assertTrue(
        unknown.err().contains("--preset: expected article, stable, vectors or dcgan"),
        unknown.err());
  }

  @Test
  void divergenceStopsWithTheIterationAndKeepsTheLastGoodCheckpoint() throws Exception {
    Path data = dir.resolve("div-data");
    Synthetic.writeIdx(Synthetic.bars(256, 3), data);
    Path run = dir.resolve("div");
    Run r =
        cli(
            "train",
            "--data",
            data.toString(),
            "--iterations",
            "100",
            "--batch-size",
            "32",
            "--learning-rate",
            "1e6",
            "--checkpoint-every",
            "2",
            "--sample-every",
            "0",
            "--out",
            run.toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err()
            .matches(
                "(?s)error: training diverged at iteration \\d+: .*last good checkpoint: .*ckpt-\\d+\\s*"),
        r.err());
    var latest = new io.github.tfgan.run.Checkpoints(run, 3).latest().orElseThrow();
    try (var t =
        new io.github.tfgan.train.GanTrainer(
            io.github.tfgan.run.RunRecord.read(new io.github.tfgan.run.RunDirectory(run)).config(),
            Synthetic.bars(256, 3))) {
      t.restore(latest.prefix(), latest.iteration()); // loadable
      assertTrue(t.step().iteration() == latest.iteration() + 1);
    }
  }

  @Test
  void reportNeverReplacesAnExistingReportUnlessForced() throws Exception {
    Path run = Files.createDirectories(dir.resolve("finished"));
    for (String f : List.of("config.json", "summary.json", "metrics.csv")) {
      Files.writeString(run.resolve(f), "{}");
    }
    Path committed = Files.writeString(dir.resolve("reproduction.md"), "committed");
    Run refused = cli("report", "--run", run.toString(), "--out", committed.toString());
    assertEquals(1, refused.code());
    assertTrue(
        refused.err().contains("--out " + committed + ": expected no existing report")
            && refused.err().contains("--force"),
        refused.err());
    assertEquals("committed", Files.readString(committed));
  }

  @Test
  void badFilesAndPathsAreOneLineErrorsThatTouchNothing() throws Exception {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    Run outIsFile = cli("train", "--out", file.toString());
    assertEquals(1, outIsFile.code());
    assertTrue(
        outIsFile.err().contains("--out " + file + ": expected a directory, found a file"),
        outIsFile.err());
    Run underFile = cli("train", "--out", file.resolve("run").toString());
    assertEquals(1, underFile.code());
    assertTrue(underFile.err().contains("is a file"), underFile.err());
    assertEquals("x", Files.readString(file));

    Path data = dir.resolve("mismatch");
    Synthetic.writeIdx(Synthetic.bars(64, 3), data);
    Path other = dir.resolve("other");
    Synthetic.writeIdx(Synthetic.bars(32, 3), other);
    Files.copy(
        other.resolve("train-labels-idx1-ubyte.gz"),
        data.resolve("train-labels-idx1-ubyte.gz"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Run labels = cli("train", "--data", data.toString(), "--out", dir.resolve("r").toString());
    assertEquals(1, labels.code());
    assertTrue(
        labels.err().contains("expected 64 labels") && labels.err().contains("found 32"),
        labels.err());
    assertEquals(1, labels.err().strip().lines().count(), "one line");

    Run notRun = cli("train", "--resume", dir.toString());
    assertEquals(1, notRun.code());
    assertTrue(
        notRun.err().contains("--resume " + dir + ": expected a run directory with config.json"),
        notRun.err());
  }

  @Test
  void resumeRefusesOtherDataAndFinishedRuns() throws Exception {
    Path data = dir.resolve("d1");
    Synthetic.writeIdx(Synthetic.bars(128, 1), data);
    Path run = dir.resolve("run");
    assertEquals(
        0,
        cli(
                "train",
                "--data",
                data.toString(),
                "--iterations",
                "4",
                "--batch-size",
                "32",
                "--checkpoint-every",
                "2",
                "--sample-every",
                "0",
                "--out",
                run.toString())
            .code());
    Run finished = cli("train", "--resume", run.toString());
    assertEquals(1, finished.code());
    assertTrue(finished.err().contains("already finished"), finished.err());

    io.github.tfgan.io.Directories.deleteTree(run.resolve("savedmodels"));
    Path otherData = dir.resolve("d2");
    Synthetic.writeIdx(Synthetic.bars(128, 2), otherData);
    byte[] csv = Files.readAllBytes(run.resolve("metrics.csv"));
    Run mismatch = cli("train", "--resume", run.toString(), "--data", otherData.toString());
    assertEquals(1, mismatch.code());
    assertTrue(
        mismatch.err().contains("the training data does not match the run's"), mismatch.err());
    assertArrayEquals(csv, Files.readAllBytes(run.resolve("metrics.csv")), "run left untouched");
  }

  @Test
  void givenFlagsOverrideThePresetAndUnknownPresetsAreRefused() throws Exception {
    Path data = dir.resolve("preset-data");
    Synthetic.writeIdx(Synthetic.bars(64, 3), data);
    Path run = dir.resolve("preset-run");
    Run r =
        cli(
            "train",
            "--preset",
            "article",
            "--data",
            data.toString(),
            "--iterations",
            "2",
            "--batch-size",
            "32",
            "--loss",
            "least-squares",
            "--beta1",
            "0.5",
            "--g-learning-rate",
            "4e-4",
            "--sample-every",
            "0",
            "--out",
            run.toString());
    assertEquals(0, r.code(), r.err());
    String config = Files.readString(run.resolve("config.json"));
    assertTrue(config.contains("\"loss\": \"LEAST_SQUARES\""), config);
    assertTrue(config.contains("\"beta1\": 0.5"), config);
    assertTrue(config.contains("\"generatorLearningRate\": 4.0E-4"), config);
    assertTrue(config.contains("\"learningRate\": 2.0E-4"), "unset flags keep the preset's values");
    Path stableRun = dir.resolve("stable-run");
    Run stable =
        cli(
            "train",
            "--preset",
            "stable",
            "--data",
            data.toString(),
            "--iterations",
            "3",
            "--batch-size",
            "32",
            "--sample-every",
            "0",
            "--out",
            stableRun.toString());
    assertEquals(0, stable.code(), stable.err());
    GanConfig recorded =
        io.github.tfgan.run.RunRecord.read(new io.github.tfgan.run.RunDirectory(stableRun))
            .config();
    assertEquals(
        Presets.stable().toBuilder().iterations(3).batchSize(32).sampleEvery(0).build(),
        recorded,
        "the stable preset, with only the given flags changed");
    assertTrue(Files.isRegularFile(stableRun.resolve("savedmodels/generator/1/saved_model.pb")));
    Run unknown = cli("train", "--preset", "fast");
    assertEquals(2, unknown.code());
    assertTrue(
        unknown.err().contains("--preset: expected article, stable, vectors or dcgan"),
        unknown.err());
  }

  @Test
  void badInputGivesOneLineNamingTheFlagAndNonZeroExit() {
    Run bad = cli("train", "--iterations", "0", "--out", dir.resolve("r").toString());
    assertEquals(2, bad.code());
    assertTrue(
        bad.err().contains("iterations: expected a positive whole number, found 0"), bad.err());
    assertFalse(Files.exists(dir.resolve("r")));

    Run missing =
        cli(
            "train",
            "--data",
            dir.resolve("nothing").toString(),
            "--out",
            dir.resolve("r2").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("--data"), missing.err());

    Run dataset = cli("train", "--dataset", "cifar");
    assertEquals(2, dataset.code());
    assertTrue(
        dataset
            .err()
            .contains(
                "--dataset: expected mnist or fashion (for your own data, --data PATH), found 'cifar'"),
        dataset.err());

    Run model =
        cli(
            "generate",
            "--model",
            dir.toString(),
            "--count",
            "4",
            "--out",
            dir.resolve("x.png").toString());
    assertEquals(1, model.code());
    assertTrue(model.err().contains("saved_model.pb"), model.err());

    Run unknown = cli("train", "--no-such-flag");
    assertEquals(2, unknown.code());
  }
}
