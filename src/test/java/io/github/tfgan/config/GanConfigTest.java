package io.github.tfgan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

  @Test
  void aConfigWrittenBeforeR1EveryExistedReadsAsR1EveryIteration() {
    com.google.gson.Gson gson = new com.google.gson.Gson();
    GanConfig stable = Presets.stable().toBuilder().r1Every(1).build();
    com.google.gson.JsonObject json = gson.toJsonTree(stable).getAsJsonObject();
    assertEquals(1, json.remove("r1Every").getAsInt());
    GanConfig read = gson.fromJson(json, GanConfig.class);
    assertEquals(1, read.r1Every());
    assertEquals(stable, read);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GanConfig.builder().r1Every(0));
    assertTrue(e.getMessage().startsWith("r1Every: expected a positive"), e.getMessage());
  }

  @Test
  void aConfigWrittenBeforeUpdatesExistedReadsAsAlternatingAndKeepsItsFingerprint() {
    com.google.gson.Gson gson = new com.google.gson.Gson();
    GanConfig stable = Presets.stable().toBuilder().updates(UpdateOrder.ALTERNATING).build();
    com.google.gson.JsonObject json = gson.toJsonTree(stable).getAsJsonObject();
    assertEquals("ALTERNATING", json.remove("updates").getAsString());
    GanConfig read = gson.fromJson(json, GanConfig.class);
    assertEquals(UpdateOrder.ALTERNATING, read.updates());
    assertEquals(stable, read);
    assertNotEquals(
        io.github.tfgan.run.Checkpoints.fingerprint(stable),
        io.github.tfgan.run.Checkpoints.fingerprint(
            stable.toBuilder().updates(UpdateOrder.SIMULTANEOUS).build()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GanConfig.builder().updates(null));
    assertTrue(e.getMessage().startsWith("updates: expected alternating or"), e.getMessage());
    assertEquals(UpdateOrder.SIMULTANEOUS, UpdateOrder.parse("simultaneous"));
    e = assertThrows(IllegalArgumentException.class, () -> UpdateOrder.parse("both"));
    assertTrue(e.getMessage().contains("found 'both'"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "iterations,0",
    "batchSize,-1",
    "learningRate,0",
    "beta1,1",
    "beta2,0",
    "epsilon,0",
    "lrDecayRate,1.5",
    "clipNorm,-1",
    "realLabel,0.4",
    "logEvery,0",
    "sampleEvery,-1"
  })
  void rejectsBadValuesNamingTheField(String flag, String value) {
    GanConfig.Builder b = GanConfig.builder();
    switch (flag) {
      case "iterations" -> b.iterations(Integer.parseInt(value));
      case "batchSize" -> b.batchSize(Integer.parseInt(value));
      case "learningRate" -> b.learningRate(Float.parseFloat(value));
      case "beta1" -> b.beta1(Float.parseFloat(value));
      case "beta2" -> b.beta2(Float.parseFloat(value));
      case "epsilon" -> b.epsilon(Float.parseFloat(value));
      case "lrDecayRate" -> b.lrDecayRate(Float.parseFloat(value)).lrDecaySteps(10);
      case "clipNorm" -> b.clipNorm(Float.parseFloat(value));
      case "realLabel" -> b.realLabel(Float.parseFloat(value));
      case "logEvery" -> b.logEvery(Integer.parseInt(value));
      case "sampleEvery" -> b.sampleEvery(Integer.parseInt(value));
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
        e.getMessage().startsWith("loss: expected standard or least-squares"), e.getMessage());
    assertEquals(2e-4f, GanConfig.article().generatorBaseLearningRate());
    assertEquals(
        5e-4f,
        GanConfig.builder().generatorLearningRate(5e-4f).build().generatorBaseLearningRate());
    assertThrows(
        IllegalArgumentException.class,
        () -> GanConfig.builder().generatorLearningRate(-1f).build());
    assertEquals(GanConfig.article(), Presets.article());
    assertThrows(IllegalArgumentException.class, () -> Presets.named("fast"));
    e = assertThrows(IllegalArgumentException.class, () -> GanConfig.builder().loss(null).build());
    assertEquals("loss: expected standard or least-squares, found null", e.getMessage());
  }

  @Test
  void datasetNamesParse() {
    assertEquals(Dataset.FASHION, Dataset.parse("fashion"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Dataset.parse("cifar"));
    assertTrue(
        e.getMessage().startsWith("dataset: expected mnist, fashion or custom"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> GanConfig.builder().dataset(null).build());
    assertEquals("dataset: expected mnist, fashion or custom, found null", e.getMessage());
  }
}
