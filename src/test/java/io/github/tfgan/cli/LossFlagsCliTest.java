package io.github.tfgan.cli;

import static io.github.tfgan.cli.GanCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.cli.GanCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --loss} with each of its five values and {@code --gp-gamma} through the command line: they
 * train and are recorded; bad combinations are refused before any output, naming the flags.
 */
class LossFlagsCliTest {
  @TempDir Path dir;

  private Path points() throws Exception {
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 200; i++) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%.4f,%.4f%n",
              1 + random.nextGaussian(),
              -1 + 0.5 * random.nextGaussian()));
    }
    return Files.writeString(dir.resolve("points.csv"), csv.toString());
  }

  private Run train(Path data, Path out, String... flags) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                data.toString(),
                "--iterations",
                "3",
                "--batch-size",
                "16",
                "--sample-every",
                "0",
                "--checkpoint-every",
                "0",
                "--out",
                out.toString()));
    args.addAll(List.of(flags));
    return cli(args.toArray(String[]::new));
  }

  @Test
  void everyLossTrainsAndTheGradientPenaltyIsRecorded() throws Exception {
    Path data = points();
    for (String loss : List.of("standard", "minimax", "least-squares", "hinge", "wasserstein")) {
      Path out = dir.resolve(loss);
      Run r = train(data, out, "--loss", loss, "--gp-gamma", "10");
      assertEquals(0, r.code(), loss + ": " + r.err());
      String config = Files.readString(out.resolve("config.json"));
      assertTrue(
          config.contains("\"loss\": \"" + loss.toUpperCase(Locale.ROOT).replace('-', '_') + "\""),
          config);
      assertTrue(config.contains("\"gpGamma\": 10.0"), config);
      assertEquals(4, Files.readAllLines(out.resolve("metrics.csv")).size(), loss);
    }
  }

  @Test
  void badLossesAndPenaltiesAreRefusedNamingTheFlag() throws Exception {
    Path data = points();
    Path out = dir.resolve("refused");
    Run smoothing = train(data, out, "--loss", "hinge", "--real-label", "0.9");
    assertEquals(2, smoothing.code(), smoothing.err());
    assertTrue(
        smoothing.err().contains("--real-label: expected 1 (no smoothing) with loss hinge"),
        smoothing.err());
    Run unknown = train(data, out, "--loss", "wgan");
    assertEquals(2, unknown.code(), unknown.err());
    assertTrue(
        unknown
            .err()
            .contains(
                "--loss: expected standard, minimax, least-squares, hinge or wasserstein,"
                    + " found 'wgan'"),
        unknown.err());
    Run negative = train(data, out, "--gp-gamma", "-1");
    assertEquals(2, negative.code(), negative.err());
    assertTrue(
        negative.err().contains("--gp-gamma: expected a finite number >= 0 (0 = no penalty)"),
        negative.err());
    assertFalse(Files.exists(out), "nothing written");
    Run help = cli("train", "--help");
    assertTrue(help.out().contains("--loss standard|minimax|least-squares|hinge|wasserstein"));
    assertTrue(help.out().contains("--gp-gamma X"), help.out());
  }
}
