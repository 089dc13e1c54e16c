package io.github.tfgan.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
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
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
 * RUN_DIR/checkpoints/ckpt-N/              the latest checkpoints (see {@link Checkpoints})
 * RUN_DIR/events.out.tfevents.*            TensorBoard events (see {@link TensorBoardWriter})
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
    Path existing = runDir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
      throw new IOException(
          "--out "
              + runDir
              + ": expected a writable directory path, found that "
              + existing
              + (Files.isDirectory(existing) ? " is not writable" : " is a file"));
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
    return execute(config, data, null, runDir, out);
  }

  /**
   * As {@link #execute(GanConfig, ImageData, Path, PrintStream)}, recording {@code dataDir} (the
   * directory the data came from, or null for the cache) so that {@code --resume} finds it again.
   */
  public static Map<String, Object> execute(
      GanConfig config, ImageData data, Path dataDir, Path runDir, PrintStream out)
      throws IOException {
    checkNewRunDir(runDir);
    Files.createDirectories(runDir.resolve("samples"));
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("config", config);
    record.put("data_source", data.source());
    record.put("data_images", data.count());
    if (dataDir != null) {
      record.put("data_dir", dataDir.toAbsolutePath().toString());
    }
    record.put("data_pixels_sha256", pixelsSha256(data));
    if (data.source().startsWith("MNIST originals")) {
      record.put("data_files_md5", new java.util.TreeMap<>(DatasetLoader.MNIST_MD5));
    }
    record.put("tensorflow_java", TF_JAVA_VERSION);
    record.put("tensorflow_runtime", TensorFlow.version());
    record.put("java_version", System.getProperty("java.version"));
    record.put("started", Instant.now().toString());
    writeAtomically(runDir.resolve("config.json"), GSON.toJson(record));
    writeAtomically(runDir.resolve("metrics.csv"), IterationMetrics.CSV_HEADER);
    return loop(config, data, runDir, null, out);
  }

  /**
   * Reads the configuration of the run in {@code runDir}, as {@code train --resume} uses it.
   *
   * @throws IOException naming {@code --resume} and the directory if it holds no run
   */
  public static GanConfig readConfig(Path runDir) throws IOException {
    if (!Files.isRegularFile(runDir.resolve("config.json"))) {
      throw new IOException(
          "--resume " + runDir + ": expected a run directory with config.json, found none");
    }
    try {
      return GSON.fromJson(readRecord(runDir).get("config"), GanConfig.class);
    } catch (RuntimeException e) {
      throw new IOException(
          "--resume " + runDir + ": expected a valid config.json, found: " + e.getMessage(), e);
    }
  }

  /** The run record ({@code config.json}) of the run in {@code runDir}. */
  private static JsonObject readRecord(Path runDir) throws IOException {
    return JsonParser.parseString(Files.readString(runDir.resolve("config.json")))
        .getAsJsonObject();
  }

  /** The --data directory recorded in the run's config.json, or null if it used the cache. */
  public static Path readDataDir(Path runDir) throws IOException {
    JsonObject record = readRecord(runDir);
    return record.has("data_dir") ? Path.of(record.get("data_dir").getAsString()) : null;
  }

  /** The number of training images recorded in the run's config.json, or 0 if absent. */
  public static int readDataCount(Path runDir) throws IOException {
    JsonObject record = readRecord(runDir);
    return record.has("data_images") ? record.get("data_images").getAsInt() : 0;
  }

  /**
   * Continues the run in {@code runDir} from its latest checkpoint, with the run's own config
   * (exact: the losses after resuming equal those of an uninterrupted run).
   *
   * @param data the run's training data; its SHA-256 must match the one recorded at the start
   * @throws IOException naming {@code --resume} if the directory is not a run, has no checkpoint,
   *     or the data differs
   */
  public static Map<String, Object> resume(Path runDir, ImageData data, PrintStream out)
      throws IOException {
    GanConfig config = readConfig(runDir);
    JsonObject record = readRecord(runDir);
    String expected =
        record.has("data_pixels_sha256") ? record.get("data_pixels_sha256").getAsString() : "";
    String found = pixelsSha256(data);
    if (!expected.equals(found)) {
      throw new IOException(
          "--resume "
              + runDir
              + ": the training data does not match the run's: expected pixels sha256 "
              + expected
              + ", found "
              + found
              + " ("
              + data.source()
              + ")");
    }
    Checkpoints.Checkpoint from =
        new Checkpoints(runDir, config.keepCheckpoints())
            .latest()
            .orElseThrow(
                () ->
                    new IOException(
                        "--resume "
                            + runDir
                            + ": expected a checkpoint in "
                            + runDir.resolve("checkpoints")
                            + ", found none"));
    if (Files.exists(generatorDir(runDir))) {
      throw new IOException(
          "--resume "
              + runDir
              + ": the run has already finished ("
              + generatorDir(runDir)
              + " exists)");
    }
    // metrics.csv keeps the rows up to the checkpoint; later ones are written again.
    Path csv = runDir.resolve("metrics.csv");
    List<String> rows =
        Files.exists(csv) ? Files.readAllLines(csv) : List.of(IterationMetrics.CSV_HEADER);
    StringBuilder kept = new StringBuilder(IterationMetrics.CSV_HEADER);
    int columns = IterationMetrics.CSV_HEADER.split(",").length;
    for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
      // A process killed mid-write can leave a partial last row: only whole rows count.
      String[] cells = row.split(",");
      if (cells.length == columns
          && cells[0].matches("\\d+")
          && Long.parseLong(cells[0]) <= from.iteration()) {
        kept.append('\n').append(row);
      }
    }
    writeAtomically(csv, kept.toString());
    out.println("resume: from " + from.directory() + " (iteration " + from.iteration() + ")");
    return loop(config, data, runDir, from, out);
  }

  private static Map<String, Object> loop(
      GanConfig config, ImageData data, Path runDir, Checkpoints.Checkpoint from, PrintStream out)
      throws IOException {
    out.println("config: " + GSON.toJson(config).replaceAll("\\s+", " "));
    out.println("data: " + data.count() + " images from " + data.source());
    out.println("run directory: " + runDir.toAbsolutePath());
    Files.createDirectories(runDir.resolve("samples"));
    float[] fixedZ = fixedNoise(config);
    long startNanos = System.nanoTime();
    IterationMetrics[] last = new IterationMetrics[1];
    Checkpoints checkpoints = new Checkpoints(runDir, config.keepCheckpoints());
    Progress progress = new Progress(out, config.iterations());
    try (GanTrainer trainer = new GanTrainer(config, data);
        TensorBoardWriter board = new TensorBoardWriter(runDir, GRID_SAMPLES);
        BufferedWriter csv =
            Files.newBufferedWriter(
                runDir.resolve("metrics.csv"), StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      if (from != null) {
        trainer.restore(from.prefix(), from.iteration());
      }
      long firstIteration = trainer.completedIterations();
      long firstIterationNanos = System.nanoTime();
      long[] windowStart = {firstIterationNanos, firstIteration};
      try {
        trainer.train(
            new TrainingListener() {
              @Override
              public void onIteration(GanTrainer t, IterationMetrics m) {
                last[0] = m;
                try {
                  csv.write(m.csvRow());
                  csv.newLine();
                  progress.update(m);
                  if (m.iteration() % config.logEvery() == 0) {
                    long now = System.nanoTime();
                    float perSecond =
                        (float) ((m.iteration() - windowStart[1]) / ((now - windowStart[0]) / 1e9));
                    windowStart[0] = now;
                    windowStart[1] = m.iteration();
                    progress.println(m.logLine());
                    csv.flush();
                    board.scalars(
                        m.iteration(),
                        m.dLoss(),
                        m.gLoss(),
                        m.dReal(),
                        m.dFake(),
                        m.learningRate(),
                        perSecond);
                  }
                  boolean sample =
                      config.sampleEvery() > 0 && m.iteration() % config.sampleEvery() == 0;
                  if (sample) {
                    float[] images = t.generate(fixedZ);
                    ImageGrid.writePng(
                        images,
                        GRID_SCALE,
                        runDir
                            .resolve("samples")
                            .resolve(
                                String.format(Locale.ROOT, "iteration_%06d.png", m.iteration())));
                    board.samples(m.iteration(), images);
                  }
                  if (config.checkpointEvery() > 0
                      && m.iteration() % config.checkpointEvery() == 0) {
                    csv.flush();
                    board.flush();
                    checkpoints.save(t);
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              }
            });
      } catch (DivergenceException e) {
        csv.flush();
        String good =
            checkpoints
                .latest()
                .map(c -> "last good checkpoint: " + c.directory())
                .orElse("no checkpoint yet");
        throw new DivergenceException(e.metrics(), good);
      } finally {
        progress.finish();
      }
      double trainSeconds = (System.nanoTime() - firstIterationNanos) / 1e9;
      long trained = trainer.completedIterations() - firstIteration;
      float[] finalImages = trainer.generate(fixedZ);
      ImageGrid.writePng(finalImages, GRID_SCALE, runDir.resolve("samples").resolve("final.png"));
      board.samples(trainer.completedIterations(), finalImages);
      trainer.exportGenerator(generatorDir(runDir), false);
      trainer.exportDiscriminator(discriminatorDir(runDir), false);

      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("iterations", trainer.completedIterations());
      summary.put("resumed_from", from == null ? null : from.iteration());
      summary.put("train_seconds", trainSeconds);
      summary.put("ms_per_iteration", trained == 0 ? 0.0 : trainSeconds * 1000.0 / trained);
      summary.put("wall_seconds", (System.nanoTime() - startNanos) / 1e9);
      summary.put("last", last[0]);
      summary.put("finished", Instant.now().toString());
      writeAtomically(runDir.resolve("summary.json"), GSON.toJson(summary));
      out.printf(
          Locale.ROOT,
          "done: %d iterations in %.1f s (%.2f ms/iteration); models in %s%n",
          trained,
          trainSeconds,
          trained == 0 ? 0.0 : trainSeconds * 1000.0 / trained,
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
    manifest.put("run", readRecord(runDir));
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
