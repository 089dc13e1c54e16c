package io.github.tfgan.run;

import io.github.tfgan.config.GanConfig;
import java.util.ArrayList;
import java.util.List;

/** The run's header: its resolved configuration as a compact table. */
final class ConfigTable {
  private ConfigTable() {}

  /**
   * The resolved configuration as the run's header prints it: {@code config:}, then two settings
   * per line, each name padded to a column (the names and values of {@code config.json}).
   */
  static List<String> of(GanConfig config) {
    List<String> cells = new ArrayList<>();
    for (var e : Json.GSON.toJsonTree(config).getAsJsonObject().entrySet()) {
      String value =
          e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString();
      cells.add(String.format(java.util.Locale.ROOT, "%-22s %-14s", e.getKey(), value));
    }
    List<String> lines = new ArrayList<>();
    lines.add("config:");
    for (int i = 0; i < cells.size(); i += 2) {
      String row = "  " + cells.get(i) + (i + 1 < cells.size() ? "  " + cells.get(i + 1) : "");
      lines.add(row.stripTrailing());
    }
    return lines;
  }
}
