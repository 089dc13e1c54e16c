package io.github.tfgan.run;

import io.github.tfgan.export.SavedModelExporter;
import io.github.tfgan.io.Directories;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.Names;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
      String published,
      @com.google.gson.annotations.SerializedName("interfaces")
          Map<String, ModelInterface> interfaces,
      Quality quality) {}

  /**
   * One tensor of a signature as a client must build or read it.
   *
   * @param name the signature's key for it
   * @param shape its shape, -1 for the batch
   * @param distribution what to feed (for the generator's noise), or null
   * @param range the values' interval, or null when unbounded
   * @param imageShape [height, width, channels] of one row read as an image, or null
   * @param meaning what the values are
   */
  public record TensorInfo(
      String name,
      String dtype,
      List<Long> shape,
      String distribution,
      List<Float> range,
      @com.google.gson.annotations.SerializedName("image_shape") List<Integer> imageShape,
      String meaning) {}

  /**
   * A published model's interface: its signatures (the same inputs and outputs under each), the
   * method TF Serving's Predict API reads, and its tensors.
   */
  public record ModelInterface(
      List<String> signatures, String method, List<TensorInfo> inputs, List<TensorInfo> outputs) {}

  /**
   * Quality figures of the published generator, measured when it was published, or why not.
   *
   * @param classifierScore exp(E[KL(p(y|x) ‖ p(y))]) under the bundled MNIST classifier (at most
   *     10; real MNIST 9.77)
   * @param classes classes with at least 5% of the samples (real MNIST 10)
   * @param samples how many samples were scored
   * @param note how they were measured, or why nothing was
   */
  public record Quality(
      @com.google.gson.annotations.SerializedName("classifier_score") Double classifierScore,
      @com.google.gson.annotations.SerializedName("classes_at_5_percent") Integer classes,
      Integer samples,
      String note) {}

  /** The interfaces of a GAN's two published models of architecture {@code arch}. */
  public static Map<String, ModelInterface> interfaces(GanArchitecture arch) {
    int noiseDim = arch.noiseDim();
    List<String> signatures = List.of(Names.SERVING_DEFAULT, Names.SERVE);
    List<Long> shape = Arrays.stream(arch.signatureShape()).boxed().toList();
    boolean image = arch.shape().isImage();
    TensorInfo images =
        new TensorInfo(
            arch.sampleName(),
            "float32",
            shape,
            null,
            image ? List.of(0f, 1f) : null,
            image ? arch.shape().dims() : null,
            image
                ? "pixels (height, width, channels; row-major), 0 = black, 1 = full intensity:"
                    + " the training images / 255"
                : "one sample per row, in the training data's own units");
    return Map.of(
        Names.GENERATOR,
        new ModelInterface(
            signatures,
            Names.PREDICT_METHOD,
            List.of(
                new TensorInfo(
                    Names.SIG_Z,
                    "float32",
                    List.of(-1L, (long) noiseDim),
                    "standard normal N(0, 1), independent per value",
                    null,
                    null,
                    "the generator's noise; one row per image")),
            List.of(images)),
        Names.DISCRIMINATOR,
        new ModelInterface(
            signatures,
            Names.PREDICT_METHOD,
            List.of(images),
            List.of(
                new TensorInfo(
                    Names.SIG_PROBABILITY,
                    "float32",
                    List.of(-1L, 1L),
                    null,
                    List.of(0f, 1f),
                    null,
                    "D's probability that the sample is real: sigmoid(logits)"),
                new TensorInfo(
                    Names.SIG_LOGITS,
                    "float32",
                    List.of(-1L, 1L),
                    null,
                    null,
                    null,
                    "D's logit"))));
  }

  /** Where each published model carries its own manifest (SavedModel's place for extra files). */
  public static final String MODEL_MANIFEST = SavedModelExporter.ASSETS_EXTRA + "/manifest.json";

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
   * @param quality the generator's quality figures for the manifest, or null when not measured
   */
  public static Manifest publish(
      Path runDir, Path base, String version, boolean force, String command, Quality quality)
      throws IOException {
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
            Instant.now().toString(),
            interfaces(record.architecture()),
            quality != null
                ? quality
                : new Quality(null, null, null, "not measured when published"));
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
