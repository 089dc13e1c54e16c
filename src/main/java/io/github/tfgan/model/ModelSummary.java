package io.github.tfgan.model;

import java.util.Locale;

/** A Keras-like text summary of a {@link NetworkSpec}: layers, output shapes, parameter counts. */
public final class ModelSummary {
  private ModelSummary() {}

  /** Renders the table for one network, ending with its total parameter count. */
  public static String of(NetworkSpec spec) {
    StringBuilder sb = new StringBuilder();
    String rule = "-".repeat(64) + "\n";
    sb.append(String.format(Locale.ROOT, "Model: %s%n", spec.name()));
    sb.append(rule);
    sb.append(
        String.format(
            Locale.ROOT, "%-30s %-18s %12s%n", "Layer (activation)", "Output shape", "Params"));
    sb.append(rule);
    sb.append(
        String.format(
            Locale.ROOT, "%-30s %-18s %,12d%n", "input", "(None, " + spec.inputDim() + ")", 0));
    for (int i = 0; i < spec.layers().size(); i++) {
      NetworkSpec.Layer layer = spec.layers().get(i);
      String name =
          "dense" + (i + 1) + " (" + layer.activation().name().toLowerCase(Locale.ROOT) + ")";
      sb.append(
          String.format(
              Locale.ROOT,
              "%-30s %-18s %,12d%n",
              name,
              "(None, " + layer.units() + ")",
              spec.parameterCount(i)));
    }
    sb.append(rule);
    sb.append(String.format(Locale.ROOT, "Total params: %,d%n", spec.parameterCount()));
    return sb.toString();
  }
}
