package io.github.tfgan.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The checks of {@link GanConfig}'s fields; each message starts with the field's name. */
final class Checks {
  private Checks() {}

  static void positive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          field + ": expected a positive whole number, found " + value);
    }
  }

  static void finitePositive(String field, float value) {
    if (!(value > 0f) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(field + ": expected a finite number > 0, found " + value);
    }
  }

  /** A finite number >= 0, where 0 means {@code zero} (e.g. "no clipping"). */
  static void finiteNonNegative(String field, float value, String zero) {
    if (!(value >= 0f) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(
          field + ": expected a finite number >= 0 (0 = " + zero + "), found " + value);
    }
  }

  /** A whole number >= 0, where 0 means {@code zero}. */
  static void nonNegative(String field, long value, String zero) {
    if (value < 0) {
      throw new IllegalArgumentException(
          field + ": expected a number >= 0 (0 = " + zero + "), found " + value);
    }
  }

  /**
   * The constant whose command-line name is {@code name}; the message names the field and every
   * accepted name.
   */
  static <E extends Enum<E>> E byCliName(
      String field, E[] values, Function<E, String> cliName, String name) {
    for (E e : values) {
      if (cliName.apply(e).equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        field + ": expected " + names(values, cliName) + ", found '" + name + "'");
  }

  /** {@code value} if it is not null; the message names the field and every accepted name. */
  static <E extends Enum<E>> E present(
      String field, E value, E[] values, Function<E, String> cliName) {
    if (value == null) {
      throw new IllegalArgumentException(
          field + ": expected " + names(values, cliName) + ", found null");
    }
    return value;
  }

  private static <E> String names(E[] values, Function<E, String> cliName) {
    List<String> all = Arrays.stream(values).map(cliName).toList();
    return all.size() <= 2
        ? String.join(" or ", all)
        : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
  }

  /** Throws "FIELD: expected a number in RANGE, found VALUE" unless {@code ok}. */
  static void check(boolean ok, String field, String range, float value) {
    if (!ok) {
      throw new IllegalArgumentException(
          field + ": expected a number in " + range + ", found " + value);
    }
  }

  static void openUnit(String field, float value, boolean zeroAllowed) {
    boolean ok = (zeroAllowed ? value >= 0f : value > 0f) && value < 1f;
    if (!ok) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: expected a number in %s0, 1), found %s",
              field,
              zeroAllowed ? "[" : "(",
              value));
    }
  }

  /**
   * One-sided label smoothing ({@code realLabel} below 1) only where the loss has a target for real
   * images ({@link LossKind#hasRealLabel()}).
   */
  static void realLabelFits(float realLabel, LossKind loss) {
    if (realLabel != 1f && loss != null && !loss.hasRealLabel()) {
      throw new IllegalArgumentException(
          "realLabel: expected 1 (no smoothing) with loss "
              + loss.cliName()
              + ", which has no target for real images (smoothing applies to standard, minimax"
              + " and least-squares), found "
              + realLabel);
    }
  }
}
