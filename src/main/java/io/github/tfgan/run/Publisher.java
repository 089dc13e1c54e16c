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

  /**
   * Checks, before any work, that {@code base} can take version {@code version}.
   *
   * @throws java.nio.file.FileAlreadyExistsException if a version exists and {@code force} is false
   */
  public static void checkTarget(Path base, String version, boolean force) throws IOException {
    Directories.checkReplaceable(base.resolve("generator").resolve(version), force);
    Directories.checkReplaceable(base.resolve("discriminator").resolve(version), force);
  }

  /**
   * @param force replace existing versions; without it an existing version is an error
   * @param command the command line that produced the run, for the manifest
   */
  public static Manifest publish(
      Path runDir, Path base, String version, boolean force, String command) throws IOException {
    RunDirectory run = new RunDirectory(runDir);
    RunRecord record = RunRecord.read(run);
    RunSummary summary = RunSummary.read(run);
    checkTarget(base, version, force);
    Directories.copyTree(run.generator(), base.resolve("generator").resolve(version), force);
    Directories.copyTree(
        run.discriminator(), base.resolve("discriminator").resolve(version), force);
    Manifest manifest =
        new Manifest(
            command,
            Map.of(
                "generator", "generator/" + version, "discriminator", "discriminator/" + version),
            record,
            summary,
            TrainingRun.TF_JAVA_VERSION,
            Instant.now().toString());
    Json.write(base.resolve("manifest.json"), manifest);
    return manifest;
  }
}
