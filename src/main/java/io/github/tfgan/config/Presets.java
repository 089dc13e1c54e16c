package io.github.tfgan.config;

import java.util.Locale;

/**
 * Named starting configurations for {@code train --preset}. Only {@code article} exists so far: no
 * training-side change tried yet trains the article's network to digits of every class (see {@code
 * docs/experiments.md}), and a preset is added only with that evidence.
 */
public final class Presets {
  private Presets() {}

  /** The article's settings, exactly: the faithful reproduction (the default). */
  public static GanConfig article() {
    return GanConfig.article();
  }

  /** The preset called {@code name}. */
  public static GanConfig named(String name) {
    if (name.toLowerCase(Locale.ROOT).equals("article")) {
      return article();
    }
    throw new IllegalArgumentException(
        "--preset: expected article (the only preset so far; see docs/experiments.md), found '"
            + name
            + "'");
  }
}
