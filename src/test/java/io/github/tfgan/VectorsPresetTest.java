package io.github.tfgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code vectors} table of docs/presets.md says exactly how {@code vectors} differs from {@code
 * article}, with both values; rows whose two values are equal (shown for comparison with the
 * papers) must name equal values.
 */
class VectorsPresetTest {
  /** Each setting the table may name, and the config field it is. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("--net", "net"),
          Map.entry("--noise-dim", "noiseDim"),
          Map.entry("--batch-size", "batchSize"),
          Map.entry("--learning-rate", "learningRate"),
          Map.entry("--g-learning-rate", "generatorLearningRate"),
          Map.entry("--beta1", "beta1"),
          Map.entry("--beta2", "beta2"),
          Map.entry("--r1-gamma", "r1Gamma"),
          Map.entry("--r1-every", "r1Every"),
          Map.entry("--ema-decay", "emaDecay"),
          Map.entry("--iterations", "iterations"));

  @Test
  void presetsPageListsEveryDifferenceOfVectorsFromArticle() throws Exception {
    String page = Files.readString(Path.of("docs/presets.md"));
    int start = page.indexOf("<!-- vectors:begin -->");
    int end = page.indexOf("<!-- vectors:end -->");
    assertTrue(start >= 0 && end > start, "docs/presets.md has the vectors table markers");
    GanConfig article = Presets.article();
    GanConfig vectors = Presets.vectors();
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (String line : page.substring(start, end).split("\n")) {
      if (!line.startsWith("| `--")) {
        continue;
      }
      String[] cells = line.split("\\|");
      String key = cells[1].strip().replace("`", "").replaceFirst(" \\(.*", "");
      rows.put(key, new String[] {value(cells[2]), value(cells[3])});
    }
    Set<String> listed = new TreeSet<>();
    for (Map.Entry<String, String[]> row : rows.entrySet()) {
      String field = FIELDS.get(row.getKey());
      assertTrue(field != null, "a known setting in the table: " + row.getKey());
      listed.add(field);
      assertEquals(row.getValue()[0], show(get(field, article)), row.getKey() + " for article");
      assertEquals(row.getValue()[1], show(get(field, vectors)), row.getKey() + " for vectors");
    }
    Set<String> differing = new TreeSet<>();
    for (RecordComponent c : GanConfig.class.getRecordComponents()) {
      if (!get(c.getName(), article).equals(get(c.getName(), vectors))) {
        differing.add(c.getName());
      }
    }
    assertTrue(listed.containsAll(differing), "every difference is listed: " + differing);
  }

  /** A cell's value: its first word without markup, and a number without thousands separators. */
  private static String value(String cell) {
    String word = cell.strip().split("\\s+")[0].replace("`", "");
    return word.matches("[0-9][0-9,]*") ? word.replace(",", "") : word;
  }

  /** A config value as the table writes it: numbers without trailing zeros, strings as they are. */
  private static String show(Object v) {
    if (v instanceof Float f) {
      return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  private static Object get(String field, GanConfig config) {
    try {
      return GanConfig.class.getMethod(field).invoke(config);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
