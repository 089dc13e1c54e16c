package io.github.tfgan.serve;

import io.github.tfgan.export.HostTensor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TF Serving's REST API over the SavedModels under a base directory, on Jetty: {@code POST
 * /v1/models/NAME[/versions/N]:predict}, {@code GET /v1/models/NAME[/versions/N]} and {@code
 * .../metadata}. Build one with {@link #builder(Path)}, {@link #start()} it, {@link #close()} it:
 * close stops accepting, lets the requests in flight finish (up to the drain timeout), then closes
 * the models.
 */
public final class ModelServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);

  /** TF Serving's REST port. */
  public static final int DEFAULT_PORT = 8501;

  /** Loopback only unless asked: the server has no authentication. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The largest request body, in bytes: 64 MiB (a batch of ~4,000 MNIST images as JSON). */
  public static final long DEFAULT_MAX_BODY_BYTES = 64L << 20;

  /** How often the base directory is read for new versions (TF Serving's default is 1 s). */
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);

  /** How long close waits for requests in flight. */
  public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(30);

  private final Builder config;
  private final ModelRegistry models;
  private final Server server;
  private final ServerConnector connector;
  private boolean closed;

  private ModelServer(Builder b) {
    this.config = b;
    this.models = new ModelRegistry(b.modelBase, b.batching, b.poll);
    QueuedThreadPool pool = new QueuedThreadPool(b.threads, Math.min(b.threads, 8));
    pool.setName("serve");
    server = new Server(pool);
    connector = new ServerConnector(server);
    connector.setHost(b.host);
    connector.setPort(b.port);
    server.addConnector(connector);
    // on stop, requests in their handler finish (up to the drain time); a connection idle for
    // more than Jetty's shutdown idle timeout (1 s), even one stalled mid-body, is closed
    server.setHandler(new GracefulHandler(new RestHandler(models, b.maxBodyBytes)));
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(b.drain.toMillis());
  }

  /** A builder for the models under {@code modelBase}. */
  public static Builder builder(Path modelBase) {
    return new Builder(modelBase);
  }

  /**
   * Starts listening.
   *
   * @throws IllegalStateException if the port cannot be bound
   */
  public ModelServer start() {
    try {
      server.start();
    } catch (Exception e) {
      models.close();
      throw new IllegalStateException(
          "port: cannot listen on " + config.host + ":" + config.port + ": " + e.getMessage(), e);
    }
    LOG.info(
        "serving {} on http://{}:{}/v1/models/ (batching {})",
        models.versions(),
        config.host,
        port(),
        config.batching.enabled() ? config.batching : "off");
    return this;
  }

  /** The port listened on (the one chosen when built with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** The served version of each model, by name. */
  public Map<String, Long> versions() {
    return models.versions();
  }

  /**
   * Runs a signature of a served model in process, as a predict request does (batched if on).
   *
   * @param version null for the served version
   */
  public Map<String, HostTensor> predict(
      String model, Long version, String signature, Map<String, HostTensor> inputs)
      throws InterruptedException {
    ServedVersion v = models.acquire(model, version);
    try {
      return v.run(signature, inputs);
    } finally {
      v.release();
    }
  }

  /** Blocks until the server has stopped. */
  public void join() throws InterruptedException {
    server.join();
  }

  /**
   * Stops accepting, waits up to the drain timeout for the requests in flight, then closes every
   * model. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server: {}", e.toString());
    } finally {
      models.close();
    }
    LOG.info("stopped");
  }

  /** The server's settings; defaults are the public constants of {@link ModelServer}. */
  public static final class Builder {
    private final Path modelBase;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private Batching batching = Batching.OFF;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration poll = DEFAULT_POLL;
    private Duration drain = DEFAULT_DRAIN;
    private int threads = 64;

    private Builder(Path modelBase) {
      this.modelBase = Objects.requireNonNull(modelBase, "modelBase");
    }

    /** The address to listen on; {@value #DEFAULT_HOST} by default. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; 0 picks a free one ({@link ModelServer#port()} tells which). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: expected 0 to 65535, found " + port);
      }
      this.port = port;
      return this;
    }

    /** Batching of concurrent requests; off by default. */
    public Builder batching(Batching batching) {
      this.batching = Objects.requireNonNull(batching, "batching");
      return this;
    }

    /** The largest request body; larger ones get 413. */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes: expected >= 1, found " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** How often the base directory is read for new versions. */
    public Builder poll(Duration poll) {
      if (poll.isNegative() || poll.isZero()) {
        throw new IllegalArgumentException("poll: expected a positive duration, found " + poll);
      }
      this.poll = poll;
      return this;
    }

    /** How long close waits for requests in flight. */
    public Builder drain(Duration drain) {
      this.drain = Objects.requireNonNull(drain, "drain");
      return this;
    }

    /** The most requests handled at once (HTTP threads). */
    public Builder threads(int threads) {
      if (threads < 4) {
        throw new IllegalArgumentException("threads: expected >= 4, found " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Loads the models (not yet listening).
     *
     * @throws IllegalArgumentException naming the base directory if no model loads
     */
    public ModelServer build() {
      return new ModelServer(this);
    }
  }
}
