package io.github.tfgan.model;

import java.util.List;
import java.util.Locale;

/** A Keras-like text summary of a {@link NetworkSpec}: layers, output shapes, parameter counts. */
public final class ModelSummary {
  private ModelSummary() {}

  /**
   * Renders the table for one network, ending with its total parameter count (and, with batch norm,
   * how many of them are trainable).
   */
  public static String of(NetworkSpec spec) {
    StringBuilder sb = new StringBuilder();
    String rule = "-".repeat(68) + "\n";
    sb.append(String.format(Locale.ROOT, "Model: %s%n", spec.name()));
    sb.append(rule);
    sb.append(
        String.format(
            Locale.ROOT, "%-30s %-22s %12s%n", "Layer (activation)", "Output shape", "Params"));
    sb.append(rule);
    List<int[]> shapes = spec.shapes();
    sb.append(
        row(
            spec.conditioning() == NetworkSpec.Conditioning.INPUT
                ? "input (z, one-hot label)"
                : spec.hasClusterInput() ? "input (z, one-hot cluster)" : "input",
            shapes.get(0),
            0));
    for (int i = 0; i < spec.layers().size(); i++) {
      Layer layer = spec.layers().get(i);
      String name = layer.typeName() + (i + 1);
      if (layer.kind() != Layer.Kind.RESHAPE) {
        name += " (" + layer.activation().name().toLowerCase(Locale.ROOT) + ")";
      }
      if (layer.kind() == Layer.Kind.CONV || layer.kind() == Layer.Kind.CONV_TRANSPOSE) {
        name += " " + layer.kernel() + "x" + layer.kernel() + "/" + layer.stride();
      }
      int[] in = shapes.get(i);
      sb.append(row(name, shapes.get(i + 1), layer.parameterCount(in) + layer.stateCount(in)));
    }
    if (spec.projectedClasses() > 0) {
      int features = spec.shapes().get(spec.shapes().size() - 2)[0];
      sb.append(
          String.format(
              Locale.ROOT,
              "%-30s %-22s %,12d%n",
              "embedding (projection)",
              "(" + spec.projectedClasses() + ", " + features + ")",
              spec.embeddingCount()));
    }
    if (spec.clusters() > 0) {
      boolean g = spec.hasClusterInput();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-30s %-22s %,12d%n",
              g ? "cluster log shares" : "cluster centroids",
              g
                  ? "(" + spec.clusters() + ")"
                  : "(" + spec.clusters() + ", " + spec.inputDim() + ")",
              g ? spec.clusters() : (long) spec.clusters() * spec.inputDim()));
    }
    sb.append(rule);
    long state = spec.stateCount();
    sb.append(String.format(Locale.ROOT, "Total params: %,d%n", spec.parameterCount() + state));
    if (state > 0) {
      sb.append(String.format(Locale.ROOT, "Trainable params: %,d%n", spec.parameterCount()));
      sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d%n", state));
    }
    return sb.toString();
  }

  private static String row(String name, int[] shape, long params) {
    StringBuilder dims = new StringBuilder("(None");
    for (int d : shape) {
      dims.append(", ").append(d);
    }
    return String.format(Locale.ROOT, "%-30s %-22s %,12d%n", name, dims.append(')'), params);
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
        arch.generator().layers().stream()
            .filter(l -> l.kind() != Layer.Kind.RESHAPE)
            .reduce((a, b) -> b)
            .orElseThrow()
            .activation()
            .name()
            .toLowerCase(Locale.ROOT),
        arch.generator().parameterCount(),
        widths(arch.discriminator()),
        arch.discriminator().parameterCount(),
        arch.shape(),
        arch.scaling().describe());
  }

  /** "784-256-128-1" for a dense net; "dcgan 100-(7x7x128)-...-784" style for a conv one. */
  private static String widths(NetworkSpec spec) {
    StringBuilder sb = new StringBuilder().append(spec.inputDim());
    List<int[]> shapes = spec.shapes();
    for (int i = 0; i < spec.layers().size(); i++) {
      Layer.Kind kind = spec.layers().get(i).kind();
      if (kind == Layer.Kind.DENSE
          || kind == Layer.Kind.CONV
          || kind == Layer.Kind.CONV_TRANSPOSE) {
        int[] out = shapes.get(i + 1);
        sb.append('-')
            .append(
                out.length == 1 ? Integer.toString(out[0]) : out[0] + "x" + out[1] + "x" + out[2]);
      }
    }
    return sb.toString();
  }
}
