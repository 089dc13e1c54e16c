package io.github.tfgan.spark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The job jar's entry point: {@code spark-submit --class io.github.tfgan.spark.GanSpark
 * gan-spark.jar COMMAND FLAGS}, where COMMAND is {@code generate} or {@code score}. Bad input is
 * found on the driver, before any task runs: the driver prints {@code gan-spark COMMAND: MESSAGE}
 * and exits with status 2.
 */
public final class GanSpark {
  /** Exit status for bad input (as the command line's usage errors). */
  static final int BAD_INPUT = 2;

  static final String USAGE =
      String.join(
          "\n",
          "Usage: spark-submit --class io.github.tfgan.spark.GanSpark gan-spark.jar COMMAND ...",
          "  generate --model DIR --count N [--seed S] [--label K] [--partitions P] --out DIR",
          "           [--batch B] [--threads T] [--force]",
          "  score    --model DIR --data PATH --out DIR [--partitions P] [--batch B]",
          "           [--threads T] [--force]",
          "PATH: Parquet as generate writes it, a .npy, or an image folder. Model and local data",
          "paths must be readable at the same place by every executor.");

  private GanSpark() {}

  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println(USAGE);
      System.exit(args.length == 0 ? BAD_INPUT : 0);
    }
    SparkSession spark = SparkSession.builder().appName("gan " + args[0]).getOrCreate();
    int status;
    try {
      run(spark, args);
      status = 0;
    } catch (IllegalArgumentException e) {
      System.err.println("gan-spark " + args[0] + ": " + e.getMessage());
      status = BAD_INPUT;
    } finally {
      spark.stop();
    }
    System.exit(status);
  }

  /**
   * Runs one job on {@code spark}.
   *
   * @return the number of rows written
   * @throws IllegalArgumentException on bad input, before any task runs
   */
  static long run(SparkSession spark, String... args) {
    String command = args[0];
    List<String> flags = Arrays.asList(args).subList(1, args.length);
    SparkConf conf = spark.sparkContext().getConf();
    int partitions = spark.sparkContext().defaultParallelism();
    int threads = executorThreads(conf);
    return switch (command) {
      case "generate" ->
          GenerateJob.run(spark, GenerateJob.Options.parse(flags, partitions, threads));
      case "score" -> ScoreJob.run(spark, ScoreJob.Options.parse(flags, partitions, threads));
      default ->
          throw new IllegalArgumentException(
              "expected a command, generate or score, found '" + command + "'\n" + USAGE);
    };
  }

  private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]");

  /**
   * TensorFlow threads per executor: {@code spark.executor.cores} when set, N for a {@code
   * local[N]} master, else 0 (each executor then uses its JVM's processors).
   */
  static int executorThreads(SparkConf conf) {
    if (conf.contains("spark.executor.cores")) {
      return conf.getInt("spark.executor.cores", 1);
    }
    String master = conf.get("spark.master", "").toLowerCase(Locale.ROOT);
    if (master.equals("local")) {
      return 1;
    }
    Matcher m = LOCAL.matcher(master);
    if (m.matches()) {
      return m.group(1).equals("*")
          ? Runtime.getRuntime().availableProcessors()
          : Integer.parseInt(m.group(1));
    }
    return 0;
  }
}
