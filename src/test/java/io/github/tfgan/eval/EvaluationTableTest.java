package io.github.tfgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation table: a header, each column's better direction under it, one row per set. */
class EvaluationTableTest {
  private static Evaluation.Figures figures(String name, double score) {
    double[] shares = new double[10];
    java.util.Arrays.fill(shares, 0.1);
    return new Evaluation.Figures(name, 1000, score, shares, 10, 12.5, 0.2, 215.3, 2.1);
  }

  @Test
  void theLineUnderTheHeaderGivesEachColumnsBetterDirection() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Evaluation.print(
        List.of(figures("generator", 8.5), figures("real (train)", 9.8)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("score") && lines.get(i).contains("Frechet")) {
        header = i;
        break;
      }
    }
    assertTrue(header >= 0, String.join("\n", lines));
    String directions = lines.get(header + 1);
    assertTrue(directions.contains("↑"), directions);
    assertTrue(directions.contains("↓"), directions);
    assertEquals(
        3, directions.chars().filter(c -> c == '↑').count() - 1, "score, classes, Parzen: higher");
    // The Fréchet column's arrow is under its name: lower is better.
    int frechet = lines.get(header).indexOf("Frechet");
    int down = directions.indexOf('↓');
    assertTrue(
        down >= frechet && down < frechet + "Frechet".length(),
        lines.get(header) + "\n" + directions);
    assertTrue(lines.get(header + 2).startsWith("generator"), lines.get(header + 2));
    assertTrue(lines.get(header + 3).startsWith("real (train)"), lines.get(header + 3));
  }

  @Test
  void precisionAndRecallFollowTheTableWhichStaysAsItWas() {
    double[] shares = new double[10];
    Arrays.fill(shares, 0.1);
    Evaluation.Figures without = figures("generator", 8.5);
    Evaluation.Figures with =
        new Evaluation.Figures(
            "generator", 1000, 8.5, shares, 10, 12.5, 0.2, 215.3, 2.1, 0.812, 0.774);
    String before = printed(List.of(without));
    String after = printed(List.of(with));
    assertTrue(after.startsWith(before), after);
    String added = after.substring(before.length());
    assertTrue(added.contains("precision") && added.contains("recall"), added);
    assertTrue(added.contains("k = 3"), added);
    assertTrue(added.lines().anyMatch(l -> l.matches("generator +0\\.812 +0\\.774")), added);
  }

  private static String printed(List<Evaluation.Figures> figures) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Evaluation.print(figures, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
