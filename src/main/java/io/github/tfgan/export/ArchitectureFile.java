package io.github.tfgan.export;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.github.tfgan.io.Directories;
import io.github.tfgan.io.Errors;
import io.github.tfgan.model.GanArchitecture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes a {@link GanArchitecture} as JSON: in an export's {@code
 * assets.extra/architecture.json}, and in a run's record. Models exported before 0.10 have none;
 * they are the article's networks on MNIST.
 */
public final class ArchitectureFile {
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private ArchitectureFile() {}

  /** The architecture as JSON. */
  public static String toJson(GanArchitecture arch) {
    return GSON.toJson(arch);
  }

  /** Writes {@code arch} to {@code file}, atomically, creating its directory. */
  public static void write(Path file, GanArchitecture arch) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Directories.writeAtomically(file, (toJson(arch) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads an architecture file.
   *
   * @throws IOException naming the file if it is not a valid architecture
   */
  public static GanArchitecture read(Path file) throws IOException {
    try {
      GanArchitecture arch =
          GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), GanArchitecture.class);
      if (arch == null || arch.shape() == null) {
        throw new IOException("an empty file");
      }
      return arch;
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      throw new IOException(
          file + ": expected a model architecture, found: " + Errors.describe(cause), e);
    }
  }

  /**
   * The architecture recorded in the SavedModel at {@code dir} (or the newest version under a TF
   * Serving base path), or null when the export has none (a model of 0.9 or earlier).
   */
  public static GanArchitecture readIfPresent(Path dir) throws IOException {
    Path file =
        ServingBundles.resolve(dir)
            .resolve(SavedModelExporter.ASSETS_EXTRA)
            .resolve(SavedModelExporter.ARCHITECTURE_FILE);
    return Files.isRegularFile(file) ? read(file) : null;
  }
}
