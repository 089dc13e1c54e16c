package io.github.tfgan.run;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.UpdateOrder;
import io.github.tfgan.io.Directories;
import io.github.tfgan.io.Errors;
import io.github.tfgan.model.NetworkSpec;
import io.github.tfgan.train.GanTrainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints of a run: {@code RUN_DIR/checkpoints/ckpt-N/} holds a TensorFlow checkpoint
 * ({@code ckpt.index}, {@code ckpt.data-*}) of every variable, both networks' weights and both Adam
 * states, after iteration N, and {@code iteration} with N. Noise and batches are functions of
 * (seed, iteration), so N is all the other state a resumed run needs.
 *
 * <p>A checkpoint is written into a temporary sibling and renamed into place; only then are the
 * oldest beyond the kept number deleted. A process killed while saving leaves the previous
 * checkpoints loadable and, at worst, a {@code .ckpt-N.tmp-*} directory that is ignored.
 */
public final class Checkpoints {
  /** Checkpoint prefix inside each checkpoint directory. */
  public static final String PREFIX = "ckpt";

  private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)");
  private static final String ITERATION_FILE = "iteration";

  /** The SHA-256 of the run-defining config the checkpoint was written under. */
  private static final String CONFIG_FILE = "config.sha256";

  private final Path dir;
  private final int keep;

  /** One saved checkpoint. */
  public record Checkpoint(long iteration, Path directory) {
    /** The prefix to restore from ({@code directory/ckpt}). */
    public Path prefix() {
      return directory.resolve(PREFIX);
    }

    /** The fingerprint of the config it was written under, if recorded (older ones lack it). */
    public Optional<String> configFingerprint() throws IOException {
      Path file = directory.resolve(CONFIG_FILE);
      return Files.isRegularFile(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
          : Optional.empty();
    }
  }

  /**
   * @param runDir the run directory
   * @param keep how many of the latest checkpoints to keep
   */
  public Checkpoints(Path runDir, int keep) {
    this.dir = runDir.resolve("checkpoints");
    this.keep = keep;
  }

  /** Saves {@code trainer}'s state after its completed iterations, then prunes old checkpoints. */
  public Checkpoint save(GanTrainer trainer) throws IOException {
    long iteration = trainer.completedIterations();
    Path target = dir.resolve("ckpt-" + iteration);
    Path staged = Directories.tempSibling(target);
    try {
      trainer.saveCheckpoint(staged.resolve(PREFIX));
      Files.writeString(staged.resolve(ITERATION_FILE), iteration + "\n", StandardCharsets.UTF_8);
      Files.writeString(
          staged.resolve(CONFIG_FILE),
          fingerprint(trainer.config()) + "\n",
          StandardCharsets.UTF_8);
      Directories.commit(staged, target, true);
    } finally {
      Directories.deleteTree(staged);
    }
    List<Checkpoint> all = list();
    for (int i = 0; i < all.size() - keep; i++) {
      Directories.deleteTree(all.get(i).directory());
    }
    return new Checkpoint(iteration, target);
  }

  /**
   * SHA-256 of {@code config} as the run record writes it: what defines the run. Fields added after
   * version 0.2.0 are left out while they hold the value that version implied, so that its runs
   * keep their fingerprints and still resume.
   */
  public static String fingerprint(GanConfig config) {
    com.google.gson.JsonObject json = Json.GSON.toJsonTree(config).getAsJsonObject();
    if (config.r1Every() == 1) {
      json.remove("r1Every");
    }
    if (!config.conditional()) {
      json.remove("conditional");
    }
    if (config.gpGamma() == 0f) {
      json.remove("gpGamma");
    }
    if (config.net().equals(NetworkSpec.ARTICLE_NET)) {
      json.remove("net");
    }
    if (config.updates() == UpdateOrder.ALTERNATING) {
      json.remove("updates");
    }
    if (!config.emaWarmup() || !config.usesEma()) {
      json.remove("emaWarmup"); // no average, or the constant decay of versions up to 0.8.0
    }
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(Json.GSON.toJson(json).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The latest complete checkpoint, if any. */
  public Optional<Checkpoint> latest() throws IOException {
    List<Checkpoint> all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Complete checkpoints, oldest first. */
  public List<Checkpoint> list() throws IOException {
    List<Checkpoint> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path p : entries.toList()) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches() && Files.isRegularFile(p.resolve(ITERATION_FILE))) {
          long n = Long.parseLong(m.group(1));
          String stored =
              Files.readString(p.resolve(ITERATION_FILE), StandardCharsets.UTF_8).strip();
          if (stored.equals(Long.toString(n))
              && Files.isRegularFile(p.resolve(PREFIX + ".index"))) {
            out.add(new Checkpoint(n, p));
          }
        }
      }
    }
    out.sort(Comparator.comparingLong(Checkpoint::iteration));
    return out;
  }

  /**
   * Restores the newest checkpoint that loads; a damaged newer one (truncated index or shard) is
   * reported and skipped, as TensorFlow's checkpoint manager falls back.
   *
   * @throws IOException naming every checkpoint and why it failed when none loads
   */
  Checkpoint restoreNewestGood(GanTrainer trainer, Consumer<String> say) throws IOException {
    List<Checkpoint> all = new ArrayList<>(list());
    Collections.reverse(all);
    List<String> failures = new ArrayList<>();
    for (Checkpoint c : all) {
      try {
        trainer.restore(c.prefix(), c.iteration());
        return c;
      } catch (RuntimeException e) {
        String why = Errors.describe(e).lines().findFirst().orElse("");
        failures.add(c.directory() + ": " + why);
        say.accept(
            "resume: checkpoint "
                + c.directory()
                + " is damaged ("
                + why
                + "); trying the one before it");
      }
    }
    throw new IOException(
        "expected a checkpoint that loads, found none: " + String.join("; ", failures));
  }
}
