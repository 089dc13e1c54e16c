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

  /**
   * One line for logs: "G 100-128-256-784 sigmoid (247,440 params), D 784-256-128-1 (233,985
   * params); 28x28x1, [0, 1] as is".
   */
  public static String oneLine(GanArchitecture arch) {
    return String.format(
        Locale.ROOT,
        "G %s %s (%,d params), D %s (%,d params); samples %s, %s",
        widths(arch.generator()),
        arch.generator()
            .layers()
            .get(arch.generator().layers().size() - 1)
            .activation()
            .name()
            .toLowerCase(Locale.ROOT),
        arch.generator().parameterCount(),
        widths(arch.discriminator()),
        arch.discriminator().parameterCount(),
        arch.shape(),
        arch.scaling().describe());
  }

  private static String widths(NetworkSpec spec) {
    StringBuilder sb = new StringBuilder().append(spec.inputDim());
    spec.layers().forEach(l -> sb.append('-').append(l.units()));
    return sb.toString();
  }
}
