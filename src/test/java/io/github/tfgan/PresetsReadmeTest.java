package io.github.tfgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The preset table of docs/presets.md says exactly how {@code stable} differs from {@code article}.
 */
class PresetsReadmeTest {
  /** Each flag the table may name, the config field it sets, and how to read it. */
  private static final Map<String, String> FIELDS =
      Map.of(
          "--r1-gamma", "r1Gamma",
          "--r1-every", "r1Every",
          "--beta2", "beta2",
          "--beta1", "beta1",
          "--learning-rate", "learningRate",
          "--g-learning-rate", "generatorLearningRate",
          "--ema-decay", "emaDecay",
          "--iterations", "iterations",
          "--real-label", "realLabel",
          "--clip-norm", "clipNorm");

  @Test
  void presetsPageTableListsEveryDifferenceWithTheValuesOfBothPresets() throws Exception {
    Map<String, String[]> rows = table(Files.readString(Path.of("docs/presets.md")));
    assertFalse(rows.isEmpty(), "docs/presets.md has a preset table");
    GanConfig article = Presets.article();
    GanConfig stable = Presets.named("stable");
    Set<String> listed = new TreeSet<>();
    for (Map.Entry<String, String[]> row : rows.entrySet()) {
      String field = FIELDS.get(row.getKey());
      assertTrue(field != null, "a known flag in the table: " + row.getKey());
      listed.add(field);
      Function<GanConfig, Object> get = reader(field);
      // Float fields compare as floats: the table's 0.9 is the float nearest 0.9.
      assertEquals(
          (float) Double.parseDouble(row.getValue()[0]),
          ((Number) get.apply(article)).floatValue(),
          row.getKey() + " for article");
      // Float fields compare as floats: the table's 0.9 is the float nearest 0.9.
      assertEquals(
          (float) Double.parseDouble(row.getValue()[1]),
          ((Number) get.apply(stable)).floatValue(),
          row.getKey() + " for stable");
    }
    Set<String> differing = new TreeSet<>();
    for (RecordComponent c : GanConfig.class.getRecordComponents()) {
      if (!reader(c.getName()).apply(article).equals(reader(c.getName()).apply(stable))) {
        differing.add(c.getName());
      }
    }
    assertEquals(differing, listed, "the table lists exactly the fields where the presets differ");
  }

  /** Rows between the page's preset markers: flag → [article value, stable value]. */
  private static Map<String, String[]> table(String page) {
    int start = page.indexOf("<!-- presets:begin -->");
    int end = page.indexOf("<!-- presets:end -->");
    assertTrue(start >= 0 && end > start, "docs/presets.md has the preset table markers");
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (String line : page.substring(start, end).split("\n")) {
      if (!line.startsWith("| `--")) {
        continue;
      }
      String[] cells = line.split("\\|");
      rows.put(
          cells[1].strip().replace("`", ""), new String[] {number(cells[2]), number(cells[3])});
    }
    return rows;
  }

  /** A table cell's number: the first word, without thousands separators or markup. */
  private static String number(String cell) {
    return cell.strip().split("\\s+")[0].replace(",", "").replace("*", "").replace("`", "");
  }

  private static Function<GanConfig, Object> reader(String field) {
    return config -> {
      try {
        return GanConfig.class.getMethod(field).invoke(config);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
