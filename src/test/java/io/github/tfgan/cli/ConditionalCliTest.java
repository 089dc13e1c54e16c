package io.github.tfgan.cli;

import static io.github.tfgan.cli.GanCliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.testing.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conv and conditional GANs through the command line: {@code train --net dcgan:W --conditional},
 * {@code generate --label K}, {@code score --label K}, and the errors of a label where none is
 * wanted or of none where one is.
 */
class ConditionalCliTest {
  @TempDir Path dir;

  @Test
  void trainsAConditionalConvGanAndGeneratesAClass() throws Exception {
    // 40 grey 8x8 images of 4 classes: class k lights row 2k
    int n = 40;
    byte[] pixels = new byte[n * 64];
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 4;
      for (int x = 0; x < 8; x++) {
        pixels[i * 64 + (int) (2 * labels[i]) * 8 + x] = (byte) 255;
      }
    }
    Path data = TestFiles.npy(dir.resolve("rows.npy"), "|u1", "(40, 8, 8)", pixels);
    Path labelFile =
        TestFiles.npy(dir.resolve("labels.npy"), "<i8", "(40,)", TestFiles.ints(8, labels));
    Path models = dir.resolve("models");
    GanCliTest.Run train =
        cli(
            "train",
            "--data",
            data.toString(),
            "--labels",
            labelFile.toString(),
            "--net",
            "dcgan:4",
            "--conditional",
            "--iterations",
            "4",
            "--batch-size",
            "8",
            "--sample-every",
            "0",
            "--out",
            dir.resolve("run").toString(),
            "--export",
            models.toString());
    assertEquals(0, train.code(), train.err());
    assertTrue(train.out().contains("model: G 100-"), train.out());

    Path sevens = dir.resolve("threes.npy");
    GanCliTest.Run generate =
        cli(
            "generate",
            "--model",
            models.resolve("generator").toString(),
            "--label",
            "3",
            "--count",
            "5",
            "--out",
            sevens.toString());
    assertEquals(0, generate.code(), generate.err());
    Dataset samples = Datasets.open(sevens);
    assertEquals(DataShape.image(8, 8, 1), samples.shape());
    assertEquals(5, samples.size());

    Path grid = dir.resolve("grid.png");
    GanCliTest.Run png =
        cli(
            "generate",
            "--model",
            models.resolve("generator").toString(),
            "--count",
            "12",
            "--out",
            grid.toString());
    assertEquals(0, png.code(), png.err());
    // one row per class: 4 rows of 3
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(grid.toFile());
    assertTrue(image.getHeight() > image.getWidth(), image.getWidth() + "x" + image.getHeight());

    GanCliTest.Run bad =
        cli(
            "generate",
            "--model",
            models.resolve("generator").toString(),
            "--label",
            "4",
            "--count",
            "5",
            "--out",
            dir.resolve("x.npy").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--label: expected a class from 0 to 3, found 4"), bad.err());

    GanCliTest.Run score =
        cli(
            "score",
            "--model",
            models.resolve("discriminator").toString(),
            "--images",
            sevens.toString(),
            "--label",
            "3",
            "--out",
            dir.resolve("p.npy").toString());
    assertEquals(0, score.code(), score.err());
    GanCliTest.Run withLabels =
        cli(
            "score",
            "--model",
            models.resolve("discriminator").toString(),
            "--images",
            data.toString(),
            "--labels",
            labelFile.toString(),
            "--out",
            dir.resolve("q.npy").toString());
    assertEquals(0, withLabels.code(), withLabels.err());
    GanCliTest.Run noLabel =
        cli(
            "score",
            "--model",
            models.resolve("discriminator").toString(),
            "--images",
            sevens.toString(),
            "--out",
            dir.resolve("r.npy").toString());
    assertTrue(
        noLabel.err().contains("--label or --labels: expected the samples' classes"),
        noLabel.err());
  }

  @Test
  void aLabelForAnUnconditionalModelOrNoLabelsForConditionalTrainingAreRefused() throws Exception {
    Path data = TestFiles.npy(dir.resolve("plain.npy"), "|u1", "(16, 8, 8)", new byte[16 * 64]);
    GanCliTest.Run train =
        cli(
            "train",
            "--data",
            data.toString(),
            "--net",
            "dcgan:4",
            "--conditional",
            "--iterations",
            "2",
            "--batch-size",
            "8",
            "--out",
            dir.resolve("c").toString());
    assertEquals(2, train.code(), train.err());
    assertTrue(train.err().contains("--conditional: expected data with labels"), train.err());

    GanCliTest.Run clustered =
        cli(
            "train",
            "--data",
            data.toString(),
            "--net",
            "dcgan:4:clusters20",
            "--iterations",
            "2",
            "--batch-size",
            "8",
            "--out",
            dir.resolve("k").toString());
    assertEquals(2, clustered.code(), clustered.err());
    assertTrue(
        clustered
            .err()
            .contains(
                "--net dcgan:4:clusters20: expected at least 20 samples to cluster, found 16"),
        clustered.err());
    assertTrue(!java.nio.file.Files.exists(dir.resolve("k")), "nothing written");

    Path models = dir.resolve("m");
    GanCliTest.Run plain =
        cli(
            "train",
            "--data",
            data.toString(),
            "--net",
            "dcgan:4",
            "--iterations",
            "2",
            "--batch-size",
            "8",
            "--sample-every",
            "0",
            "--out",
            dir.resolve("p").toString(),
            "--export",
            models.toString());
    assertEquals(0, plain.code(), plain.err());
    GanCliTest.Run label =
        cli(
            "generate",
            "--model",
            models.resolve("generator").toString(),
            "--label",
            "1",
            "--count",
            "2",
            "--out",
            dir.resolve("y.npy").toString());
    assertEquals(2, label.code());
    assertTrue(
        label.err().contains("--label: expected a class-conditional generator"), label.err());
  }

  @Test
  void aPenaltyOnABatchNormDiscriminatorIsRefusedBeforeTrainingNamingTheOp() throws Exception {
    Path data = TestFiles.npy(dir.resolve("big.npy"), "|u1", "(16, 16, 16)", new byte[16 * 256]);
    // 16x16: two blocks in D, the second with batch norm
    Path out = dir.resolve("bn");
    GanCliTest.Run r1 =
        cli(
            "train",
            "--data",
            data.toString(),
            "--preset",
            "dcgan",
            "--net",
            "dcgan:4:bn",
            "--iterations",
            "2",
            "--batch-size",
            "8",
            "--out",
            out.toString());
    assertEquals(2, r1.code(), r1.err());
    assertTrue(r1.err().contains("--r1-gamma (r1Gamma 1.0)"), r1.err());
    assertTrue(r1.err().contains("found FusedBatchNormGradV3 without one"), r1.err());
    assertTrue(!java.nio.file.Files.exists(out), "nothing written");
    GanCliTest.Run gp =
        cli(
            "train",
            "--data",
            data.toString(),
            "--net",
            "dcgan:4:bn",
            "--r1-gamma",
            "0",
            "--loss",
            "wasserstein",
            "--gp-gamma",
            "10",
            "--iterations",
            "2",
            "--batch-size",
            "8",
            "--out",
            out.toString());
    assertEquals(2, gp.code(), gp.err());
    assertTrue(gp.err().contains("--gp-gamma (gpGamma 10.0)"), gp.err());
  }
}
