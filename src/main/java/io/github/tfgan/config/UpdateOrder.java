package io.github.tfgan.config;

import java.util.Locale;

/** How one iteration's D step and G step relate. */
public enum UpdateOrder {
  /**
   * The article's: D's step, then G's step against D as just updated (G's loss is computed with a
   * second D pass over G(z)).
   */
  ALTERNATING,
  /**
   * Both networks step from the same point: G's gradient comes from D's pass over G(z) in D's own
   * step, before D's update (as TensorFlow's DCGAN tutorial does with one tape per network). This
   * saves one D forward pass per iteration and lets G's backward pass run beside D's, at the cost
   * of G following a D one step old.
   */
  SIMULTANEOUS;

  /** The command-line name. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a command-line name, naming the flag on error. */
  public static UpdateOrder parse(String name) {
    return Checks.byCliName("updates", values(), UpdateOrder::cliName, name);
  }
}
