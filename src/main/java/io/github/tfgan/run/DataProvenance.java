package io.github.tfgan.run;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.DatasetLoader;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.data.OriginalFiles;
import io.github.tfgan.model.MnistShape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.TreeMap;

/** How a run identifies its data and environment when it starts. */
final class DataProvenance {
  private DataProvenance() {}

  /** The record of a new run of {@code config} on {@code data}. */
  static RunRecord record(GanConfig config, ImageData data, Path dataDir, String tfJava) {
    return new RunRecord(
        config,
        data.source(),
        data.count(),
        dataDir == null ? null : dataDir.toAbsolutePath().toString(),
        pixelsSha256(data),
        data.source().startsWith(DatasetLoader.MNIST_ORIGINALS)
            ? new TreeMap<>(OriginalFiles.MNIST_MD5)
            : null,
        tfJava,
        TrainingRun.tensorflowRuntime(),
        System.getProperty("java.version"),
        Instant.now().toString());
  }

  /** SHA-256 of the training pixels as loaded (float32 little-endian), to identify the data. */
  static String pixelsSha256(ImageData data) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer buf = ByteBuffer.allocate(MnistShape.PIXELS * 4).order(ByteOrder.LITTLE_ENDIAN);
      float[] pixels = data.pixels();
      for (int start = 0; start < pixels.length; start += MnistShape.PIXELS) {
        buf.clear();
        buf.asFloatBuffer().put(pixels, start, MnistShape.PIXELS);
        digest.update(buf.array());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
