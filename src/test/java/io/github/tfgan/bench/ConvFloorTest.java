package io.github.tfgan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import io.github.tfgan.config.UpdateOrder;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.model.DataScaling;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.train.TrainerOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conv floor's ops: for dcgan:64 on MNIST, the convolutions and products that a session run of
 * the training step executes (checked against the step's graph when this was written: its Conv2D,
 * Conv2DBackpropInput, Conv2DBackpropFilter and MatMul ops that feed a fetch), D's real and fake
 * passes merged into 2b rows as the matmul floor merges them. No timing is asserted.
 */
class ConvFloorTest {
  private static final GanArchitecture DCGAN_64 =
      GanArchitecture.of("dcgan:64", 100, DataShape.MNIST, DataScaling.SYMMETRIC, true);

  @Test
  void dcganOnMnistTimesTheStepsConvolutionsAndProducts() {
    ConvFloor.Cycle cycle = ConvFloor.cycle(DCGAN_64, 64, UpdateOrder.ALTERNATING, true, 4);
    assertEquals(
        List.of(
            // D step: G(z) once, D over the real and the fake batch, D's gradients
            "MatMul [64,100] x [100,6272] -> [64,6272]",
            "Conv2DBackpropInput [4,4,64,128] ^ [64,7,7,128] stride 2 -> [64,14,14,64]",
            "Conv2DBackpropInput [4,4,1,64] ^ [64,14,14,64] stride 2 -> [64,28,28,1]",
            "Conv2D [128,28,28,1] * [4,4,1,64] stride 2 -> [128,14,14,64]",
            "Conv2D [128,14,14,64] * [4,4,64,128] stride 2 -> [128,7,7,128]",
            "MatMul [128,6272] x [6272,1] -> [128,1]",
            "Conv2DBackpropFilter [128,28,28,1] ~ [128,14,14,64] stride 2 -> [4,4,1,64]",
            "Conv2DBackpropFilter [128,14,14,64] ~ [128,7,7,128] stride 2 -> [4,4,64,128]",
            "Conv2DBackpropInput [4,4,64,128] ^ [128,7,7,128] stride 2 -> [128,14,14,64]",
            "MatMul [6272,128] x [128,1] -> [6272,1]",
            "MatMul [128,1] x [1,6272] -> [128,6272]",
            // G step: D (as updated) over G(z), back to the image, then G's gradients
            "Conv2D [64,28,28,1] * [4,4,1,64] stride 2 -> [64,14,14,64]",
            "Conv2D [64,14,14,64] * [4,4,64,128] stride 2 -> [64,7,7,128]",
            "MatMul [64,6272] x [6272,1] -> [64,1]",
            "Conv2DBackpropInput [4,4,1,64] ^ [64,14,14,64] stride 2 -> [64,28,28,1]",
            "Conv2DBackpropInput [4,4,64,128] ^ [64,7,7,128] stride 2 -> [64,14,14,64]",
            "MatMul [64,1] x [1,6272] -> [64,6272]",
            "MatMul [100,64] x [64,6272] -> [100,6272]",
            "Conv2DBackpropFilter [64,14,14,64] ~ [64,7,7,128] stride 2 -> [4,4,64,128]",
            "Conv2D [64,14,14,64] * [4,4,64,128] stride 2 -> [64,7,7,128]",
            "Conv2DBackpropFilter [64,28,28,1] ~ [64,14,14,64] stride 2 -> [4,4,1,64]",
            "Conv2D [64,28,28,1] * [4,4,1,64] stride 2 -> [64,14,14,64]"),
        signatures(cycle.every()));
    assertEquals(
        List.of(
            // R1's input gradient on the real batch, then its gradient with respect to D
            "Conv2DBackpropInput [4,4,1,64] ^ [64,14,14,64] stride 2 -> [64,28,28,1]",
            "Conv2DBackpropInput [4,4,64,128] ^ [64,7,7,128] stride 2 -> [64,14,14,64]",
            "MatMul [64,1] x [1,6272] -> [64,6272]",
            "Conv2DBackpropFilter [64,28,28,1] ~ [64,14,14,64] stride 2 -> [4,4,1,64]",
            "Conv2D [64,28,28,1] * [4,4,1,64] stride 2 -> [64,14,14,64]",
            "Conv2DBackpropFilter [64,14,14,64] ~ [64,7,7,128] stride 2 -> [4,4,64,128]",
            "Conv2D [64,14,14,64] * [4,4,64,128] stride 2 -> [64,7,7,128]",
            "MatMul [6272,64] x [64,1] -> [6272,1]"),
        signatures(cycle.r1()));
    assertEquals(4, cycle.r1Every());
    // a geometry's three ops have its FLOPs: 2 · 64 · 7 · 7 · 128 · 4 · 4 · 64 for D's second conv
    assertEquals(822_083_584L, cycle.r1().get(1).flops());
    assertEquals(
        ConvFloor.flops(cycle.every()) + ConvFloor.flops(cycle.r1()) / 4.0,
        cycle.flopsPerIteration());
    assertEquals(
        "22 ops per iteration (30 with R1: 21 convolutions, 9 matmuls), 10.077 GFLOP",
        ConvFloor.describe(cycle));
  }

  @Test
  void withoutR1EveryIterationIsTheSameAndSimultaneousUpdatesSkipTheSecondPassOfD() {
    ConvFloor.Cycle plain = ConvFloor.cycle(DCGAN_64, 64, UpdateOrder.ALTERNATING, false, 4);
    assertEquals(List.of(), plain.r1());
    assertEquals(1, plain.r1Every());
    assertEquals(22, plain.every().size());
    ConvFloor.Cycle simultaneous =
        ConvFloor.cycle(DCGAN_64, 64, UpdateOrder.SIMULTANEOUS, false, 1);
    assertEquals(19, simultaneous.every().size());
    assertTrue(
        simultaneous.every().stream()
            .noneMatch(o -> o.what().startsWith("G step: D conv2 forward")));
  }

  @Test
  void forTheArticlesDenseNetsTheOpsAreTheMatmulFloorsProducts() {
    GanArchitecture article = GanArchitecture.article(100);
    ConvFloor.Cycle cycle = ConvFloor.cycle(article, 128, UpdateOrder.ALTERNATING, false, 1);
    List<String> products =
        MatmulFloor.iteration(128, 100).stream()
            .map(p -> "MatMul [" + p.m() + "," + p.k() + "] x [" + p.k() + "," + p.n() + "]")
            .sorted()
            .toList();
    List<String> ops =
        signatures(cycle.every()).stream().map(s -> s.replaceAll(" ->.*", "")).sorted().toList();
    assertEquals(products, ops);
    assertEquals(MatmulFloor.flops(MatmulFloor.iteration(128, 100)), cycle.flopsPerIteration());
  }

  @Test
  void theHarnessRunsEveryOpOfASmallCycle() {
    GanArchitecture small =
        GanArchitecture.of("dcgan:4", 8, DataShape.image(8, 8, 1), DataScaling.SYMMETRIC, false);
    ConvFloor.Cycle cycle = ConvFloor.cycle(small, 4, UpdateOrder.ALTERNATING, true, 2);
    try (ConvFloorHarness h =
        new ConvFloorHarness(cycle, TrainerOptions.UNSHARDED.sessionConfig(), false)) {
      assertTrue(h.measureMillis(4) > 0);
    }
  }

  /**
   * A clustered pair's step has the same products: G multiplies z alone by its first kernel and
   * looks the cluster's row up, D looks its embedding row up (lookups are not in the floor).
   */
  @Test
  void clusteredNetsHaveTheProductsOfTheirUnclusteredPair() {
    GanArchitecture clustered =
        GanArchitecture.of(
            "dcgan:64:clusters200", 100, DataShape.MNIST, DataScaling.SYMMETRIC, true);
    ConvFloor.Cycle plain = ConvFloor.cycle(DCGAN_64, 64, UpdateOrder.ALTERNATING, true, 4);
    ConvFloor.Cycle cycle = ConvFloor.cycle(clustered, 64, UpdateOrder.ALTERNATING, true, 4);
    assertEquals(signatures(plain.every()), signatures(cycle.every()));
    assertEquals(signatures(plain.r1()), signatures(cycle.r1()));
    assertEquals(ConvFloor.describe(plain), ConvFloor.describe(cycle));
  }

  @Test
  void thePeerGetsTheNetsOfAnyPresetButTheArticlesNetwork() {
    ImageData mnist = new ImageData(new float[4 * 784], new int[4], "test");
    for (String preset : List.of("article", "stable")) {
      GanConfig c = Presets.named(preset);
      assertEquals(
          List.of(),
          PythonPeer.netArguments(c, io.github.tfgan.data.Architectures.forData(c, mnist)),
          preset + "'s command line stays as its figures were measured with");
    }
    GanConfig dcgan = Presets.dcgan();
    assertEquals(
        List.of(
            "--net",
            "dcgan:64:clusters200",
            "--batch-size",
            "64",
            "--noise-dim",
            "100",
            "--scaling",
            "symmetric",
            "--ema-warmup"),
        PythonPeer.netArguments(
            dcgan,
            GanArchitecture.of(dcgan.net(), 100, DataShape.MNIST, DataScaling.SYMMETRIC, true)));
  }

  private static List<String> signatures(List<ConvFloor.Op> ops) {
    return ops.stream().map(ConvFloor.Op::signature).toList();
  }
}
