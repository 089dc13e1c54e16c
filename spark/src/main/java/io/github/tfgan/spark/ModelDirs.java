package io.github.tfgan.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one SavedModel directory a job uses, chosen on the driver, so that every executor loads the
 * same version even if a newer one appears while the job runs: the directory itself when it holds
 * {@code saved_model.pb}, else its highest numbered version (TF Serving's rule, as the library's
 * loaders apply it).
 */
final class ModelDirs {
  private ModelDirs() {}

  /** The model directory of {@code dir}, absolute; {@code dir} itself if it is neither. */
  static Path resolve(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.isRegularFile(abs.resolve("saved_model.pb")) || !Files.isDirectory(abs)) {
      return abs;
    }
    try (Stream<Path> entries = Files.list(abs)) {
      Optional<Path> latest =
          entries
              .filter(p -> p.getFileName().toString().matches("\\d{1,18}"))
              .filter(p -> Files.isRegularFile(p.resolve("saved_model.pb")))
              .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString())));
      return latest.orElse(abs);
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot list the directory", e);
    }
  }
}
