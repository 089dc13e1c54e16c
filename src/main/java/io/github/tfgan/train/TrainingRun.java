package io.github.tfgan.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.DatasetLoader;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.image.ImageGrid;
import io.github.tfgan.io.Directories;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.tensorflow.TensorFlow;

/**
 * One training run written to a run directory:
 *
 * <pre>
 * RUN_DIR/config.json                      resolved config, seed, data source, versions
 * RUN_DIR/metrics.csv                      one row per iteration
 * RUN_DIR/samples/iteration_NNNNNN.png     grids from one fixed noise batch
 * RUN_DIR/samples/final.png
 * RUN_DIR/savedmodels/generator/1          SavedModel (z → images)
 * RUN_DIR/savedmodels/discriminator/1      SavedModel (images → probability, logits)
 * RUN_DIR/summary.json                     wall time, ms per iteration, last metrics
 * </pre>
 */
public final class TrainingRun {
  /** Images in each sample grid. */
  public static final int GRID_SAMPLES = 64;

  /** Pixel scale of sample grids. */
  public static final int GRID_SCALE = 2;

  /** Version directory of the exported models inside a run. */
  public static final String MODEL_VERSION = "1";

  /** The TF Java release this project builds against (the pom's tensorflow.version). */
  public static final String TF_JAVA_VERSION = "1.1.0";

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private TrainingRun() {}

  /** Where the generator of the run in {@code runDir} is exported. */
  public static Path generatorDir(Path runDir) {
    return runDir.resolve("savedmodels").resolve("generator").resolve(MODEL_VERSION);
  }

  /** Where the discriminator of the run in {@code runDir} is exported. */
  public static Path discriminatorDir(Path runDir) {
    return runDir.resolve("savedmodels").resolve("discriminator").resolve(MODEL_VERSION);
  }

  /**
   * Checks that {@code runDir} can hold a new run: absent, or an empty directory.
   *
   * @throws IOException naming the flag, the path and what was found
   */
  public static void checkNewRunDir(Path runDir) throws IOException {
    if (Files.exists(runDir) && !Files.isDirectory(runDir)) {
      throw new IOException("--out " + runDir + ": expected a directory, found a file");
    }
    if (Files.isDirectory(runDir)) {
      try (Stream<Path> entries = Files.list(runDir)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(
              "--out "
                  + runDir
                  + ": expected a new or empty directory, found existing files"
                  + " (choose another --out; existing runs are never overwritten)");
        }
      }
    }
  }

  /**
   * Trains with {@code config} on {@code data}, writing everything into {@code runDir}.
   *
   * @param out receives the resolved config, the log lines and where the outputs went
   * @return the trained-and-closed run's summary values
   */
  public static Map<String, Object> execute(
      GanConfig config, ImageData data, Path runDir, PrintStream out) throws IOException {
    checkNewRunDir(runDir);
    Files.createDirectories(runDir.resolve("samples"));
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("config", config);
    record.put("data_source", data.source());
    record.put("data_images", data.count());
    record.put("data_pixels_sha256", pixelsSha256(data));
    if (data.source().startsWith("MNIST originals")) {
      record.put("data_files_md5", new java.util.TreeMap<>(DatasetLoader.MNIST_MD5));
    }
    record.put("tensorflow_java", TF_JAVA_VERSION);
    record.put("tensorflow_runtime", TensorFlow.version());
    record.put("java_version", System.getProperty("java.version"));
    record.put("started", Instant.now().toString());
    String configJson = GSON.toJson(record);
    writeAtomically(runDir.resolve("config.json"), configJson);
    out.println("config: " + GSON.toJson(config).replaceAll("\\s+", " "));
    out.println("data: " + data.count() + " images from " + data.source());
    out.println("run directory: " + runDir.toAbsolutePath());

    float[] fixedZ = fixedNoise(config);
    long startNanos = System.nanoTime();
    IterationMetrics[] last = new IterationMetrics[1];
    try (GanTrainer trainer = new GanTrainer(config, data);
        BufferedWriter csv =
            Files.newBufferedWriter(runDir.resolve("metrics.csv"), StandardCharsets.UTF_8)) {
      csv.write(IterationMetrics.CSV_HEADER);
      csv.newLine();
      long firstIterationNanos = System.nanoTime();
      trainer.train(
          new TrainingListener() {
            @Override
            public void onIteration(GanTrainer t, IterationMetrics m) {
              last[0] = m;
              try {
                csv.write(m.csvRow());
                csv.newLine();
                if (m.iteration() % config.logEvery() == 0) {
                  out.println(m.logLine());
                  csv.flush();
                }
                if (config.sampleEvery() > 0 && m.iteration() % config.sampleEvery() == 0) {
                  ImageGrid.writePng(
                      t.generate(fixedZ),
                      GRID_SCALE,
                      runDir
                          .resolve("samples")
                          .resolve(
                              String.format(Locale.ROOT, "iteration_%06d.png", m.iteration())));
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          });
      double trainSeconds = (System.nanoTime() - firstIterationNanos) / 1e9;
      ImageGrid.writePng(
          trainer.generate(fixedZ), GRID_SCALE, runDir.resolve("samples").resolve("final.png"));
      trainer.exportGenerator(generatorDir(runDir), false);
      trainer.exportDiscriminator(discriminatorDir(runDir), false);

      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("iterations", trainer.completedIterations());
      summary.put("train_seconds", trainSeconds);
      summary.put("ms_per_iteration", trainSeconds * 1000.0 / trainer.completedIterations());
      summary.put("wall_seconds", (System.nanoTime() - startNanos) / 1e9);
      summary.put("last", last[0]);
      summary.put("finished", Instant.now().toString());
      writeAtomically(runDir.resolve("summary.json"), GSON.toJson(summary));
      out.printf(
          Locale.ROOT,
          "done: %d iterations in %.1f s (%.2f ms/iteration); models in %s%n",
          trainer.completedIterations(),
          trainSeconds,
          trainSeconds * 1000.0 / trainer.completedIterations(),
          runDir.resolve("savedmodels").toAbsolutePath());
      return summary;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Publishes a finished run's two models into a TF Serving model base directory: {@code
   * base/generator/VERSION} and {@code base/discriminator/VERSION}, each copied through a temporary
   * sibling and renamed, plus {@code base/manifest.json} with the run's config, data source and
   * checksums, versions, date, results and the command that reproduces them.
   *
   * @param force replace existing versions; without it an existing version is an error
   * @param command the command line that produced the run
   */
  public static void publish(Path runDir, Path base, String version, boolean force, String command)
      throws IOException {
    Path gen = base.resolve("generator").resolve(version);
    Path disc = base.resolve("discriminator").resolve(version);
    Directories.checkReplaceable(gen, force);
    Directories.checkReplaceable(disc, force);
    Directories.copyTree(generatorDir(runDir), gen, force);
    Directories.copyTree(discriminatorDir(runDir), disc, force);
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("command", command);
    manifest.put(
        "models",
        Map.of("generator", "generator/" + version, "discriminator", "discriminator/" + version));
    manifest.put("run", JsonParser.parseString(Files.readString(runDir.resolve("config.json"))));
    manifest.put(
        "result", JsonParser.parseString(Files.readString(runDir.resolve("summary.json"))));
    manifest.put("tensorflow_java", TF_JAVA_VERSION);
    manifest.put("published", Instant.now().toString());
    writeAtomically(base.resolve("manifest.json"), GSON.toJson(manifest));
  }

  /** SHA-256 of the training pixels as loaded (float32 little-endian), to identify the data. */
  static String pixelsSha256(ImageData data) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer buf = ByteBuffer.allocate(ImageData.PIXELS * 4).order(ByteOrder.LITTLE_ENDIAN);
      float[] pixels = data.pixels();
      for (int start = 0; start < pixels.length; start += ImageData.PIXELS) {
        buf.clear();
        buf.asFloatBuffer().put(pixels, start, ImageData.PIXELS);
        digest.update(buf.array());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The fixed noise batch of the sample grids: {@value #GRID_SAMPLES} rows from the run's seed. */
  static float[] fixedNoise(GanConfig config) {
    Random random = new Random(config.seed());
    float[] z = new float[GRID_SAMPLES * config.noiseDim()];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) random.nextGaussian();
    }
    return z;
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Directories.writeAtomically(file, (text + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
