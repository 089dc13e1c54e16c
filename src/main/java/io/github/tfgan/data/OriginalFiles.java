package io.github.tfgan.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The MNIST original files: their published MD5s, and copying them with the check.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the run record ({@code run}) and the benchmark command use it.
 */
public final class OriginalFiles {
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

  private OriginalFiles() {}

  /** Opens one original file by name (without {@code .gz}). */
  @FunctionalInterface
  public interface Opener {
    InputStream open(String name) throws IOException;
  }

  /**
   * Copies each file of {@code md5} ({@code NAME.gz}) from {@code opener} into {@code dir}, hashing
   * while streaming.
   *
   * @throws IOException naming the file if its MD5 differs from the expected one
   */
  static void copyVerified(Path dir, Opener opener, Map<String, String> md5) throws IOException {
    Files.createDirectories(dir);
    for (var e : md5.entrySet()) {
      Path target = dir.resolve(e.getKey() + ".gz");
      String found;
      try (InputStream in = opener.open(e.getKey());
          OutputStream out = Files.newOutputStream(target)) {
        found = md5(in, out);
      }
      if (!found.equals(e.getValue())) {
        throw new IOException(
            e.getKey() + ".gz: MD5 mismatch: expected " + e.getValue() + ", found " + found);
      }
    }
  }

  /** Whether {@code dir} holds every file of {@code md5} with its MD5. */
  static boolean verified(Path dir, Map<String, String> md5) throws IOException {
    for (var e : md5.entrySet()) {
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

  /** MD5 of {@code in} (hex), copying it to {@code out} on the way. */
  static String md5(InputStream in, OutputStream out) throws IOException {
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
}
