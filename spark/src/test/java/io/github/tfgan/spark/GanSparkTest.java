package io.github.tfgan.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import io.github.tfgan.data.ArrayDataset;
import io.github.tfgan.data.Npy;
import io.github.tfgan.export.DiscriminatorModel;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.run.RunDirectory;
import io.github.tfgan.run.TrainingRun;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both jobs on a {@code local[2]} Spark, with the models shipped in the repository and a small
 * conditional pair trained here: rows equal the library's (and so the command line's) samples,
 * whatever the partitions; scores keep ids and labels; bad input fails on the driver, naming the
 * flag, before any Spark job starts.
 */
class GanSparkTest {
  static final Path MODELS = Path.of(System.getProperty("gan.savedmodels", "../savedmodels"));
  static final Path GENERATOR = MODELS.resolve("generator");
  static final Path DISCRIMINATOR = MODELS.resolve("discriminator");

  @TempDir static Path tmp;
  static SparkSession spark;
  static final AtomicInteger JOBS = new AtomicInteger();
  static RunDirectory conditional;

  @BeforeAll
  static void start() throws Exception {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("GanSparkTest")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart jobStart) {
                JOBS.incrementAndGet();
              }
            });
    GanConfig config =
        Presets.stable().toBuilder()
            .dataset(Dataset.CUSTOM)
            .net("mlp:16,16")
            .conditional(true)
            .iterations(6)
            .batchSize(8)
            .noiseDim(8)
            .logEvery(3)
            .sampleEvery(0)
            .checkpointEvery(0)
            .build();
    Path run = tmp.resolve("conditional-run");
    TrainingRun.create(config, bars(48, 2), run).run();
    conditional = new RunDirectory(run);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** n grey 16x16 images in 3 classes: a horizontal bar, a vertical one, both. */
  static ArrayDataset bars(int n, long seed) {
    Random random = new Random(seed);
    DataShape shape = DataShape.image(16, 16, 1);
    float[] v = new float[n * shape.size()];
    int[] labels = new int[n];
    for (int k = 0; k < n; k++) {
      int kind = random.nextInt(3);
      labels[k] = kind;
      int at = 2 + random.nextInt(12);
      for (int i = 0; i < 16; i++) {
        if (kind != 1) {
          v[k * shape.size() + at * 16 + i] = 1f;
        }
        if (kind != 0) {
          v[k * shape.size() + i * 16 + at] = 1f;
        }
      }
    }
    return new ArrayDataset(
        v,
        shape,
        io.github.tfgan.data.Dataset.Encoding.PIXELS,
        labels,
        List.of("horizontal", "vertical", "cross"),
        "bars");
  }

  static long run(String... args) {
    return GanSpark.run(spark, args);
  }

  static List<Row> rows(Path parquet) {
    return spark.read().parquet(parquet.toString()).orderBy("id").collectAsList();
  }

  /** What the command line's generate writes for --count n --seed s: the library's batches. */
  static float[] cliSamples(Path model, long n, long seed, Integer label) throws Exception {
    try (GeneratorModel g = GeneratorModel.load(model)) {
      float[] all = new float[(int) n * g.sampleShape().size()];
      int[] at = {0};
      int classes = g.classes();
      g.generate(
          n,
          seed,
          1024,
          g.isConditional() ? i -> label != null ? label : (int) (i % classes) : null,
          (images, rows) -> {
            System.arraycopy(images, 0, all, at[0], images.length);
            at[0] += images.length;
          });
      return all;
    }
  }

  static float[] sample(Row r) {
    List<Float> values = r.getList(r.fieldIndex("sample"));
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  @Test
  void generatedRowsEqualTheCommandLinesSamplesWhateverThePartitions() throws Exception {
    int n = 2500;
    Path three = tmp.resolve("g3");
    Path one = tmp.resolve("g1");
    int loadsBefore = ExecutorModels.loads();
    assertEquals(
        n,
        run(
            "generate",
            "--model",
            GENERATOR.toString(),
            "--count",
            "" + n,
            "--seed",
            "7",
            "--partitions",
            "3",
            "--out",
            three.toString()));
    int loadsAfter = ExecutorModels.loads();
    assertTrue(loadsAfter - loadsBefore <= 1, "one generator per executor JVM");
    run(
        "generate",
        "--model",
        GENERATOR.toString(),
        "--count",
        "" + n,
        "--seed",
        "7",
        "--partitions",
        "1",
        "--batch",
        "100",
        "--out",
        one.toString());
    assertEquals(loadsAfter, ExecutorModels.loads(), "loaded once, reused by later jobs");

    List<Row> a = rows(three);
    List<Row> b = rows(one);
    assertEquals(n, a.size());
    float[] cli = cliSamples(GENERATOR, n, 7, null);
    int d = 784;
    for (int i = 0; i < n; i++) {
      Row r = a.get(i);
      assertEquals(i, r.getLong(0), "ids 0..n-1");
      assertTrue(r.isNullAt(1), "an unconditional generator's label is null");
      float[] s = sample(r);
      assertArrayEquals(sample(b.get(i)), s, "3 partitions and 1, batches of 1024 and 100");
      for (int j = 0; j < d; j++) {
        assertEquals(cli[i * d + j], s[j], 1e-5, "row " + i + " value " + j);
      }
    }
    StructField column = spark.read().parquet(three.toString()).schema().apply("sample");
    assertEquals(DataShape.MNIST, SampleLayout.shapeOf(column));
    assertEquals("images", column.metadata().getString(SampleLayout.KIND));
    assertEquals(7, column.metadata().getLong(SampleLayout.SEED));
    try (var files = Files.list(tmp)) {
      assertTrue(
          files.noneMatch(p -> p.getFileName().toString().contains(".tmp-")),
          "no temporary output left");
    }
  }

  @Test
  void conditionalGeneratorsGiveRowIClassIModClassesOrTheLabelAsked() throws Exception {
    Path out = tmp.resolve("cond");
    run(
        "generate",
        "--model",
        conditional.generator().toString(),
        "--count",
        "50",
        "--seed",
        "3",
        "--partitions",
        "4",
        "--out",
        out.toString());
    List<Row> rows = rows(out);
    float[] cli = cliSamples(conditional.generator(), 50, 3, null);
    int d = 256;
    for (int i = 0; i < 50; i++) {
      assertEquals(i % 3, rows.get(i).getInt(1));
      float[] s = sample(rows.get(i));
      for (int j = 0; j < d; j++) {
        assertEquals(cli[i * d + j], s[j], 1e-5);
      }
    }
    Path two = tmp.resolve("cond-2");
    run(
        "generate",
        "--model",
        conditional.generator().toString(),
        "--count",
        "10",
        "--label",
        "2",
        "--partitions",
        "2",
        "--out",
        two.toString());
    rows(two).forEach(r -> assertEquals(2, r.getInt(1)));

    Path scores = tmp.resolve("cond-scores");
    run(
        "score",
        "--model",
        conditional.discriminator().toString(),
        "--data",
        out.toString(),
        "--out",
        scores.toString());
    List<Row> scored = rows(scores);
    assertEquals(50, scored.size());
    float[] x = new float[50 * d];
    int[] labels = new int[50];
    for (int i = 0; i < 50; i++) {
      System.arraycopy(sample(rows.get(i)), 0, x, i * d, d);
      labels[i] = i % 3;
      assertEquals(i % 3, scored.get(i).getInt(1), "labels kept");
    }
    try (DiscriminatorModel m = DiscriminatorModel.load(conditional.discriminator())) {
      float[] p = m.score(x, labels).probability();
      for (int i = 0; i < 50; i++) {
        assertEquals(p[i], scored.get(i).getFloat(2), 1e-5);
      }
    }
  }

  @Test
  void scoresKeepTheInputsIdsForParquetAndNpy() throws Exception {
    Path samples = tmp.resolve("to-score");
    run(
        "generate",
        "--model",
        GENERATOR.toString(),
        "--count",
        "300",
        "--seed",
        "11",
        "--out",
        samples.toString());
    Path kept = tmp.resolve("subset");
    spark.read().parquet(samples.toString()).where("id % 3 = 1").write().parquet(kept.toString());
    Path scores = tmp.resolve("scores");
    assertEquals(
        100,
        run(
            "score",
            "--model",
            DISCRIMINATOR.toString(),
            "--data",
            kept.toString(),
            "--partitions",
            "3",
            "--out",
            scores.toString()));
    List<Row> rows = rows(scores);
    List<Row> input = rows(kept);
    float[] x = new float[100 * 784];
    for (int i = 0; i < 100; i++) {
      assertEquals(3L * i + 1, rows.get(i).getLong(0), "the input's ids");
      System.arraycopy(sample(input.get(i)), 0, x, i * 784, 784);
    }
    try (DiscriminatorModel d = DiscriminatorModel.load(DISCRIMINATOR)) {
      DiscriminatorModel.Scores s = d.score(x);
      for (int i = 0; i < 100; i++) {
        Row r = rows.get(i);
        assertNull(r.get(r.fieldIndex("label")), "the input's (null) label");
        assertEquals(s.probability()[i], r.getFloat(r.fieldIndex("probability")), 1e-5);
        assertEquals(s.logits()[i], r.getFloat(r.fieldIndex("logit")), 1e-4);
      }
      Path npy = tmp.resolve("x.npy");
      Npy.write(npy, x, new long[] {100, 28, 28, 1});
      Path npyScores = tmp.resolve("npy-scores");
      run(
          "score",
          "--model",
          DISCRIMINATOR.toString(),
          "--data",
          npy.toString(),
          "--partitions",
          "4",
          "--out",
          npyScores.toString());
      List<Row> fromNpy = rows(npyScores);
      assertEquals(100, fromNpy.size());
      for (int i = 0; i < 100; i++) {
        assertEquals(i, fromNpy.get(i).getLong(0));
        assertEquals(s.probability()[i], fromNpy.get(i).getFloat(1), 1e-5);
      }
    }
  }

  @Test
  void anImageFolderIsScoredWithItsClassesAsLabels() throws Exception {
    ArrayDataset bars = bars(12, 9);
    Path folder = tmp.resolve("folder");
    for (int i = 0; i < 12; i++) {
      Path dir = Files.createDirectories(folder.resolve(bars.classNames().get(bars.label(i))));
      BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
      float[] pixels = new float[256];
      bars.read(i, pixels, 0);
      for (int p = 0; p < 256; p++) {
        image.getRaster().setSample(p % 16, p / 16, 0, Math.round(pixels[p] * 255));
      }
      ImageIO.write(image, "png", dir.resolve(String.format("%02d.png", i)).toFile());
    }
    Path out = tmp.resolve("folder-scores");
    assertEquals(
        12,
        run(
            "score",
            "--model",
            conditional.discriminator().toString(),
            "--data",
            folder.toString(),
            "--partitions",
            "3",
            "--out",
            out.toString()));
    io.github.tfgan.data.Dataset read = io.github.tfgan.data.Datasets.open(folder);
    int[] labels = new int[12];
    for (int i = 0; i < 12; i++) {
      labels[i] = read.label(i);
    }
    List<Row> rows = rows(out);
    try (DiscriminatorModel d = DiscriminatorModel.load(conditional.discriminator())) {
      float[] p = d.score(read.toFloats(), labels).probability();
      for (int i = 0; i < 12; i++) {
        assertEquals(i, rows.get(i).getLong(0), "the folder's order");
        assertEquals(labels[i], rows.get(i).getInt(1), "the class sub-directory's index");
        assertEquals(p[i], rows.get(i).getFloat(2), 1e-5);
      }
    }
  }

  /** Asserts that {@code job} fails with a message containing each part, starting no Spark job. */
  static void refused(Executable job, String... parts) {
    int jobs = JOBS.get();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, job);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
    assertEquals(jobs, JOBS.get(), "no Spark job started: " + e.getMessage());
  }

  @Test
  void badInputFailsOnTheDriverNamingTheFlagBeforeAnyJobStarts() throws Exception {
    Path out = tmp.resolve("never");
    String missing = tmp.resolve("no-such-model").toString();
    refused(
        () -> run("generate", "--model", missing, "--count", "5", "--out", out.toString()),
        "--model " + missing,
        "expected a SavedModel directory");
    refused(
        () ->
            run(
                "generate",
                "--model",
                DISCRIMINATOR.toString(),
                "--count",
                "5",
                "--out",
                out.toString()),
        "--model",
        "expected a generator");
    refused(
        () ->
            run(
                "generate",
                "--model",
                GENERATOR.toString(),
                "--count",
                "5",
                "--label",
                "1",
                "--out",
                out.toString()),
        "--label: expected a class-conditional generator");
    refused(
        () ->
            run(
                "generate",
                "--model",
                conditional.generator().toString(),
                "--count",
                "5",
                "--label",
                "3",
                "--out",
                out.toString()),
        "--label: expected a class from 0 to 2, found 3");
    refused(
        () -> run("generate", "--model", GENERATOR.toString(), "--count", "0", "--out", "x"),
        "--count: expected a number ≥ 1, found 0");
    refused(
        () -> run("generate", "--model", GENERATOR.toString(), "--count", "5"),
        "generate: expected --out, found none");
    refused(
        () -> run("generate", "--model", GENERATOR.toString(), "--cont", "5"),
        "found the unknown flag --cont");
    refused(() -> run("train"), "expected a command, generate or score, found 'train'");
    Path existing = Files.createDirectories(tmp.resolve("existing"));
    Files.writeString(existing.resolve("keep.txt"), "mine");
    refused(
        () ->
            run(
                "generate",
                "--model",
                GENERATOR.toString(),
                "--count",
                "5",
                "--out",
                existing.toString()),
        "--out " + existing,
        "expected a path that does not exist yet (or --force to replace it), found a directory");
    assertEquals("mine", Files.readString(existing.resolve("keep.txt")));
    assertFalse(Files.exists(out));

    Path wrongShape = tmp.resolve("wrong.npy");
    Npy.write(wrongShape, new float[2 * 10], 2, 10);
    refused(
        () ->
            run(
                "score",
                "--model",
                DISCRIMINATOR.toString(),
                "--data",
                wrongShape.toString(),
                "--out",
                out.toString()),
        "--data " + wrongShape,
        "expected samples of shape 28x28x1 (the discriminator's), found 10");
    Path outOfRange = tmp.resolve("range.npy");
    float[] x = new float[2 * 784];
    x[784 + 3] = 1.5f;
    Npy.write(outOfRange, x, 2, 784);
    refused(
        () ->
            run(
                "score",
                "--model",
                DISCRIMINATOR.toString(),
                "--data",
                outOfRange.toString(),
                "--out",
                out.toString()),
        "expected pixels in [0, 1], found 1.5 at sample 1, value 3");
    refused(
        () ->
            run(
                "score",
                "--model",
                conditional.discriminator().toString(),
                "--data",
                outOfRange.toString(),
                "--out",
                out.toString()),
        "--data");
    assertFalse(Files.exists(out));
  }

  @Test
  void badParquetIsFoundBeforeScoring() throws Exception {
    Path samples = tmp.resolve("bad-parquet-src");
    run(
        "generate",
        "--model",
        GENERATOR.toString(),
        "--count",
        "20",
        "--seed",
        "1",
        "--out",
        samples.toString());
    Path bad = tmp.resolve("bad-parquet");
    spark
        .read()
        .parquet(samples.toString())
        .selectExpr(
            "id", "label", "IF(id = 13, transform(sample, v -> v * 2 + 0.5), sample) AS sample")
        .write()
        .parquet(bad.toString());
    Path out = tmp.resolve("bad-scores");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                run(
                    "score",
                    "--model",
                    DISCRIMINATOR.toString(),
                    "--data",
                    bad.toString(),
                    "--out",
                    out.toString()));
    assertTrue(e.getMessage().contains("--data " + bad), e.getMessage());
    assertTrue(
        e.getMessage().contains("found a row that has not (id 13, 784 values)"), e.getMessage());
    assertFalse(Files.exists(out));
    Set<String> names = new HashSet<>();
    try (var files = Files.list(tmp)) {
      files.forEach(p -> names.add(p.getFileName().toString()));
    }
    assertTrue(names.stream().noneMatch(n -> n.contains(".tmp-")), names.toString());
  }

  @Test
  void forceReplacesAnOldOutputOnlyWhenTheNewOneIsComplete() throws Exception {
    Path out = tmp.resolve("replaced");
    run("generate", "--model", GENERATOR.toString(), "--count", "4", "--out", out.toString());
    run(
        "generate",
        "--model",
        GENERATOR.toString(),
        "--count",
        "6",
        "--force",
        "--out",
        out.toString());
    assertEquals(6, rows(out).size());
    List<String> left = new ArrayList<>();
    try (var files = Files.list(tmp)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.contains(".old-") || n.contains(".tmp-"))
          .forEach(left::add);
    }
    assertEquals(List.of(), left);
  }

  @Test
  void executorThreadsFollowTheExecutorsCores() {
    var conf = new org.apache.spark.SparkConf();
    assertEquals(3, GanSpark.executorThreads(conf.clone().setMaster("local[3]")));
    assertEquals(1, GanSpark.executorThreads(conf.clone().setMaster("local")));
    assertEquals(
        2,
        GanSpark.executorThreads(
            conf.clone().setMaster("spark://h:7077").set("spark.executor.cores", "2")));
    assertEquals(0, GanSpark.executorThreads(conf.clone().setMaster("spark://h:7077")));
  }
}
