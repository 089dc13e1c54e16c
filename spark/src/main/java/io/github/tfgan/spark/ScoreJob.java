package io.github.tfgan.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.github.tfgan.data.Datasets;
import io.github.tfgan.export.ArchitectureFile;
import io.github.tfgan.export.DiscriminatorModel;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code score}: D's probability and logit for every sample of the input, keeping its ids (and its
 * labels, which a conditional discriminator scores with). The input is Parquet in the layout that
 * {@code generate} writes ({@link SampleLayout}), a {@code .npy} or an image folder (ids: the row
 * or file index; labels: the folder's classes), at a path every executor reads.
 */
final class ScoreJob {
  static final Set<String> VALUED =
      Set.of("--model", "--data", "--out", "--partitions", "--batch", "--threads");
  static final Set<String> SWITCHES = Set.of("--force");

  /** Samples scored at a time in a task. */
  static final int DEFAULT_BATCH = 1024;

  record Options(
      String model,
      String data,
      String out,
      boolean force,
      int partitions,
      int batch,
      int threads) {
    static Options parse(List<String> args, int defaultPartitions, int defaultThreads) {
      JobFlags f = new JobFlags("score", args, VALUED, SWITCHES);
      return new Options(
          f.required("--model"),
          f.required("--data"),
          f.required("--out"),
          f.on("--force"),
          (int) Math.min(f.longValue("--partitions", 1, defaultPartitions), Integer.MAX_VALUE),
          (int) Math.min(f.longValue("--batch", 1, DEFAULT_BATCH), 1 << 20),
          (int) Math.min(f.longValue("--threads", 0, defaultThreads), 1024));
    }
  }

  /** What the discriminator takes, read on the driver. */
  private record Discriminator(String dir, DataShape shape, boolean conditional, int classes) {}

  private ScoreJob() {}

  /**
   * Checks the model, the input (its schema, shape, labels and values) and the output on the
   * driver, then scores and writes.
   *
   * @return the number of samples scored
   * @throws IllegalArgumentException naming the flag, before the scoring tasks run, on bad input
   */
  static long run(SparkSession spark, Options o) {
    Discriminator d = discriminator(o.model());
    OutputDir out =
        OutputDir.check("--out", o.out(), o.force(), spark.sparkContext().hadoopConfiguration());
    long started = System.nanoTime();
    Dataset<Row> scores;
    if (isLocalData(o.data())) {
      io.github.tfgan.data.Dataset data = checkLocal(o.data(), d);
      long n = data.size();
      String path = Path.of(o.data()).toAbsolutePath().normalize().toString();
      int parts = (int) Math.max(1, Math.min(o.partitions(), n));
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      JavaRDD<Row> rows =
          jsc.parallelize(IntStream.range(0, parts).boxed().toList(), parts)
              .mapPartitions(new LocalPartition(d.dir(), path, n, parts, o.batch(), o.threads()));
      scores = spark.createDataFrame(rows, SampleLayout.scores(data.hasLabels()));
    } else {
      Dataset<Row> input = checkParquet(spark, o.data(), d);
      boolean labelled = input.schema().getFieldIndex(SampleLayout.LABEL).isDefined();
      List<Column> columns = new ArrayList<>();
      columns.add(col(SampleLayout.ID).cast(DataTypes.LongType));
      if (labelled) {
        columns.add(col(SampleLayout.LABEL).cast(DataTypes.IntegerType));
      }
      columns.add(col(SampleLayout.SAMPLE).cast(DataTypes.createArrayType(DataTypes.FloatType)));
      JavaRDD<Row> rows =
          input
              .select(columns.toArray(Column[]::new))
              .javaRDD()
              .mapPartitions(new ParquetPartition(d.dir(), labelled, o.batch(), o.threads()));
      scores = spark.createDataFrame(rows, SampleLayout.scores(labelled));
    }
    Dataset<Row> result = scores;
    out.write(tmp -> result.write().parquet(tmp));
    // the row count from the Parquet footers: no second pass over the input
    long n = spark.read().parquet(out.path()).count();
    System.out.printf(
        Locale.ROOT,
        "score: wrote D's probabilities of %d samples from %s with %s to %s in %.1f s%n",
        n,
        o.data(),
        d.dir(),
        out.path(),
        (System.nanoTime() - started) / 1e9);
    return n;
  }

  private static Discriminator discriminator(String model) {
    String dir = ModelDirs.resolve(Path.of(model)).toString();
    try (DiscriminatorModel m = Flags.on("--model", () -> DiscriminatorModel.load(Path.of(dir)))) {
      int classes = 0;
      if (m.isConditional()) {
        GanArchitecture arch =
            Flags.on(
                "--model",
                () -> {
                  try {
                    return ArchitectureFile.readIfPresent(Path.of(dir));
                  } catch (IOException e) {
                    throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
                  }
                });
        classes = arch == null ? 0 : arch.classes();
      }
      return new Discriminator(dir, m.sampleShape(), m.isConditional(), classes);
    }
  }

  /** A .npy file or a local folder without Parquet files: read with the library's readers. */
  static boolean isLocalData(String data) {
    if (data.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !data.startsWith("file:")) {
      return false;
    }
    Path p = Path.of(data.startsWith("file:") ? java.net.URI.create(data).getPath() : data);
    if (p.getFileName() != null
        && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
      return true;
    }
    if (!Files.isDirectory(p)) {
      return false;
    }
    try (Stream<Path> files = Files.list(p)) {
      return files.noneMatch(
          f -> {
            String name = f.getFileName().toString();
            return name.endsWith(".parquet") || name.equals("_SUCCESS");
          });
    } catch (IOException e) {
      throw new UncheckedIOException("--data " + data + ": cannot list the directory", e);
    }
  }

  /** Opens a .npy or image folder on the driver and checks it against D, value by value. */
  private static io.github.tfgan.data.Dataset checkLocal(String data, Discriminator d) {
    io.github.tfgan.data.Dataset set =
        Flags.on(
            "--data",
            () -> {
              try {
                return Datasets.open(Path.of(data));
              } catch (IOException e) {
                throw new UncheckedIOException(data + ": " + e.getMessage(), e);
              }
            });
    DataShape shape = set.shape();
    boolean same =
        shape.equals(d.shape())
            || (!shape.isImage() && shape.size() == d.shape().size() && d.shape().isImage());
    if (!same) {
      throw new IllegalArgumentException(
          "--data "
              + data
              + ": expected samples of shape "
              + d.shape()
              + " (the discriminator's), found "
              + shape);
    }
    if (d.conditional() && !set.hasLabels()) {
      throw new IllegalArgumentException(
          "--data "
              + data
              + ": expected labels for a class-conditional discriminator (an image folder with a"
              + " sub-directory per class, or Parquet with a label column), found none");
    }
    float[] row = new float[shape.size()];
    for (long i = 0; i < set.size(); i++) {
      set.read(i, row, 0);
      for (int j = 0; j < row.length; j++) {
        if (!valid(row[j], d.shape().isImage())) {
          throw new IllegalArgumentException(
              "--data "
                  + data
                  + ": expected "
                  + (d.shape().isImage() ? "pixels in [0, 1]" : "finite values")
                  + ", found "
                  + row[j]
                  + " at sample "
                  + i
                  + ", value "
                  + j);
        }
      }
      if (d.conditional()) {
        checkClass(data, i, set.label(i), d);
      }
    }
    return set;
  }

  private static boolean valid(float v, boolean pixel) {
    return pixel ? v >= 0f && v <= 1f : Float.isFinite(v);
  }

  private static void checkClass(String data, long id, Integer label, Discriminator d) {
    if (label == null || label < 0 || (d.classes() > 0 && label >= d.classes())) {
      throw new IllegalArgumentException(
          "--data "
              + data
              + ": expected a class "
              + (d.classes() > 0 ? "from 0 to " + (d.classes() - 1) : "≥ 0")
              + " for every sample of a class-conditional discriminator, found "
              + label
              + " at id "
              + id);
    }
  }

  /**
   * Reads Parquet and checks it on the driver: the schema (id, sample, optional label), the
   * sample's shape from its metadata, then one query for the first row whose length, values or
   * label are wrong, before any scoring task runs.
   */
  private static Dataset<Row> checkParquet(SparkSession spark, String data, Discriminator d) {
    Dataset<Row> input;
    try {
      input = spark.read().parquet(data);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--data "
              + data
              + ": expected Parquet (the layout generate writes), a .npy or an image folder, found"
              + " "
              + firstLine(e.getMessage()),
          e);
    }
    StructType schema = input.schema();
    StructField id = field(schema, SampleLayout.ID);
    StructField sample = field(schema, SampleLayout.SAMPLE);
    StructField label = field(schema, SampleLayout.LABEL);
    if (id == null
        || !(id.dataType().equals(DataTypes.LongType)
            || id.dataType().equals(DataTypes.IntegerType))
        || sample == null
        || !SampleLayout.isNumberArray(sample.dataType())
        || (label != null && !label.dataType().equals(DataTypes.IntegerType))) {
      throw new IllegalArgumentException(
          "--data "
              + data
              + ": expected columns id (long), sample (array<float>) and optionally label (int),"
              + " found "
              + schema.simpleString());
    }
    DataShape shape = SampleLayout.shapeOf(sample);
    if (shape != null
        && !shape.equals(d.shape())
        && !(shape.size() == d.shape().size() && !shape.isImage())) {
      throw new IllegalArgumentException(
          "--data "
              + data
              + ": expected samples of shape "
              + d.shape()
              + " (the discriminator's), found "
              + shape
              + " in the sample column's metadata");
    }
    if (d.conditional() && label == null) {
      throw new IllegalArgumentException(
          "--data "
              + data
              + ": expected a label column for a class-conditional discriminator, found "
              + schema.simpleString());
    }
    int size = d.shape().size();
    String bad =
        d.shape().isImage()
            ? "exists(sample, v -> v IS NULL OR isnan(v) OR v < 0 OR v > 1)"
            : "exists(sample, v -> v IS NULL OR isnan(v) OR abs(v) = double('Infinity'))";
    String wrongLabel =
        d.conditional()
            ? " OR label IS NULL OR label < 0"
                + (d.classes() > 0 ? " OR label >= " + d.classes() : "")
            : "";
    List<Row> first =
        input
            .where(
                expr(
                    "id IS NULL OR sample IS NULL OR size(sample) <> "
                        + size
                        + " OR "
                        + bad
                        + wrongLabel))
            .select(
                col(SampleLayout.ID),
                expr("size(sample)").as("n"),
                label == null ? expr("CAST(NULL AS INT)").as("l") : col(SampleLayout.LABEL))
            .limit(1)
            .collectAsList();
    if (!first.isEmpty()) {
      Row r = first.get(0);
      throw new IllegalArgumentException(
          "--data "
              + data
              + ": expected every row to have an id, "
              + size
              + " "
              + (d.shape().isImage() ? "pixels in [0, 1]" : "finite values")
              + (d.conditional()
                  ? " and a class " + (d.classes() > 0 ? "from 0 to " + (d.classes() - 1) : "≥ 0")
                  : "")
              + ", found a row that has not (id "
              + r.get(0)
              + ", "
              + r.get(1)
              + " values"
              + (d.conditional() ? ", label " + r.get(2) : "")
              + ")");
    }
    return input;
  }

  private static StructField field(StructType schema, String name) {
    return schema.getFieldIndex(name).isDefined() ? schema.apply(name) : null;
  }

  private static String firstLine(String message) {
    return String.valueOf(message).lines().findFirst().orElse("").strip();
  }

  /** One task over rows of Parquet input. */
  static final class ParquetPartition implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final String model;
    private final boolean labelled;
    private final int batch;
    private final int threads;

    ParquetPartition(String model, boolean labelled, int batch, int threads) {
      this.model = model;
      this.labelled = labelled;
      this.batch = batch;
      this.threads = threads;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
      DiscriminatorModel m = ExecutorModels.discriminator(model, threads);
      int d = m.sampleShape().size();
      boolean conditional = m.isConditional();
      return new BatchedRows() {
        @Override
        List<Row> nextBatch() {
          long[] ids = new long[batch];
          int[] labels = new int[batch];
          Integer[] given = new Integer[batch];
          float[] x = new float[batch * d];
          int n = 0;
          while (n < batch && input.hasNext()) {
            Row r = input.next();
            ids[n] = r.getLong(0);
            given[n] = labelled && !r.isNullAt(1) ? r.getInt(1) : null;
            labels[n] = given[n] == null ? -1 : given[n];
            List<Float> values = r.getList(labelled ? 2 : 1);
            for (int j = 0; j < d; j++) {
              x[n * d + j] = values.get(j);
            }
            n++;
          }
          if (n == 0) {
            return List.of();
          }
          float[] xs = n == batch ? x : java.util.Arrays.copyOf(x, n * d);
          return scored(
              m,
              ids,
              conditional ? java.util.Arrays.copyOf(labels, n) : null,
              labelled ? given : null,
              xs,
              n);
        }
      };
    }
  }

  /** One task over a range of rows of a .npy or image folder that every executor reads. */
  static final class LocalPartition implements FlatMapFunction<Iterator<Integer>, Row> {
    private static final long serialVersionUID = 1L;
    private final String model;
    private final String data;
    private final long count;
    private final int partitions;
    private final int batch;
    private final int threads;

    LocalPartition(String model, String data, long count, int partitions, int batch, int threads) {
      this.model = model;
      this.data = data;
      this.count = count;
      this.partitions = partitions;
      this.batch = batch;
      this.threads = threads;
    }

    @Override
    public Iterator<Row> call(Iterator<Integer> parts) {
      long[] range = BatchedRows.range(count, partitions, parts.next());
      DiscriminatorModel m = ExecutorModels.discriminator(model, threads);
      io.github.tfgan.data.Dataset set = ExecutorModels.dataset(data);
      int d = m.sampleShape().size();
      boolean labelled = set.hasLabels();
      return new BatchedRows() {
        long next = range[0];

        @Override
        List<Row> nextBatch() {
          int n = (int) Math.min(batch, range[1] - next);
          if (n <= 0) {
            return List.of();
          }
          long[] ids = new long[n];
          int[] labels = labelled ? new int[n] : null;
          Integer[] rowLabels = labelled ? new Integer[n] : null;
          float[] x = new float[n * d];
          for (int i = 0; i < n; i++) {
            ids[i] = next + i;
            set.read(next + i, x, i * d);
            if (labelled) {
              labels[i] = set.label(next + i);
              rowLabels[i] = labels[i];
            }
          }
          next += n;
          return scored(m, ids, m.isConditional() ? labels : null, rowLabels, x, n);
        }
      };
    }
  }

  /**
   * Scores the first {@code n} rows of a batch (with {@code scoredLabels}, for a conditional D) and
   * gives its output rows: id, the row's label when {@code rowLabels} is not null (a null entry for
   * a row without one), probability and logit.
   */
  private static List<Row> scored(
      DiscriminatorModel m, long[] ids, int[] scoredLabels, Integer[] rowLabels, float[] x, int n) {
    DiscriminatorModel.Scores s = m.score(x, scoredLabels);
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(
          rowLabels != null
              ? RowFactory.create(ids[i], rowLabels[i], s.probability()[i], s.logits()[i])
              : RowFactory.create(ids[i], s.probability()[i], s.logits()[i]));
    }
    return rows;
  }
}
