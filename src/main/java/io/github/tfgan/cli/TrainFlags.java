package io.github.tfgan.cli;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.LossKind;
import io.github.tfgan.config.Presets;
import io.github.tfgan.config.UpdateOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one table from {@code train}'s flags to {@link GanConfig}: it declares the options, applies
 * the given ones on top of a preset, names the flags {@code --resume} refuses, and shows in the
 * help each preset's value (never retyped: read from {@link Presets}). A new hyper-parameter is a
 * field of the config record, a row here and a row of the README's table.
 */
final class TrainFlags {
  /**
   * One flag.
   *
   * @param name the flag, e.g. {@code --iterations}
   * @param field the {@link GanConfig} component it sets, as the library's messages name it
   * @param label its value's label in the help
   * @param description what it sets
   * @param get the config's value, for the help's defaults
   * @param set applies a given value (as typed) to a builder; throws IllegalArgumentException on a
   *     bad value
   */
  record Flag(
      String name,
      String field,
      String label,
      String description,
      Function<GanConfig, Object> get,
      BiConsumer<GanConfig.Builder, String> set) {}

  static final List<Flag> FLAGS =
      List.of(
          flag(
              "--dataset",
              "mnist|fashion",
              "Built-in data set (for your own, --data PATH).",
              c -> c.dataset().cliName(),
              (b, v) -> b.dataset(builtIn(v))),
          flag(
              "--net",
              "NET",
              "mlp:W1,W2,...: dense networks, G's hidden widths, D's the same reversed. dcgan:W:"
                  + " convolutional (DCGAN) networks for images, W filters in D's first and G's"
                  + " last block (dcgan:W:bn: D with batch norm; :clustersK after either: G and D"
                  + " conditioned on K k-means clusters of the data, found before training, the"
                  + " models staying unconditional). Sizes come from the data.",
              GanConfig::net,
              GanConfig.Builder::net),
          intFlag(
              "--noise-dim",
              "Width of G's noise input z.",
              GanConfig::noiseDim,
              GanConfig.Builder::noiseDim),
          intFlag(
              "--iterations",
              "Iterations (one D step, then one G step).",
              GanConfig::iterations,
              GanConfig.Builder::iterations),
          intFlag(
              "--batch-size",
              "Real samples per D step.",
              GanConfig::batchSize,
              GanConfig.Builder::batchSize),
          floatFlag(
              "--learning-rate",
              "Adam learning rate of both networks.",
              GanConfig::learningRate,
              GanConfig.Builder::learningRate),
          floatFlag(
              "--g-learning-rate",
              "G's own learning rate (two time-scale updates); 0 = --learning-rate.",
              GanConfig::generatorLearningRate,
              GanConfig.Builder::generatorLearningRate),
          floatFlag("--beta1", "Adam beta1.", GanConfig::beta1, GanConfig.Builder::beta1),
          floatFlag("--beta2", "Adam beta2.", GanConfig::beta2, GanConfig.Builder::beta2),
          flag(
              "--loss",
              "standard|minimax|least-squares|hinge|wasserstein",
              "Objective on D's logits (docs/cli.md, Losses): standard, the article's"
                  + " cross-entropy with G's non-saturating loss; minimax, G's saturating"
                  + " log(1 - D(G(z))); least squares; hinge; wasserstein (with --gp-gamma).",
              c -> c.loss().cliName(),
              (b, v) -> b.loss(LossKind.parse(v))),
          floatFlag(
              "--r1-gamma",
              "Weight of the R1 gradient penalty on real images; 0 = off.",
              GanConfig::r1Gamma,
              GanConfig.Builder::r1Gamma),
          intFlag(
              "--r1-every",
              "Apply R1 every this many iterations, weighted by it (lazy regularisation).",
              GanConfig::r1Every,
              GanConfig.Builder::r1Every),
          floatFlag(
              "--gp-gamma",
              "Weight of the WGAN-GP gradient penalty (norm of D's gradient - 1)^2 on random"
                  + " mixes of real and generated samples; 0 = off.",
              GanConfig::gpGamma,
              GanConfig.Builder::gpGamma),
          flag(
              "--updates",
              "alternating|simultaneous",
              "alternating: G steps against D as just updated (the article's); simultaneous: both"
                  + " step from the same point, one D pass fewer.",
              c -> c.updates().cliName(),
              (b, v) -> b.updates(UpdateOrder.parse(v))),
          booleanFlag(
              "--conditional",
              "Class-conditional G and D, trained on the data's labels: G takes a label beside z"
                  + " (one-hot), D projects it onto its features; generate --label K.",
              GanConfig::conditional,
              GanConfig.Builder::conditional),
          floatFlag(
              "--ema-decay",
              "Samples and exports use a moving average of G's weights with this decay; 0 = off.",
              GanConfig::emaDecay,
              GanConfig.Builder::emaDecay),
          booleanFlag(
              "--ema-warmup",
              "Warm the average's decay up as TensorFlow's ExponentialMovingAverage(num_updates)"
                  + " does, min(decay, (1 + n) / (10 + n)) at iteration n, so that a short run's"
                  + " average is not the initial weights; --no-ema-warmup: constant decay.",
              GanConfig::emaWarmup,
              GanConfig.Builder::emaWarmup),
          floatFlag(
              "--lr-decay-rate",
              "Multiply the learning rate by this every --lr-decay-steps; 1 = off.",
              GanConfig::lrDecayRate,
              GanConfig.Builder::lrDecayRate),
          intFlag(
              "--lr-decay-steps",
              "Iterations per decay period.",
              GanConfig::lrDecaySteps,
              GanConfig.Builder::lrDecaySteps),
          floatFlag(
              "--clip-norm",
              "Clip each network's gradients to this global norm; 0 = off.",
              GanConfig::clipNorm,
              GanConfig.Builder::clipNorm),
          floatFlag(
              "--real-label",
              "D's target for real images; 0.9 = one-sided smoothing.",
              GanConfig::realLabel,
              GanConfig.Builder::realLabel),
          flag(
              "--seed",
              "N",
              "Seed of initialisation, noise and shuffling.",
              GanConfig::seed,
              (b, v) -> b.seed(parse(v, Long::parseLong, "a whole number"))),
          intFlag(
              "--log-every",
              "Log line interval.",
              GanConfig::logEvery,
              GanConfig.Builder::logEvery),
          intFlag(
              "--sample-every",
              "Sample grid interval; 0 = the end only.",
              GanConfig::sampleEvery,
              GanConfig.Builder::sampleEvery),
          intFlag(
              "--checkpoint-every",
              "Checkpoint interval; 0 = never.",
              GanConfig::checkpointEvery,
              GanConfig.Builder::checkpointEvery),
          intFlag(
              "--keep-checkpoints",
              "Checkpoints kept.",
              GanConfig::keepCheckpoints,
              GanConfig.Builder::keepCheckpoints));

  /** Flags of {@code train} that are not config fields but define a run all the same. */
  static final List<String> OTHER_RUN_DEFINING = List.of("--preset", "--limit", "--out");

  private TrainFlags() {}

  /** A built-in data set's name: {@code custom} is what {@code --data PATH} of your own makes. */
  private static Dataset builtIn(String name) {
    Dataset d = Dataset.MNIST.cliName().equals(name) ? Dataset.MNIST : null;
    d = Dataset.FASHION.cliName().equals(name) ? Dataset.FASHION : d;
    if (d == null) {
      throw new IllegalArgumentException(
          "dataset: expected mnist or fashion (for your own data, --data PATH), found '"
              + name
              + "'");
    }
    return d;
  }

  /** Every flag that {@code --resume} refuses (the run's own values are used). */
  static List<String> runDefining() {
    return Stream.concat(FLAGS.stream().map(Flag::name), OTHER_RUN_DEFINING.stream()).toList();
  }

  /**
   * The help's default text: the value, or each preset's where the presets differ ({@code (default:
   * 128)}, {@code (article: 0; stable: 0.9998)}).
   */
  static String defaults(Flag flag) {
    List<String> parts = new ArrayList<>();
    java.util.Set<String> values = new java.util.LinkedHashSet<>();
    for (String preset : Presets.NAMES_LIST) {
      String value = show(flag.get().apply(Presets.named(preset)));
      values.add(value);
      parts.add(preset + ": " + value);
    }
    return values.size() == 1
        ? "(default: " + values.iterator().next() + ")"
        : "(" + String.join("; ", parts) + ")";
  }

  private static String show(Object value) {
    if (value instanceof Boolean b) {
      return b ? "on" : "off";
    }
    return value instanceof Float f
        ? new java.math.BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString()
        : value.toString();
  }

  private static Flag flag(
      String name,
      String label,
      String description,
      Function<GanConfig, Object> get,
      BiConsumer<GanConfig.Builder, String> set) {
    return new Flag(name, field(name), label, description, get, set);
  }

  private static Flag intFlag(
      String name,
      String description,
      Function<GanConfig, Integer> get,
      BiConsumer<GanConfig.Builder, Integer> set) {
    return new Flag(
        name,
        field(name),
        "N",
        description,
        get::apply,
        (b, v) -> set.accept(b, parse(v, Integer::parseInt, "a whole number")));
  }

  /** A switch: {@code --name} turns it on, {@code --no-name} off; its label is null. */
  private static Flag booleanFlag(
      String name,
      String description,
      Function<GanConfig, Boolean> get,
      BiConsumer<GanConfig.Builder, Boolean> set) {
    return new Flag(
        name,
        field(name),
        null,
        description,
        get::apply,
        (b, v) -> set.accept(b, Boolean.valueOf(v)));
  }

  private static Flag floatFlag(
      String name,
      String description,
      Function<GanConfig, Float> get,
      BiConsumer<GanConfig.Builder, Float> set) {
    return new Flag(
        name,
        field(name),
        "X",
        description,
        get::apply,
        (b, v) -> set.accept(b, parse(v, Float::parseFloat, "a number")));
  }

  /** The config component a flag sets: its name in camel case, but for the G learning rate. */
  private static String field(String flag) {
    if (flag.equals("--g-learning-rate")) {
      return "generatorLearningRate";
    }
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (char c : flag.substring(2).toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }

  /**
   * A library message about a config field ({@code "batchSize: expected ..."}) in the command
   * line's words ({@code "--batch-size: expected ..."}); other messages unchanged.
   */
  static String inFlags(String message) {
    for (Flag flag : FLAGS) {
      if (message.startsWith(flag.field() + ": ")) {
        return flag.name() + message.substring(flag.field().length());
      }
    }
    return message;
  }

  private static <T> T parse(String text, Function<String, T> parser, String what) {
    try {
      return parser.apply(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "expected %s, found '%s'", what, text));
    }
  }
}
