package io.github.tfgan.spark;

import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.model.DataShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code generate}: samples of an exported generator as Parquet ({@link SampleLayout}), one row per
 * sample. Row {@code i} is a pure function of (model, seed, i): its noise is the generator's {@code
 * noise(i, 1, seed)} and its class, for a conditional generator without {@code --label}, {@code i
 * mod classes}; so the rows are the same whatever the partitions, the executors or the task
 * retries, and equal {@code gan generate --seed S}'s samples.
 */
final class GenerateJob {
  static final Set<String> VALUED =
      Set.of(
          "--model",
          "--count",
          "--seed",
          "--label",
          "--partitions",
          "--out",
          "--batch",
          "--threads");
  static final Set<String> SWITCHES = Set.of("--force");

  /** Samples generated at a time in a task, as the command line's {@code generate} does. */
  static final int DEFAULT_BATCH = 1024;

  /** The command line's default seed ({@code GanConfig.DEFAULT_SEED}). */
  static final long DEFAULT_SEED = io.github.tfgan.config.GanConfig.DEFAULT_SEED;

  /**
   * @param model the generator: a SavedModel directory or a TF Serving base path, at the same path
   *     on every executor
   * @param label every sample's class (conditional generators), or null
   * @param threads TensorFlow threads per executor; 0 for the executor's processors
   */
  record Options(
      String model,
      long count,
      long seed,
      Integer label,
      int partitions,
      String out,
      boolean force,
      int batch,
      int threads) {

    static Options parse(List<String> args, int defaultPartitions, int defaultThreads) {
      JobFlags f = new JobFlags("generate", args, VALUED, SWITCHES);
      String label = f.optional("--label");
      return new Options(
          f.required("--model"),
          f.longValue("--count", 1),
          f.longValue("--seed", Long.MIN_VALUE, DEFAULT_SEED),
          label == null ? null : (int) f.longValue("--label", 0),
          (int) Math.min(f.longValue("--partitions", 1, defaultPartitions), Integer.MAX_VALUE),
          f.required("--out"),
          f.on("--force"),
          (int) Math.min(f.longValue("--batch", 1, DEFAULT_BATCH), 1 << 20),
          (int) Math.min(f.longValue("--threads", 0, defaultThreads), 1024));
    }
  }

  private GenerateJob() {}

  /**
   * Checks the model, the label and the output on the driver, then generates and writes.
   *
   * @return the number of samples written
   * @throws IllegalArgumentException naming the flag, before any task runs, on bad input
   */
  static long run(SparkSession spark, Options o) {
    String model = ModelDirs.resolve(Path.of(o.model())).toString();
    DataShape shape;
    int classes;
    try (GeneratorModel g = Flags.on("--model", () -> GeneratorModel.load(Path.of(model)))) {
      shape = g.sampleShape();
      classes = checkLabel(g, o);
    }
    OutputDir out =
        OutputDir.check("--out", o.out(), o.force(), spark.sparkContext().hadoopConfiguration());
    StructType schema = SampleLayout.samples(shape, model, o.seed());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Integer> parts = IntStream.range(0, o.partitions()).boxed().toList();
    JavaRDD<Row> rows =
        jsc.parallelize(parts, o.partitions())
            .mapPartitions(
                new Partition(
                    model,
                    o.count(),
                    o.seed(),
                    o.label(),
                    classes,
                    o.partitions(),
                    o.batch(),
                    o.threads()));
    Dataset<Row> df = spark.createDataFrame(rows, schema);
    long started = System.nanoTime();
    out.write(tmp -> df.write().parquet(tmp));
    System.out.printf(
        java.util.Locale.ROOT,
        "generate: wrote %d samples of %s (seed %d, %d partitions) from %s to %s in %.1f s%n",
        o.count(),
        shape.describe(),
        o.seed(),
        o.partitions(),
        model,
        out.path(),
        (System.nanoTime() - started) / 1e9);
    return o.count();
  }

  /** The classes of a conditional generator (0 for an unconditional one), with --label checked. */
  private static int checkLabel(GeneratorModel g, Options o) {
    if (!g.isConditional()) {
      if (o.label() != null) {
        throw new IllegalArgumentException(
            "--label: expected a class-conditional generator (trained with --conditional), found"
                + " an unconditional one in "
                + o.model());
      }
      return 0;
    }
    int classes = g.classes();
    if (o.label() != null && classes > 0 && o.label() >= classes) {
      throw new IllegalArgumentException(
          "--label: expected a class from 0 to " + (classes - 1) + ", found " + o.label());
    }
    if (o.label() == null && classes <= 0) {
      throw new IllegalArgumentException(
          "--label: expected one for a conditional generator without its architecture file, found"
              + " none");
    }
    return classes;
  }

  /** One task: the rows of its partition, generated a batch at a time on the executor. */
  static final class Partition implements FlatMapFunction<Iterator<Integer>, Row> {
    private static final long serialVersionUID = 1L;
    private final String model;
    private final long count;
    private final long seed;
    private final Integer label;
    private final int classes;
    private final int partitions;
    private final int batch;
    private final int threads;

    Partition(
        String model,
        long count,
        long seed,
        Integer label,
        int classes,
        int partitions,
        int batch,
        int threads) {
      this.model = model;
      this.count = count;
      this.seed = seed;
      this.label = label;
      this.classes = classes;
      this.partitions = partitions;
      this.batch = batch;
      this.threads = threads;
    }

    @Override
    public Iterator<Row> call(Iterator<Integer> parts) {
      long[] range = BatchedRows.range(count, partitions, parts.next());
      GeneratorModel g = ExecutorModels.generator(model, threads);
      int d = g.sampleShape().size();
      return new BatchedRows() {
        long next = range[0];

        @Override
        List<Row> nextBatch() {
          int n = (int) Math.min(batch, range[1] - next);
          if (n <= 0) {
            return List.of();
          }
          float[] z = g.noise(next, n, seed);
          int[] labels = null;
          if (label != null || classes > 0) {
            labels = new int[n];
            for (int i = 0; i < n; i++) {
              labels[i] = label != null ? label : (int) ((next + i) % classes);
            }
          }
          float[] samples = g.generate(z, labels);
          List<Row> rows = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            rows.add(
                RowFactory.create(
                    next + i,
                    labels == null ? null : labels[i],
                    Arrays.copyOfRange(samples, i * d, (i + 1) * d)));
          }
          next += n;
          return rows;
        }
      };
    }
  }
}
