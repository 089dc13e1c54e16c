package io.github.tfgan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GanConfigTest {
  @Test
  void defaultsAreTheArticles() {
    GanConfig c = GanConfig.article();
    assertEquals(Dataset.MNIST, c.dataset());
    assertEquals(10_000, c.iterations());
    assertEquals(128, c.batchSize());
    assertEquals(100, c.noiseDim());
    assertEquals(0.0002f, c.learningRate());
    assertEquals(0.9f, c.beta1());
    assertEquals(0.999f, c.beta2());
    assertEquals(1e-8f, c.epsilon());
    assertEquals(100, c.logEvery());
    assertEquals(1f, c.lrDecayRate(), "decay off");
    assertEquals(0f, c.clipNorm(), "clipping off");
    assertEquals(1f, c.realLabel(), "smoothing off");
    assertEquals(c, c.toBuilder().build());
  }

  @ParameterizedTest
  @CsvSource({
    "iterations,0",
    "batch-size,-1",
    "learning-rate,0",
    "beta1,1",
    "beta2,0",
    "epsilon,0",
    "lr-decay-rate,1.5",
    "clip-norm,-1",
    "real-label,0.4",
    "log-every,0",
    "sample-every,-1"
  })
  void rejectsBadValuesNamingTheFlag(String flag, String value) {
    GanConfig.Builder b = GanConfig.builder();
    switch (flag) {
      case "iterations" -> b.iterations(Integer.parseInt(value));
      case "batch-size" -> b.batchSize(Integer.parseInt(value));
      case "learning-rate" -> b.learningRate(Float.parseFloat(value));
      case "beta1" -> b.beta1(Float.parseFloat(value));
      case "beta2" -> b.beta2(Float.parseFloat(value));
      case "epsilon" -> b.epsilon(Float.parseFloat(value));
      case "lr-decay-rate" -> b.learningRateDecay(Float.parseFloat(value), 10);
      case "clip-norm" -> b.clipNorm(Float.parseFloat(value));
      case "real-label" -> b.realLabel(Float.parseFloat(value));
      case "log-every" -> b.logEvery(Integer.parseInt(value));
      case "sample-every" -> b.sampleEvery(Integer.parseInt(value));
      default -> throw new IllegalStateException(flag);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().startsWith(flag + ": expected"), e.getMessage());
    assertTrue(e.getMessage().contains("found"), e.getMessage());
  }

  @Test
  void lossNamesAndTheGeneratorRateParseAndValidate() {
    assertEquals(LossKind.LEAST_SQUARES, LossKind.parse("least-squares"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LossKind.parse("hinge"));
    assertTrue(
        e.getMessage().startsWith("--loss: expected standard or least-squares"), e.getMessage());
    assertEquals(2e-4f, GanConfig.article().generatorBaseLearningRate());
    assertEquals(
        5e-4f,
        GanConfig.builder().generatorLearningRate(5e-4f).build().generatorBaseLearningRate());
    assertThrows(
        IllegalArgumentException.class,
        () -> GanConfig.builder().generatorLearningRate(-1f).build());
    assertEquals(GanConfig.article(), Presets.article());
    assertThrows(IllegalArgumentException.class, () -> Presets.named("fast"));
  }

  @Test
  void datasetNamesParse() {
    assertEquals(Dataset.FASHION, Dataset.parse("fashion"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Dataset.parse("cifar"));
    assertTrue(e.getMessage().contains("--dataset"), e.getMessage());
  }
}
