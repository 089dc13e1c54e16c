package io.github.tfgan.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Your own data, any shape: {@link #open} reads a data set from a path, choosing the reader from
 * what the path is, and {@link #describe} says in one line what was read.
 *
 * <ul>
 *   <li>A directory holding {@code train-images-idx3-ubyte[.gz]} (and {@code
 *       train-labels-idx1-ubyte[.gz]} if present), or one {@code *idx3*} file (and its idx1 sibling
 *       if present): grey IDX images of any size; labels give the classes "0".."K-1".
 *   <li>A {@code .npy} file of shape {@code (N, H, W, C)} (C = 1 or 3), {@code (N, H, W)} (grey) or
 *       {@code (N, D)} (vectors), dtype {@code |u1} (pixels), {@code <f4} or {@code <f8} (floats,
 *       checked finite), C order; large files are memory-mapped. Labels from {@link
 *       ReadOptions#labels}, a {@code (N,)} {@code .npy} of integers.
 *   <li>A directory of PNG or JPEG images: one sub-directory per class (classes sorted by name), or
 *       none (no labels). Grey if every image is grey, else RGB; images of one size, unless {@link
 *       ReadOptions#imageSize} resizes them.
 *   <li>A {@code .csv} file of numbers, one sample per row, an optional header row; labels from the
 *       column {@link ReadOptions#labelColumn}.
 * </ul>
 *
 * Pixels stay bytes ({@link PixelDataset}), floats stay in their buffers ({@link FloatDataset}).
 */
public final class Datasets {
  /** The formats {@link #open} accepts, for error messages. */
  public static final String FORMATS =
      "accepted: a directory with train-images-idx3-ubyte[.gz] (IDX), an idx3 file, a .npy file"
          + " ((N,H,W,C), (N,H,W) or (N,D); uint8, float32 or float64), a directory of"
          + " .png/.jpg/.jpeg images (one sub-directory per class, or none), or a .csv file of"
          + " numbers";

  private static final NpyReader NPY = new NpyReader();

  private Datasets() {}

  /** Reads the data set at {@code path} with no options, as {@link #open(Path, ReadOptions)}. */
  public static Dataset open(Path path) throws IOException {
    return open(path, ReadOptions.NONE);
  }

  /**
   * Reads the data set at {@code path}, in the format that the path is (see the class comment).
   *
   * @param options labels and sizes the data cannot say; an option that does not apply to the
   *     format found is an error
   * @throws IOException naming the path, what was expected and what was found: a missing path, an
   *     unknown format, or bad data
   */
  public static Dataset open(Path path, ReadOptions options) throws IOException {
    return open(path, options, NPY);
  }

  /** {@link #open(Path, ReadOptions)} with the given {@code .npy} reader (tests). */
  static Dataset open(Path path, ReadOptions options, NpyReader npy) throws IOException {
    ReadOptions o = options == null ? ReadOptions.NONE : options;
    if (!Files.exists(path)) {
      throw new NoSuchFileException(
          path.toString(), null, "expected a data file or directory, found none; " + FORMATS);
    }
    if (Files.isDirectory(path)) {
      if (IdxDataReader.isIdxDirectory(path)) {
        refuse(o, path, "IDX files", true, true, true);
        return IdxDataReader.readDirectory(path);
      }
      List<Path> entries = ImageFolderReader.visible(path);
      if (entries.isEmpty()) {
        throw new IOException(
            path + ": expected images or IDX files, found an empty directory; " + FORMATS);
      }
      boolean images =
          entries.stream().anyMatch(p -> Files.isDirectory(p) || ImageFolderReader.isImageFile(p));
      if (!images) {
        throw new IOException(
            path
                + ": expected images or IDX files, found neither (e.g. "
                + entries.get(0).getFileName()
                + "); "
                + FORMATS);
      }
      refuse(o, path, "an image folder", true, true, false);
      return ImageFolderReader.read(path, o.imageSize());
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".npy")) {
      refuse(o, path, "a .npy file", false, true, true);
      return npy.read(path, o.labels());
    }
    if (name.endsWith(".csv")) {
      refuse(o, path, "a .csv file", true, false, true);
      return CsvReader.read(path, o.labelColumn());
    }
    if (IdxDataReader.isIdxFile(path)) {
      refuse(o, path, "an IDX file", true, true, true);
      return IdxDataReader.readFile(path);
    }
    int dot = name.lastIndexOf('.');
    throw new IOException(
        path
            + ": expected a known data format, found a file of unknown type"
            + (dot > 0 ? " (" + name.substring(dot) + ")" : "")
            + "; "
            + FORMATS);
  }

  /**
   * True if {@link #open} reads {@code path} as IDX files: a directory holding the training images,
   * or a file whose name says idx3 (and is neither a {@code .npy} nor a {@code .csv}).
   */
  public static boolean isIdx(Path path) {
    if (Files.isDirectory(path)) {
      return IdxDataReader.isIdxDirectory(path);
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return !lower.endsWith(".npy") && !lower.endsWith(".csv") && IdxDataReader.isIdxFile(path);
  }

  /** Fails if an option is given that the format found does not take. */
  private static void refuse(
      ReadOptions o, Path path, String format, boolean labels, boolean column, boolean size)
      throws IOException {
    String given =
        labels && o.labels() != null
            ? "a labels file (" + o.labels() + "), which labels .npy data only"
            : column && o.labelColumn() != null
                ? "a label column ('" + o.labelColumn() + "'), which names a CSV column only"
                : size && o.imageSize() != null
                    ? "an image size, which resizes the images of an image folder only"
                    : null;
    if (given != null) {
      throw new IOException(path + ": is " + format + ", but the options give " + given);
    }
  }

  /**
   * One line for logs: {@code "60000 28x28 grey images, 10 classes, from DIR"}, {@code "2000
   * 2-dimensional vectors, no labels, from x.csv"}.
   */
  public static String describe(Dataset data) {
    int k = data.classes();
    return data.size()
        + " "
        + data.shape().describe()
        + ", "
        + (!data.hasLabels() ? "no labels" : k == 1 ? "1 class" : k + " classes")
        + ", from "
        + data.source();
  }
}
