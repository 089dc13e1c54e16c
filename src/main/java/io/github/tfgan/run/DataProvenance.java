package io.github.tfgan.run;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.DatasetLoader;
import io.github.tfgan.data.OriginalFiles;
import io.github.tfgan.data.ReadOptions;
import io.github.tfgan.model.GanArchitecture;
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
  static RunRecord record(
      GanConfig config,
      GanArchitecture arch,
      Dataset data,
      Path dataDir,
      ReadOptions read,
      String tfJava) {
    return new RunRecord(
        config,
        data.source(),
        data.size(),
        dataDir == null ? null : dataDir.toAbsolutePath().toString(),
        pixelsSha256(data),
        data.source().startsWith(DatasetLoader.MNIST_ORIGINALS)
            ? new TreeMap<>(OriginalFiles.MNIST_MD5)
            : null,
        tfJava,
        TrainingRun.tensorflowRuntime(),
        System.getProperty("java.version"),
        Instant.now().toString(),
        read.labels() == null ? null : read.labels().toAbsolutePath().toString(),
        read.labelColumn(),
        read.imageSize(),
        arch);
  }

  /**
   * SHA-256 of the training samples as read (float32 little-endian, sample after sample), to
   * identify the data. For MNIST it is the digest of pixels / 255 that 0.x runs recorded.
   */
  static String pixelsSha256(Dataset data) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      int d = data.shape().size();
      float[] row = new float[d];
      ByteBuffer buf = ByteBuffer.allocate(d * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (long i = 0; i < data.size(); i++) {
        data.read(i, row, 0);
        buf.clear();
        buf.asFloatBuffer().put(row);
        digest.update(buf.array());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
