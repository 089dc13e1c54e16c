package io.github.tfgan.run;

import io.github.tfgan.io.Directories;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Publishes a finished run's two models into a TF Serving model base directory: {@code
 * base/generator/VERSION} and {@code base/discriminator/VERSION}, each copied through a temporary
 * sibling and renamed, and {@code base/manifest.json} ({@link Manifest}).
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the command line's {@code train --publish} uses it.
 */
public final class Publisher {
  private Publisher() {}

  /**
   * What {@code manifest.json} records: the command, where the models are, the run's record and
   * summary, the TF Java version and the date.
   */
  public record Manifest(
      String command,
      Map<String, String> models,
      RunRecord run,
      RunSummary result,
      @com.google.gson.annotations.SerializedName("tensorflow_java") String tensorflowJava,
      String published) {}

  /** Where each published model carries its own manifest (SavedModel's place for extra files). */
  public static final String MODEL_MANIFEST = "assets.extra/manifest.json";

  /**
   * Checks, before any work, that {@code base} can take version {@code version}.
   *
   * @throws java.nio.file.FileAlreadyExistsException if a version exists and {@code force} is false
   * @throws IOException naming {@code base} if it is not a directory
   */
  public static void checkTarget(Path base, String version, boolean force) throws IOException {
    if (java.nio.file.Files.exists(base) && !java.nio.file.Files.isDirectory(base)) {
      throw new IOException(base + ": expected a directory for the models, found a file");
    }
    Directories.checkReplaceable(base.resolve("generator").resolve(version), force);
    Directories.checkReplaceable(base.resolve("discriminator").resolve(version), force);
  }

  /**
   * Publishes the generator, the discriminator and their manifest together or not at all: both
   * models are copied into temporary siblings (each with the manifest in {@value #MODEL_MANIFEST}),
   * then renamed into place; if the second rename fails the first is undone. {@code
   * base/manifest.json} then describes the newest publication; each version keeps its own.
   *
   * @param force replace existing versions; without it an existing version is an error
   * @param command the command line that produced the run, for the manifest
   */
  public static Manifest publish(
      Path runDir, Path base, String version, boolean force, String command) throws IOException {
    RunDirectory run = new RunDirectory(runDir);
    RunRecord record = RunRecord.read(run);
    RunSummary summary = RunSummary.read(run);
    checkTarget(base, version, force);
    Manifest manifest =
        new Manifest(
            command,
            Map.of(
                "generator", "generator/" + version, "discriminator", "discriminator/" + version),
            record,
            summary,
            TrainingRun.TF_JAVA_VERSION,
            Instant.now().toString());
    Path gen = base.resolve("generator").resolve(version);
    Path disc = base.resolve("discriminator").resolve(version);
    Path genStaged = stage(run.generator(), gen, manifest);
    Path discStaged = null;
    try {
      discStaged = stage(run.discriminator(), disc, manifest);
      Directories.commit(genStaged, gen, force);
      try {
        Directories.commit(discStaged, disc, force);
      } catch (IOException | RuntimeException e) {
        Directories.deleteTree(gen); // all or nothing: no generator without its discriminator
        throw e;
      }
      Json.write(base.resolve("manifest.json"), manifest);
      return manifest;
    } finally {
      Directories.deleteTree(genStaged);
      if (discStaged != null) {
        Directories.deleteTree(discStaged);
      }
    }
  }

  /** A copy of {@code model} with {@code manifest} inside, beside {@code target}. */
  private static Path stage(Path model, Path target, Manifest manifest) throws IOException {
    Path staged = Directories.tempSibling(target);
    try {
      Directories.copyInto(model, staged);
      Json.write(staged.resolve(MODEL_MANIFEST), manifest);
      return staged;
    } catch (IOException | RuntimeException e) {
      Directories.deleteTree(staged);
      throw e;
    }
  }
}
