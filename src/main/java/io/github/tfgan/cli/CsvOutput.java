package io.github.tfgan.cli;

import io.github.tfgan.io.Directories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes generated vectors as CSV: a header {@code x0,x1,...}, then one row per sample. */
final class CsvOutput {
  private CsvOutput() {}

  /**
   * Writes {@code values} ({@code n × width}, row-major) to {@code file}, atomically. Numbers are
   * written as Java's shortest round-tripping decimal form of each float.
   */
  static void write(Path file, float[] values, int width) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < width; j++) {
      sb.append(j == 0 ? "" : ",").append('x').append(j);
    }
    sb.append('\n');
    for (int i = 0; i < values.length; i += width) {
      for (int j = 0; j < width; j++) {
        sb.append(j == 0 ? "" : ",").append(values[i + j]);
      }
      sb.append('\n');
    }
    Directories.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
  }
}
