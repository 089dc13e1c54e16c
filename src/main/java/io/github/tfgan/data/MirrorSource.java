package io.github.tfgan.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An HTTP(S) mirror of the four original MNIST files, checked against their published MD5s. */
final class MirrorSource implements MnistSource {
  /** Canonical MNIST mirrors, tried in order. */
  public static final List<String> MNIST_MIRRORS =
      List.of(
          "https://ossci-datasets.s3.amazonaws.com/mnist/",
          "https://storage.googleapis.com/cvdf-datasets/mnist/",
          "http://yann.lecun.com/exdb/mnist/");

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  /** Opens a URL; {@link #http} is the real one, tests pass fakes. */
  @FunctionalInterface
  public interface Fetcher {
    InputStream open(URI uri) throws IOException;
  }

  private final String base;
  private final Fetcher fetcher;
  private final Map<String, String> md5;

  /**
   * @param base the mirror's URL, ending in {@code /}
   * @param fetcher opens a file's URL
   * @param md5 the files to fetch (name without {@code .gz}) and their MD5s
   */
  public MirrorSource(String base, Fetcher fetcher, Map<String, String> md5) {
    this.base = base;
    this.fetcher = fetcher;
    this.md5 = md5;
  }

  /** The canonical mirror at {@code base}, over HTTP, for MNIST's originals. */
  public static MirrorSource of(String base) {
    return new MirrorSource(base, MirrorSource::http, OriginalFiles.MNIST_MD5);
  }

  @Override
  public String name() {
    return "mirror " + base;
  }

  @Override
  public String fetchInto(Path dir) throws IOException {
    OriginalFiles.copyVerified(dir, name -> fetcher.open(URI.create(base + name + ".gz")), md5);
    return DatasetLoader.MNIST_ORIGINALS + " from " + base + " (MD5 verified)";
  }

  /** GET {@code uri}, following redirects; anything but 200 is an error. */
  static InputStream http(URI uri) throws IOException {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IOException("HTTP " + response.statusCode() + " for " + uri);
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + uri, e);
    }
  }
}
