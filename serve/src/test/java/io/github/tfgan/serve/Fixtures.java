package io.github.tfgan.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.tfgan.cli.GanCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/** Models to serve and an HTTP client for the tests. */
final class Fixtures {
  static final Path SAVEDMODELS = Path.of(System.getProperty("gan.savedmodels", "../savedmodels"));
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private Fixtures() {}

  /** An HTTP answer. */
  record Answer(int status, String body) {
    JsonElement json() {
      return JsonParser.parseString(body);
    }

    String error() {
      return json().getAsJsonObject().get("error").getAsString();
    }
  }

  static Answer get(int port, String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  static Answer post(int port, String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  /** Copies a directory tree. */
  static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The numbers of a nested JSON list, row-major. */
  static float[] flat(JsonElement e) {
    List<Float> values = new ArrayList<>();
    flatten(e, values);
    float[] f = new float[values.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = values.get(i);
    }
    return f;
  }

  private static void flatten(JsonElement e, List<Float> values) {
    if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> flatten(x, values));
    } else {
      values.add(e.getAsFloat());
    }
  }

  /** Deletes a directory tree. */
  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * A base directory with the shipped generator, discriminator and classifier, and a conditional
   * conv generator ({@code cgenerator}: inputs z and label) trained for 4 steps on 8x8 bars.
   */
  static Path modelBase(Path dir) throws IOException {
    Path base = dir.resolve("models");
    for (String name : new String[] {"generator", "discriminator", "classifier"}) {
      copy(SAVEDMODELS.resolve(name), base.resolve(name));
    }
    int n = 40;
    byte[] pixels = new byte[n * 64];
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 4;
      for (int x = 0; x < 8; x++) {
        pixels[i * 64 + (int) (2 * labels[i]) * 8 + x] = (byte) 255;
      }
    }
    ByteBuffer l = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : labels) {
      l.putLong(v);
    }
    Path data = npy(dir.resolve("rows.npy"), "|u1", "(40, 8, 8)", pixels);
    Path labelFile = npy(dir.resolve("labels.npy"), "<i8", "(40,)", l.array());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        GanCli.run(
            new String[] {
              "train",
              "--data",
              data.toString(),
              "--labels",
              labelFile.toString(),
              "--net",
              "dcgan:4",
              "--conditional",
              "--iterations",
              "4",
              "--batch-size",
              "8",
              "--sample-every",
              "0",
              "--out",
              dir.resolve("run").toString(),
              "--export",
              dir.resolve("conditional").toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    Files.move(dir.resolve("conditional/generator"), base.resolve("cgenerator"));
    exportDtypes(base.resolve("dtypes/1"));
    return base;
  }

  /**
   * A SavedModel of four inputs of other dtypes: {@code d} double [-1, 2] (doubled), {@code l}
   * int64 [-1] (plus one), {@code b} bool [-1] (negated), {@code t} string [-1] (with "!").
   */
  static void exportDtypes(Path model) throws IOException {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var d = tf.withName("d").placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, 2)));
      var l = tf.withName("l").placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
      var b = tf.withName("b").placeholder(TBool.class, Placeholder.shape(Shape.of(-1)));
      var t = tf.withName("t").placeholder(TString.class, Placeholder.shape(Shape.of(-1)));
      Variable<TFloat64> factor = tf.withName("factor").variable(tf.constant(2.0));
      Signature sig =
          Signature.builder()
              .key("serving_default")
              .input("d", d)
              .input("l", l)
              .input("b", b)
              .input("t", t)
              .output("d2", tf.withName("d2").math.mul(d, factor))
              .output("l1", tf.withName("l1").math.add(l, tf.constant(1L)))
              .output("nb", tf.withName("nb").math.logicalNot(b))
              .output("ts", tf.withName("ts").strings.join(List.of(t, tf.constant("!"))))
              .build();
      s.initialize();
      SavedModelBundle.exporter(model.toString()).withSession(s).withSignature(sig).export();
    }
  }

  private static Path npy(Path file, String descr, String shape, byte[] data) throws IOException {
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int total = 10 + header.length() + 1;
    header = header + " ".repeat((64 - total % 64) % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length);
    b.order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
    Files.write(file, b.array());
    return file;
  }

  /** A JSON list of {@code n} floats from a formula, for z rows. */
  static String zRow(int seed) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < 100; i++) {
      s.append(i > 0 ? "," : "").append((float) Math.sin(seed * 100 + i));
    }
    return s.append(']').toString();
  }

  static float[] zValues(int seed) {
    float[] z = new float[100];
    for (int i = 0; i < 100; i++) {
      z[i] = (float) Math.sin(seed * 100 + i);
    }
    return z;
  }
}
