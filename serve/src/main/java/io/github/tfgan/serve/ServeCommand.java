package io.github.tfgan.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gan serve}: TF Serving's REST API for every model under a base directory, until SIGTERM or
 * SIGINT, which stop accepting, let the requests in flight finish and exit 0.
 */
@Command(
    name = "gan serve",
    mixinStandardHelpOptions = true,
    versionProvider = ServeCommand.Version.class,
    sortOptions = false,
    description = {
      "Serves the SavedModels under a directory with TF Serving's REST API:",
      "  POST /v1/models/NAME[/versions/N]:predict",
      "  GET  /v1/models/NAME[/versions/N][/metadata]",
      "Each subdirectory NAME with numbered versions is a model. Its newest",
      "version is served; a newer one is loaded when it appears. SIGTERM",
      "drains the requests in flight and exits 0. Docs: docs/serving.md"
    })
public final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--model-base",
      required = true,
      paramLabel = "DIR",
      description = "directory of models: DIR/NAME/1/saved_model.pb, ...")
  Path modelBase;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "port to listen on, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port = ModelServer.DEFAULT_PORT;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      description = "address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})")
  String host = ModelServer.DEFAULT_HOST;

  @Option(
      names = "--enable-batching",
      description =
          "join concurrent requests into one session run (TF Serving's --enable_batching)")
  boolean batching;

  @Option(
      names = "--max-batch-size",
      paramLabel = "ROWS",
      description = "most rows in one batched run (default: ${DEFAULT-VALUE})")
  int maxBatchSize = Batching.DEFAULT_MAX_BATCH_SIZE;

  @Option(
      names = "--batch-timeout-micros",
      paramLabel = "US",
      description = "how long a batch waits to fill (default: ${DEFAULT-VALUE})")
  long batchTimeoutMicros = Batching.DEFAULT_BATCH_TIMEOUT_MICROS;

  @Option(
      names = "--num-batch-threads",
      paramLabel = "N",
      description = "batches run at once (default: the number of processors)")
  int batchThreads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--max-body-bytes",
      paramLabel = "BYTES",
      description = "largest request body; larger ones get 413 (default: ${DEFAULT-VALUE})")
  long maxBodyBytes = ModelServer.DEFAULT_MAX_BODY_BYTES;

  @Option(
      names = "--file-system-poll-wait-seconds",
      paramLabel = "S",
      description = "how often DIR is read for new versions (default: ${DEFAULT-VALUE})")
  double pollSeconds = ModelServer.DEFAULT_POLL.toMillis() / 1000.0;

  @Option(
      names = "--drain-seconds",
      paramLabel = "S",
      description = "how long SIGTERM waits for requests in flight (default: ${DEFAULT-VALUE})")
  long drainSeconds = ModelServer.DEFAULT_DRAIN.toSeconds();

  @Override
  public Integer call() throws Exception {
    if (!(pollSeconds > 0)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--file-system-poll-wait-seconds: expected a positive number, found " + pollSeconds);
    }
    ModelServer server =
        ModelServer.builder(modelBase)
            .host(host)
            .port(port)
            .batching(
                batching
                    ? new Batching(true, maxBatchSize, batchTimeoutMicros, batchThreads)
                    : Batching.OFF)
            .maxBodyBytes(maxBodyBytes)
            .poll(Duration.ofMillis(Math.round(pollSeconds * 1000)))
            .drain(Duration.ofSeconds(drainSeconds))
            .build()
            .start();
    Signals.onTerminate(server::close);
    System.out.println(
        "gan serve: listening on http://"
            + host
            + ":"
            + server.port()
            + "/v1/models/ "
            + server.versions());
    System.out.flush();
    server.join();
    server.close();
    return 0;
  }

  /** Runs the command; exits with its code (0 after SIGTERM or SIGINT). */
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new ServeCommand());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("gan serve: " + e.getMessage());
          return 1;
        });
    System.exit(cli.execute(args));
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ServeCommand.class.getPackage().getImplementationVersion();
      return new String[] {"tf-java-gan-serve " + (v == null ? "(development)" : v)};
    }
  }
}
