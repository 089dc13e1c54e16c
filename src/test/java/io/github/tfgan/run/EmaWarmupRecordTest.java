package io.github.tfgan.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configs written before emaWarmup existed: how they read, and their unchanged fingerprints. */
class EmaWarmupRecordTest {
  /** The stable preset's values: an average with decay 0.9998. */
  private static final GanConfig AVERAGED = Presets.named("stable");

  /** {@code config}'s JSON as a version before emaWarmup wrote it: without the field. */
  private static JsonObject withoutWarmup(GanConfig config) {
    JsonObject json = Json.GSON.toJsonTree(config).getAsJsonObject();
    assertTrue(json.has("emaWarmup"), "written by this version");
    json.remove("emaWarmup");
    return json;
  }

  /**
   * {@code config}'s JSON as the fingerprint of a version before emaWarmup hashed it: without the
   * field, and without the fields of 0.2.0's fingerprint rule while they hold 0.2.0's values.
   */
  private static String oldFingerprint(GanConfig config) throws NoSuchAlgorithmException {
    JsonObject json = withoutWarmup(config);
    json.remove("net"); // 0.10's field: older configs had the article's nets only
    json.remove("gpGamma"); // 0.11's field: older configs had no gradient penalty
    json.remove("conditional"); // 0.11's field: older configs were unconditional
    if (config.r1Every() == 1) {
      json.remove("r1Every");
    }
    if (config.updates() == io.github.tfgan.config.UpdateOrder.ALTERNATING) {
      json.remove("updates");
    }
    return sha256(Json.GSON.toJson(json));
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theBuilderWarmsUpByDefault() {
    assertTrue(GanConfig.builder().build().emaWarmup());
    assertTrue(AVERAGED.emaWarmup(), "the stable preset");
    assertFalse(GanConfig.builder().emaWarmup(false).build().emaWarmup());
  }

  @Test
  void aConfigWithoutTheFieldReadsAsConstantDecay(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(file, Json.GSON.toJson(withoutWarmup(AVERAGED)));
    GanConfig read = Json.read(file, GanConfig.class, "a config");
    assertFalse(read.emaWarmup(), "old runs averaged with a constant decay");
    assertEquals(AVERAGED.emaDecay(), read.emaDecay());
    assertEquals(AVERAGED.toBuilder().emaWarmup(false).build(), read);
  }

  @Test
  void aRunRecordWithoutTheFieldReadsAsConstantDecay(@TempDir Path dir) throws IOException {
    // A run record of this version, then the field taken out as an older version wrote it.
    GanConfig tiny =
        AVERAGED.toBuilder().iterations(2).batchSize(16).sampleEvery(0).checkpointEvery(0).build();
    Path runDir = dir.resolve("run");
    TrainingRun.create(tiny, io.github.tfgan.testing.Synthetic.bars(32, 1), runDir).run();
    RunDirectory run = new RunDirectory(runDir);
    assertTrue(RunRecord.read(run).config().emaWarmup());
    JsonObject record =
        com.google.gson.JsonParser.parseString(Files.readString(run.record())).getAsJsonObject();
    record.getAsJsonObject("config").remove("emaWarmup");
    Files.writeString(run.record(), Json.GSON.toJson(record));
    assertFalse(RunRecord.read(run).config().emaWarmup());
  }

  @Test
  void fingerprintsOfConstantDecayOrNoAverageEqualThoseWithoutTheField()
      throws NoSuchAlgorithmException {
    GanConfig constant = AVERAGED.toBuilder().emaWarmup(false).build();
    assertEquals(oldFingerprint(constant), Checkpoints.fingerprint(constant));

    for (boolean warmup : new boolean[] {true, false}) {
      GanConfig noAverage = AVERAGED.toBuilder().emaDecay(0f).emaWarmup(warmup).build();
      assertEquals(
          oldFingerprint(noAverage),
          Checkpoints.fingerprint(noAverage),
          "emaDecay 0, emaWarmup " + warmup);
    }
    // The article (no average) keeps the fingerprint of version 0.2.0, warm-up on or off.
    String article = "eaef89e6dd85bd7bf2f55833802e7c19e9bec2e2f3af4de0bbaef8f97958bc24";
    assertEquals(article, Checkpoints.fingerprint(GanConfig.article()));
    assertEquals(
        article, Checkpoints.fingerprint(GanConfig.article().toBuilder().emaWarmup(false).build()));
  }

  @Test
  void warmUpWithAnAverageChangesTheFingerprint() {
    assertNotEquals(
        Checkpoints.fingerprint(AVERAGED.toBuilder().emaWarmup(false).build()),
        Checkpoints.fingerprint(AVERAGED.toBuilder().emaWarmup(true).build()));
  }
}
