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

  @Test
  void aConfigWrittenBeforeGpGammaExistedReadsAsNoPenaltyAndKeepsItsFingerprint() {
    com.google.gson.Gson gson = new com.google.gson.Gson();
    GanConfig ls = GanConfig.builder().loss(LossKind.LEAST_SQUARES).realLabel(0.9f).build();
    com.google.gson.JsonObject json = gson.toJsonTree(ls).getAsJsonObject();
    assertEquals(0f, json.remove("gpGamma").getAsFloat());
    GanConfig read = gson.fromJson(json, GanConfig.class);
    assertEquals(0f, read.gpGamma());
    assertEquals(ls, read);
    // The fingerprints of 0.10.0, before gpGamma existed (Checkpoints.fingerprint of that version).
    assertEquals(
        "eaef89e6dd85bd7bf2f55833802e7c19e9bec2e2f3af4de0bbaef8f97958bc24",
        io.github.tfgan.run.Checkpoints.fingerprint(GanConfig.article()));
    assertEquals(
        "b2468be1a2c4905cfd033ab4405b272d314842d9dc5e08fb1af66f063f0dd3d9",
        io.github.tfgan.run.Checkpoints.fingerprint(ls));
    assertNotEquals(
        io.github.tfgan.run.Checkpoints.fingerprint(ls),
        io.github.tfgan.run.Checkpoints.fingerprint(ls.toBuilder().gpGamma(10f).build()));
    GanConfig gp = ls.toBuilder().realLabel(1f).loss(LossKind.WASSERSTEIN).gpGamma(10f).build();
    assertEquals(gp, gson.fromJson(gson.toJson(gp), GanConfig.class));
    assertEquals(gp, gp.toBuilder().build());
  }

  @Test
  void smoothingIsRefusedWithTheLossesThatHaveNoTargetForRealImages() {
    for (LossKind loss : LossKind.values()) {
      GanConfig.Builder b = GanConfig.builder().loss(loss).realLabel(0.9f);
      if (loss.hasRealLabel()) {
        assertEquals(0.9f, b.build().realLabel(), loss.cliName());
        continue;
      }
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
      assertTrue(
          e.getMessage()
              .startsWith("realLabel: expected 1 (no smoothing) with loss " + loss.cliName()),
          e.getMessage());
      assertTrue(e.getMessage().endsWith("found 0.9"), e.getMessage());
      assertEquals(1f, b.realLabel(1f).build().realLabel());
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> GanConfig.builder().gpGamma(-1f).build());
    assertEquals(
        "gpGamma: expected a finite number >= 0 (0 = no penalty), found -1.0", e.getMessage());
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
    for (LossKind loss : LossKind.values()) {
      assertEquals(loss, LossKind.parse(loss.cliName()));
    }
    String names = "standard, minimax, least-squares, hinge or wasserstein";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LossKind.parse("wgan"));
    assertEquals("loss: expected " + names + ", found 'wgan'", e.getMessage());
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
    assertEquals("loss: expected " + names + ", found null", e.getMessage());
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
