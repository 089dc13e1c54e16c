package io.github.tfgan.cli;

import io.github.tfgan.io.Directories;
import io.github.tfgan.io.Errors;
import io.github.tfgan.run.RunStoppedException;
import io.github.tfgan.runtime.NativeSetup;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar target/gan.jar COMMAND}: one class per command ({@code *Command}). Exit codes: 0
 * on success, 1 on an error in the run, 2 on bad usage.
 */
@Command(
    name = "gan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Generative adversarial networks in TensorFlow Java: train a GAN, sample from it, evaluate"
          + " it and export it as SavedModels that TensorFlow, Keras and TF Serving load. With no"
          + " options, train runs the MNIST GAN of the article this project began as a port of.",
      "",
      "Run 'gan help COMMAND' or 'gan COMMAND --help' for a command's options."
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      CommandLine.HelpCommand.class,
      SummaryCommand.class,
      TrainCommand.class,
      GenerateCommand.class,
      ScoreCommand.class,
      BenchCommand.class,
      MemoryCommand.class,
      TrainClassifierCommand.class,
      EvaluateCommand.class,
      ReportCommand.class,
      ReexportCommand.class,
      ChartsCommand.class,
      MixtureCommand.class
    })
public final class GanCli implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Read in {@link #main} before TensorFlow loads; declared here for the help and the parser. */
  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Also print TensorFlow's native INFO log lines and debug messages.")
  boolean verbose;

  /** The flag that brings TensorFlow's native INFO lines back. */
  static final String VERBOSE = "--verbose";

  public static void main(String[] args) {
    boolean verbose = java.util.Arrays.asList(args).contains(VERBOSE);
    if (!verbose) {
      NativeLogFilter.install();
    }
    // Before any TensorFlow class loads its native library, which reads these settings once.
    NativeSetup.enableOneDnn();
    NativeSetup.perSessionThreadPools();
    NativeSetup.nativeLogging(verbose);
    // The library logs through SLF4J; the command line binds slf4j-simple to standard error.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "info");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
    System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the CLI in-process (tests call this) and returns the exit code: 0 on success, 1 on an
   * error in the run, 2 on bad usage.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && (args[0].equals("serve") || args[0].equals("serve-bench"))) {
      // The model server is its own module, so that this jar (the library) carries no HTTP server.
      err.println(
          "error: gan "
              + args[0]
              + ": expected to run from the model server's jar (serve/target/gan-serve.jar), found"
              + " the library's; build it (mvn -B -ntp -q install -DskipTests && mvn -B -ntp -q -f"
              + " serve/pom.xml package -DskipTests) and run bin/gan "
              + args[0]
              + " (docs/serving.md)");
      return 2;
    }
    CommandLine cli = new CommandLine(new GanCli());
    HelpLayout.install(cli);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof RunStoppedException) {
            return 130; // interrupted; the run printed where it stopped and how to resume
          }
          String message = describe(ex);
          if (ex instanceof java.nio.file.FileAlreadyExistsException
              && commandLine.getCommandSpec().findOption("--force") != null) {
            message += " (use --force to replace it)";
          }
          commandLine.getErr().println("error: " + message);
          return ex instanceof UsageError ? 2 : 1;
        });
    return cli.execute(args);
  }

  /**
   * One line for an error: its message, and for the file-system exceptions whose message is only a
   * path, what happened to it.
   */
  static String describe(Throwable ex) {
    if (ex instanceof java.nio.file.FileSystemException fs && fs.getReason() == null) {
      String what =
          ex instanceof java.nio.file.NoSuchFileException
              ? "no such file or directory"
              : ex instanceof java.nio.file.AccessDeniedException
                  ? "permission denied"
                  : ex instanceof java.nio.file.NotDirectoryException
                      ? "not a directory"
                      : ex instanceof java.nio.file.FileAlreadyExistsException
                          ? "already exists"
                          : ex.getClass().getSimpleName();
      return fs.getFile()
          + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "")
          + ": "
          + what;
    }
    return Errors.describe(ex);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** The command's standard output as the {@link PrintStream} the library logs to. */
  static PrintStream stdout(CommandLine.Model.CommandSpec spec) {
    return new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
  }

  /** Writes {@code value} as pretty-printed JSON, atomically. */
  static void writeJson(Path file, Object value) throws java.io.IOException {
    Directories.writeAtomically(
        file,
        new com.google.gson.GsonBuilder()
            .setPrettyPrinting()
            .create()
            .toJson(value)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The file kinds the CLI reads and writes, by extension. */
  enum OutputKind {
    PNG,
    NPY,
    CSV;

    static OutputKind of(Path file, String flag) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".png")) {
        return PNG;
      }
      if (name.endsWith(".npy")) {
        return NPY;
      }
      if (name.endsWith(".csv")) {
        return CSV;
      }
      throw new IllegalArgumentException(
          flag + ": expected a .png, .npy or .csv file name, found " + file);
    }
  }
}
