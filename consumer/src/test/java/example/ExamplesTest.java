package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the library examples of docs/library.md as a library user's project would. */
class ExamplesTest {
  private static final Path SAVEDMODELS = Path.of(System.getProperty("gan.savedmodels"));

  @TempDir Path dir;

  @Test
  void theLibraryBringsNoCommandLineDependencies() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
  }

  @Test
  void generateDigitsFromAServingBasePath() throws Exception {
    Path png = dir.resolve("digits.png");
    GenerateDigits.main(new String[] {SAVEDMODELS.resolve("generator").toString(), png.toString()});
    var image = ImageIO.read(png.toFile());
    assertTrue(image.getWidth() >= 4 * 28 * 2, "a 4 x 4 grid of 28-pixel digits at scale 2");
  }

  @Test
  void trainAndExportWithAListener() throws Exception {
    Path data = writeBars(dir.resolve("data"), 256);
    Path run = dir.resolve("run");
    String out = capture(() -> TrainAndExport.main(new String[] {data.toString(), run.toString(), "20"}));
    assertTrue(out.contains("Iteration 20: D loss = "), out);
    assertTrue(out.contains("20 iterations"), out);
    assertTrue(Files.isRegularFile(run.resolve("savedmodels/generator/1/saved_model.pb")));
    assertTrue(Files.isRegularFile(run.resolve("metrics.csv")));
  }

  @Test
  void trainOnACsvOfYourOwn() throws Exception {
    StringBuilder csv = new StringBuilder("height,weight\n");
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 300; i++) {
      csv.append(170 + 10 * random.nextGaussian()).append(',').append(70 + 12 * random.nextGaussian()).append('\n');
    }
    Path file = dir.resolve("people.csv");
    Files.writeString(file, csv);
    Path run = dir.resolve("own");
    String out = capture(() -> TrainOnYourData.main(new String[] {file.toString(), run.toString(), "20"}));
    assertTrue(out.contains("300 2-dimensional vectors"), out);
    var m = java.util.regex.Pattern.compile("sample shape 2: \\[(-?[\\d.]+), (-?[\\d.]+)\\]").matcher(out);
    assertTrue(m.find(), out);
    assertTrue(Double.parseDouble(m.group(1)) > 100, "in the data's units (height near 170): " + out);
  }

  @Test
  void evaluateTheShippedGenerator() throws Exception {
    String out =
        capture(() -> EvaluateGenerator.main(new String[] {SAVEDMODELS.resolve("generator/1").toString()}));
    // The shipped (stable) generator: score 8.3 and all ten classes on 10,000 samples (README).
    var m = java.util.regex.Pattern.compile("classifier score (\\d+\\.\\d+), (\\d+) of 10").matcher(out);
    assertTrue(m.find(), out);
    assertTrue(Double.parseDouble(m.group(1)) > 7.5, out);
    assertEquals(10, Integer.parseInt(m.group(2)), out);
  }

  private interface Action {
    void run() throws Exception;
  }

  private static String capture(Action action) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** MNIST-format IDX files of n images: horizontal or vertical bars, labels 0 and 1. */
  private static Path writeBars(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    try (DataOutputStream images = gz(dir.resolve("train-images-idx3-ubyte.gz"));
        DataOutputStream labels = gz(dir.resolve("train-labels-idx1-ubyte.gz"))) {
      images.writeInt(0x803);
      images.writeInt(n);
      images.writeInt(28);
      images.writeInt(28);
      labels.writeInt(0x801);
      labels.writeInt(n);
      for (int k = 0; k < n; k++) {
        int label = k % 2;
        int line = 4 + (k * 7) % 20;
        for (int r = 0; r < 28; r++) {
          for (int c = 0; c < 28; c++) {
            boolean on = label == 0 ? Math.abs(r - line) <= 1 : Math.abs(c - line) <= 1;
            images.writeByte(on ? 255 : 0);
          }
        }
        labels.writeByte(label);
      }
    }
    return dir;
  }

  private static DataOutputStream gz(Path file) throws IOException {
    return new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)));
  }
}
