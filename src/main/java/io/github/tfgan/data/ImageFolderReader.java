package io.github.tfgan.data;

import io.github.tfgan.model.DataShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a directory of PNG and JPEG images as a {@link PixelDataset}: with one sub-directory per
 * class (classes sorted by name, labelled in that order), or with the images at the top level and
 * no labels. Hidden files and directories (a leading dot) are skipped, and so are files of other
 * extensions (a LICENSE.txt beside the classes), with a warning. Grey if every image is grey, else
 * RGB. Every image must have the size of the first, unless a size is given, to which each is then
 * resized (bilinear).
 */
final class ImageFolderReader {
  /** The largest chunk of pixels, in bytes (a chunk holds at least one image). */
  static final long CHUNK_BYTES = 1L << 30;

  private static final Logger LOG = LoggerFactory.getLogger(ImageFolderReader.class);

  private ImageFolderReader() {}

  /** True for a name ending in .png, .jpg or .jpeg, in any case. */
  static boolean isImageFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
  }

  /** The entries of {@code dir} that are not hidden, sorted by name. */
  static List<Path> visible(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  /**
   * Reads the image folder {@code dir}.
   *
   * @param imageSize {@code {height, width}} to resize every image to, or null
   * @throws IOException naming the directory or file, what was expected and what was found
   */
  static PixelDataset read(Path dir, int[] imageSize) throws IOException {
    List<Path> entries = visible(dir);
    List<Path> classDirs = entries.stream().filter(Files::isDirectory).toList();
    List<Path> files = new ArrayList<>();
    List<Integer> classOf = new ArrayList<>();
    List<String> classNames = new ArrayList<>();
    List<Path> top = images(dir, entries);
    if (classDirs.isEmpty()) {
      if (top.isEmpty()) {
        throw new IOException(dir + ": expected PNG or JPEG images, found none");
      }
      files.addAll(top);
    } else {
      if (!top.isEmpty()) {
        throw new IOException(
            top.get(0)
                + ": expected only class sub-directories in "
                + dir
                + " (it has "
                + classDirs.size()
                + "), found an image beside them; move it into its class's directory");
      }
      for (Path classDir : classDirs) {
        List<Path> inside = visible(classDir);
        for (Path p : inside) {
          if (Files.isDirectory(p)) {
            throw new IOException(
                classDir + ": expected the images of one class, found a sub-directory " + p);
          }
        }
        List<Path> images = images(classDir, inside);
        if (images.isEmpty()) {
          throw new IOException(
              classDir + ": expected PNG or JPEG images of this class, found none");
        }
        for (Path image : images) {
          files.add(image);
          classOf.add(classNames.size());
        }
        classNames.add(classDir.getFileName().toString());
      }
    }
    return decodeAll(dir, files, classOf, classNames, imageSize);
  }

  /** The image files among {@code entries} of {@code dir}; warns of the other files. */
  private static List<Path> images(Path dir, List<Path> entries) {
    List<Path> others =
        entries.stream().filter(p -> Files.isRegularFile(p) && !isImageFile(p)).toList();
    if (!others.isEmpty()) {
      LOG.warn(
          "data: {}: skipping {} file(s) that are not .png, .jpg or .jpeg, e.g. {}",
          dir,
          others.size(),
          others.get(0).getFileName());
    }
    return entries.stream().filter(p -> Files.isRegularFile(p) && isImageFile(p)).toList();
  }

  private static PixelDataset decodeAll(
      Path dir, List<Path> files, List<Integer> classOf, List<String> classNames, int[] imageSize)
      throws IOException {
    boolean grey = true;
    ImageDecoder.Probe first = null;
    for (Path file : files) {
      ImageDecoder.Probe probe = ImageDecoder.probe(file);
      if (first == null) {
        first = probe;
      } else if (imageSize == null
          && (probe.height() != first.height() || probe.width() != first.width())) {
        throw new IOException(
            file
                + ": image size: expected "
                + first.height()
                + "x"
                + first.width()
                + " (height x width, as "
                + files.get(0).getFileName()
                + "), found "
                + probe.height()
                + "x"
                + probe.width()
                + "; give an image size to resize every image");
      }
      grey &= probe.grey();
    }
    int h = imageSize == null ? first.height() : imageSize[0];
    int w = imageSize == null ? first.width() : imageSize[1];
    int c = grey ? 1 : 3;
    DataShape shape;
    try {
      shape = DataShape.image(h, w, c);
    } catch (IllegalArgumentException e) {
      throw new IOException(dir + ": " + e.getMessage(), e);
    }
    int d = shape.size();
    long perChunk = Math.max(1, CHUNK_BYTES / d);
    List<byte[]> chunks = new ArrayList<>();
    byte[] chunk = null;
    int inChunk = 0;
    int[] size = new int[2];
    for (int i = 0; i < files.size(); i++) {
      if (chunk == null || inChunk * (long) d == chunk.length) {
        chunk = new byte[Math.toIntExact(Math.min(perChunk, files.size() - i) * d)];
        chunks.add(chunk);
        inChunk = 0;
      }
      byte[] pixels = ImageDecoder.decode(files.get(i), c, size);
      if (imageSize == null && (size[0] != h || size[1] != w)) {
        throw new IOException(
            files.get(i)
                + ": image size: expected "
                + h
                + "x"
                + w
                + ", found decoded "
                + size[0]
                + "x"
                + size[1]);
      }
      byte[] sized = ImageDecoder.resize(pixels, size[0], size[1], c, h, w);
      System.arraycopy(sized, 0, chunk, inChunk * d, d);
      inChunk++;
    }
    int[] labels = null;
    if (!classNames.isEmpty()) {
      labels = classOf.stream().mapToInt(Integer::intValue).toArray();
    }
    return PixelDataset.ofArrays(shape, chunks, labels, classNames, dir.toString());
  }
}
