package io.github.tfgan.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.github.tfgan.io.Directories;
import io.github.tfgan.io.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one JSON reader and writer of the run layer's records (pretty, atomic writes). */
final class Json {
  static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private Json() {}

  /** Writes {@code value} as JSON through a temporary sibling, then renames it into place. */
  static void write(Path file, Object value) throws IOException {
    Directories.writeAtomically(file, (GSON.toJson(value) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads {@code file} as a {@code type}.
   *
   * @throws IOException naming the file if it is missing or not a valid {@code what}
   */
  static <T> T read(Path file, Class<T> type, String what) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": expected " + what + ", found no file");
    }
    try {
      T value = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
      if (value == null) {
        throw new JsonParseException("an empty file");
      }
      return value;
    } catch (RuntimeException e) {
      // Gson wraps a record constructor's own check ("seed: expected ..."): report the innermost.
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      throw new IOException(file + ": expected " + what + ", found: " + Errors.describe(cause), e);
    }
  }
}
