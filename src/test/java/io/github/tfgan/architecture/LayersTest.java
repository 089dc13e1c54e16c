package io.github.tfgan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers point one way: a package imports only packages of a lower layer (and its own). The
 * bottom ({@code model}, {@code config}, {@code runtime}, {@code io}, {@code image}) may use each
 * other; {@code train} and {@code export} share a layer and do not import each other.
 */
class LayersTest {
  private static final Map<String, Integer> LAYER =
      Map.ofEntries(
          Map.entry("model", 0),
          Map.entry("config", 0),
          Map.entry("runtime", 0),
          Map.entry("io", 0),
          Map.entry("image", 0),
          Map.entry("data", 1),
          Map.entry("train", 2),
          Map.entry("export", 2),
          Map.entry("run", 3),
          Map.entry("eval", 4),
          Map.entry("bench", 4),
          Map.entry("cli", 5));

  private static final Path MAIN = Path.of("src/main/java/io/github/tfgan");
  private static final Pattern IMPORT = Pattern.compile("io\\.github\\.tfgan\\.(\\w+)\\.");
  private static final int MAX_LINES = 400;

  @Test
  void noImportRunsAgainstTheLayers() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = MAIN.relativize(file).getName(0).toString();
      Integer own = LAYER.get(pkg);
      if (own == null) {
        violations.add(file + ": package " + pkg + " has no layer");
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        Matcher m = IMPORT.matcher(line);
        if (line.startsWith("import ") && m.find()) {
          String target = m.group(1);
          Integer other = LAYER.get(target);
          boolean ok =
              target.equals(pkg) || (other != null && (other < own || (own == 0 && other == 0)));
          if (!ok) {
            violations.add(file + ": " + pkg + " imports " + target + " (" + line.strip() + ")");
          }
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void noMainSourceFileIsOverFourHundredLines() throws IOException {
    List<String> tooLong = new ArrayList<>();
    for (Path file : sources()) {
      int lines = Files.readAllLines(file).size();
      if (lines > MAX_LINES) {
        tooLong.add(file + ": " + lines + " lines");
      }
    }
    assertEquals(List.of(), tooLong);
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
