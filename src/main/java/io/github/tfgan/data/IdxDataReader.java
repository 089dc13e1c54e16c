package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads IDX images of any size (grey) as a {@link PixelDataset}: a directory holding {@code
 * train-images-idx3-ubyte[.gz]} (and {@code train-labels-idx1-ubyte[.gz]} if present), or one idx3
 * file (and its idx1 sibling if present). Labels give the classes "0".."K-1", K = largest + 1.
 */
final class IdxDataReader {
  private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";

  private IdxDataReader() {}

  /** True if {@code dir} holds the training images of an IDX set. */
  static boolean isIdxDirectory(Path dir) {
    return !candidates(dir, TRAIN_IMAGES).isEmpty();
  }

  /** True if {@code file}'s name says it is an idx3 file ({@code *idx3*}). */
  static boolean isIdxFile(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).contains("idx3");
  }

  /** Reads the training set of the IDX directory {@code dir}. */
  static PixelDataset readDirectory(Path dir) throws IOException {
    Path images = single(dir, TRAIN_IMAGES);
    List<Path> labels = candidates(dir, TRAIN_LABELS);
    return read(images, labels.isEmpty() ? null : single(dir, TRAIN_LABELS), dir.toString());
  }

  /** Reads one idx3 file, with the labels of its idx1 sibling if there is one. */
  static PixelDataset readFile(Path file) throws IOException {
    String name = file.getFileName().toString();
    Path labels = null;
    if (name.contains("images")) {
      String stem = name.replace("images", "labels").replace("idx3", "idx1");
      String plain = stem.endsWith(".gz") ? stem.substring(0, stem.length() - 3) : stem;
      for (String candidate : List.of(plain + ".gz", plain)) {
        Path p = file.resolveSibling(candidate);
        if (Files.isRegularFile(p)) {
          labels = p;
          break;
        }
      }
    }
    return read(file, labels, file.toString());
  }

  private static PixelDataset read(Path imagesFile, Path labelsFile, String source)
      throws IOException {
    IdxReader.Images images = IdxReader.readImages(imagesFile);
    DataShape shape = DataShape.image(images.rows(), images.cols(), 1);
    int[] labels = null;
    List<String> names = List.of();
    if (labelsFile != null) {
      byte[] bytes = IdxReader.readLabels(labelsFile);
      if (bytes.length != images.count()) {
        throw new IOException(
            labelsFile
                + ": expected "
                + images.count()
                + " labels (one per image of "
                + imagesFile.getFileName()
                + "), found "
                + bytes.length);
      }
      labels = new int[bytes.length];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = bytes[i] & 0xff;
      }
      names = Labels.numberedFor(labels, labelsFile.toString());
    }
    return PixelDataset.ofArrays(shape, List.of(images.pixels()), labels, names, source);
  }

  /** The files of {@code dir} that hold {@code name}: raw, gzip, or with ".idx" for "-idx". */
  private static List<Path> candidates(Path dir, String name) {
    List<Path> found = new ArrayList<>();
    for (String candidate : List.of(name + ".gz", name, name.replace("-idx", ".idx"))) {
      Path p = dir.resolve(candidate);
      if (Files.isRegularFile(p) && !found.contains(p)) {
        found.add(p);
      }
    }
    return found;
  }

  /**
   * The one file of {@code dir} that holds {@code name} (raw, gzip, or with ".idx").
   *
   * @throws IOException naming the directory when there is none, or more than one
   */
  static Path single(Path dir, String name) throws IOException {
    List<Path> found = candidates(dir, name);
    if (found.isEmpty()) {
      throw new IOException(
          dir + ": expected " + name + " or " + name + ".gz in it, found neither");
    }
    if (found.size() != 1) {
      throw new IOException(
          dir
              + ": expected one file of "
              + name
              + ", found "
              + found.size()
              + " ("
              + String.join(", ", found.stream().map(p -> p.getFileName().toString()).toList())
              + "); remove all but one");
    }
    return found.get(0);
  }
}
