package io.github.tfgan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A preset's full run is compared with its measured spread; any other run is not. */
class ExpectedFiguresTest {
  private static Evaluation.Figures generator(double score, int classes, double fd, double ll) {
    return new Evaluation.Figures(
        "generator", 10_000, score, new double[10], classes, fd, 0.25, ll, 1);
  }

  @Test
  void aPresetsFullRunWithAnySeedHasExpectedFigures() {
    assertEquals(
        ExpectedFigures.ARTICLE,
        ExpectedFigures.of(Presets.article().toBuilder().seed(7).sampleEvery(0).build()).get());
    assertEquals(ExpectedFigures.STABLE, ExpectedFigures.of(Presets.stable()).get());
    assertTrue(ExpectedFigures.of(Presets.stable().toBuilder().iterations(500).build()).isEmpty());
    assertTrue(
        ExpectedFigures.of(Presets.article().toBuilder().learningRate(1e-3f).build()).isEmpty());
  }

  @Test
  void theVerdictNamesEachFigureOutsideItsRange() {
    List<String> inside = ExpectedFigures.ARTICLE.compare(generator(3.02, 5, 252.0, -60.5));
    assertEquals(5, inside.size());
    assertTrue(inside.get(4).startsWith("verdict: as expected"), inside.get(4));
    List<String> outside = ExpectedFigures.STABLE.compare(generator(1.0, 1, 250, -600));
    String verdict = outside.get(outside.size() - 1);
    assertTrue(verdict.startsWith("verdict: outside the expected range"), verdict);
    assertTrue(verdict.contains("classifier score 1.00 (expected 8.90 to 9.10)"), verdict);
    assertTrue(verdict.contains("classes >= 5% 1 (expected 10 to 10)"), verdict);
    assertTrue(outside.get(0).endsWith("OUTSIDE"), outside.get(0));
  }
}
