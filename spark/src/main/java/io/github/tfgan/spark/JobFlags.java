package io.github.tfgan.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job's {@code --name value} flags (and {@code --name} switches), parsed and checked before the
 * job starts: an unknown flag, a missing value, a repeated flag or a value of the wrong kind is an
 * {@link IllegalArgumentException} naming the flag, what was expected and what was found.
 */
final class JobFlags {
  private final String command;
  private final Map<String, String> values = new LinkedHashMap<>();

  /**
   * @param valued the flags that take a value
   * @param switches the flags that take none
   */
  JobFlags(String command, List<String> args, Set<String> valued, Set<String> switches) {
    this.command = command;
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (switches.contains(name)) {
        put(name, "true");
      } else if (valued.contains(name)) {
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
          throw new IllegalArgumentException(name + ": expected a value, found none");
        }
        put(name, args.get(++i));
      } else {
        throw new IllegalArgumentException(
            command
                + ": expected one of "
                + new java.util.TreeSet<>(union(valued, switches))
                + ", found "
                + (name.startsWith("--") ? "the unknown flag " : "the argument ")
                + name);
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private void put(String name, String value) {
    if (values.put(name, value) != null) {
      throw new IllegalArgumentException(name + ": expected once, found twice");
    }
  }

  /** The value of a required flag. */
  String required(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException(command + ": expected " + name + ", found none");
    }
    return v;
  }

  /** The value of an optional flag, or null. */
  String optional(String name) {
    return values.get(name);
  }

  /** Whether a switch is on. */
  boolean on(String name) {
    return values.containsKey(name);
  }

  /** A required whole number at least {@code min}. */
  long longValue(String name, long min) {
    return parse(name, required(name), min);
  }

  /** An optional whole number at least {@code min}, or {@code fallback}. */
  long longValue(String name, long min, long fallback) {
    String v = optional(name);
    return v == null ? fallback : parse(name, v, min);
  }

  private static long parse(String name, String value, long min) {
    long n;
    try {
      n = Long.parseLong(value.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + ": expected a whole number, found '" + value + "'", e);
    }
    if (n < min) {
      throw new IllegalArgumentException(name + ": expected a number ≥ " + min + ", found " + n);
    }
    return n;
  }
}
