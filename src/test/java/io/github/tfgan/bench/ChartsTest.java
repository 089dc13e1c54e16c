package io.github.tfgan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs' charts are drawn from the committed results; a file of another kind is named. */
class ChartsTest {
  private static final Path RESULTS = Path.of("docs", "results");

  @Test
  void drawsOnePanelPerBenchFileAndTheQualityPanels(@TempDir Path dir) throws IOException {
    Charts.speed(
        List.of(
            RESULTS.resolve("bench/bench-article-0.8-fifth.json"),
            RESULTS.resolve("bench/bench-stable-0.8-fifth.json")),
        dir.resolve("speed.png"));
    Map<String, Path> evaluations = new LinkedHashMap<>();
    evaluations.put("article", RESULTS.resolve("evaluation-article.json"));
    evaluations.put("stable", RESULTS.resolve("evaluation-stable-0.9.json"));
    Charts.quality(evaluations, dir.resolve("quality.png"));
    BufferedImage speed = ImageIO.read(dir.resolve("speed.png").toFile());
    BufferedImage quality = ImageIO.read(dir.resolve("quality.png").toFile());
    assertEquals(660, speed.getWidth(), "two panels");
    assertEquals(990, quality.getWidth(), "three panels");
    assertTrue(colours(speed) > 4, "bars are drawn");
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary is left");
    }
  }

  @Test
  void aFileOfAnotherKindIsNamed(@TempDir Path dir) throws IOException {
    Path evaluation = RESULTS.resolve("evaluation-article.json");
    IOException e =
        assertThrows(
            IOException.class, () -> Charts.speed(List.of(evaluation), dir.resolve("s.png")));
    assertTrue(e.getMessage().startsWith(evaluation + ": expected a bench result"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("s.png")));
  }

  private static long colours(BufferedImage img) {
    return java.util.stream.IntStream.range(0, img.getWidth())
        .flatMap(
            x -> java.util.stream.IntStream.range(0, img.getHeight()).map(y -> img.getRGB(x, y)))
        .distinct()
        .count();
  }
}
