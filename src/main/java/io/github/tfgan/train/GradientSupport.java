package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.model.GanArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a configuration's gradient penalties can be built on an architecture's discriminator. R1
 * ({@link GanConfig#r1Gamma()}) and WGAN-GP ({@link GanConfig#gpGamma()}) penalise D's gradient
 * with respect to its input, so D's loss is differentiated through D's backward pass: every op of
 * that pass needs a gradient of its own, and in TensorFlow Java 1.1.0 some have none ({@link
 * io.github.tfgan.model.NetworkSpec#opsWithoutSecondOrderGradient}). Checked before any graph is
 * built, rather than failing inside {@code addGradients} with TensorFlow's message.
 */
public final class GradientSupport {
  private GradientSupport() {}

  /**
   * Refuses a penalty on a discriminator whose backward pass cannot be differentiated.
   *
   * @throws IllegalArgumentException naming the penalty's flag and field, the ops without a
   *     gradient, and what to do instead
   */
  public static void check(GanConfig config, GanArchitecture architecture) {
    // Not a gradient, but checked at the same points: the feeds have labels exactly when the
    // configuration is conditional, and a conditional net needs them.
    if (config.conditional() != architecture.isConditional()) {
      throw new IllegalArgumentException(
          "conditional: expected an architecture "
              + (config.conditional() ? "conditioned on the data's classes" : "without labels")
              + " (the configuration's conditional is "
              + config.conditional()
              + "), found "
              + (architecture.isConditional()
                  ? "one conditioned on " + architecture.classes() + " classes"
                  : "an unconditional one"));
    }
    List<String> ops = architecture.discriminator().opsWithoutSecondOrderGradient();
    List<String> flags = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    List<String> off = new ArrayList<>();
    if (config.r1Gamma() > 0f) {
      flags.add("--r1-gamma");
      fields.add("r1Gamma " + config.r1Gamma());
      off.add("--r1-gamma 0");
    }
    if (config.gpGamma() > 0f) {
      flags.add("--gp-gamma");
      fields.add("gpGamma " + config.gpGamma());
      off.add("--gp-gamma 0");
    }
    if (ops.isEmpty() || flags.isEmpty()) {
      return;
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "%s (%s): a gradient penalty differentiates D's backward pass, so it expected a"
                + " discriminator whose backward-pass ops all have a gradient in TensorFlow Java"
                + " 1.1.0, found %s without one; use a discriminator without batch norm and with"
                + " LeakyReLU (or linear) layers, or turn the penalty off (%s)",
            String.join(" and ", flags),
            String.join(", ", fields),
            String.join(", ", ops),
            String.join(" ", off)));
  }
}
