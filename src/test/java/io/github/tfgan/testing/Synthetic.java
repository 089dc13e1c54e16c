package io.github.tfgan.testing;

import io.github.tfgan.data.IdxReader;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.model.MnistShape;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Small synthetic data sets and IDX files for tests. */
public final class Synthetic {
  private Synthetic() {}

  /**
   * {@code n} images of two kinds: a bright horizontal bar (label 0) or a bright vertical bar
   * (label 1), at a random offset, on black. Pixels in {0, 1}.
   */
  public static ImageData bars(int n, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[n * MnistShape.PIXELS];
    int[] labels = new int[n];
    for (int k = 0; k < n; k++) {
      int kind = random.nextInt(2);
      int offset = 8 + random.nextInt(12);
      labels[k] = kind;
      for (int j = 4; j < 24; j++) {
        for (int w = 0; w < 3; w++) {
          int row = kind == 0 ? offset + w : j;
          int col = kind == 0 ? j : offset + w;
          pixels[k * MnistShape.PIXELS + row * MnistShape.SIDE + col] = 1f;
        }
      }
    }
    return new ImageData(pixels, labels, "synthetic bars");
  }

  /** Writes {@code data} as gzip IDX files with MNIST's training file names into {@code dir}. */
  public static void writeIdx(ImageData data, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (DataOutputStream out = gzip(dir.resolve("train-images-idx3-ubyte.gz"))) {
      out.writeInt(IdxReader.IMAGES_MAGIC);
      out.writeInt(data.count());
      out.writeInt(28);
      out.writeInt(28);
      for (float p : data.pixels()) {
        out.writeByte(Math.round(p * 255f));
      }
    }
    try (DataOutputStream out = gzip(dir.resolve("train-labels-idx1-ubyte.gz"))) {
      out.writeInt(IdxReader.LABELS_MAGIC);
      out.writeInt(data.count());
      for (int label : data.labels()) {
        out.writeByte(label);
      }
    }
  }

  private static DataOutputStream gzip(Path file) throws IOException {
    OutputStream os = new GZIPOutputStream(Files.newOutputStream(file));
    return new DataOutputStream(os);
  }
}
