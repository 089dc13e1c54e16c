package io.github.tfgan.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import io.github.tfgan.export.HostTensor;
import io.github.tfgan.export.HostTensor.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensors in TF Serving's JSON: nested lists of numbers, booleans or strings, row-major. Reading
 * checks that the lists are rectangular and that every value fits the signature's dtype, and names
 * the input and the position of the first value that does not.
 */
final class JsonTensors {
  /** TensorFlow's own limit on a tensor's rank; deeper lists are refused before the walk. */
  static final int MAX_RANK = 254;

  private JsonTensors() {}

  /**
   * The tensor of a JSON value.
   *
   * @param name the input's name, for messages
   * @throws ApiException (400) naming the input, what was expected and what was found
   */
  static HostTensor read(String name, JsonElement json, DType dtype) {
    List<Long> dims = new ArrayList<>();
    JsonElement e = json;
    while (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      dims.add((long) a.size());
      if (a.isEmpty()) {
        break;
      }
      e = a.get(0);
    }
    if (dims.size() > MAX_RANK) {
      throw ApiException.invalid(
          name + ": expected at most " + MAX_RANK + " nested lists, found " + dims.size());
    }
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    long size = 1;
    for (long d : shape) {
      size *= d;
    }
    if (size > Integer.MAX_VALUE) {
      throw ApiException.invalid(name + ": expected at most 2^31 values, found " + size);
    }
    Object values = dtype.newArray((int) size);
    int[] next = {0};
    fill(name, json, shape, 0, dtype, values, next, new StringBuilder());
    return HostTensor.of(dtype, shape, values);
  }

  private static void fill(
      String name,
      JsonElement e,
      long[] shape,
      int depth,
      DType dtype,
      Object values,
      int[] next,
      StringBuilder at) {
    if (depth == shape.length) {
      if (e.isJsonArray()) {
        throw ApiException.invalid(
            name
                + ": expected a rectangular nested list, found a list deeper than others at "
                + at);
      }
      put(name, e, dtype, values, next[0]++, at);
      return;
    }
    if (!e.isJsonArray() || e.getAsJsonArray().size() != shape[depth]) {
      throw ApiException.invalid(
          name
              + ": expected a rectangular nested list (a list of "
              + shape[depth]
              + " at depth "
              + depth
              + "), found "
              + (e.isJsonArray() ? "a list of " + e.getAsJsonArray().size() : brief(e))
              + " at "
              + (at.length() == 0 ? "the top" : at));
    }
    JsonArray a = e.getAsJsonArray();
    int mark = at.length();
    for (int i = 0; i < a.size(); i++) {
      at.append('[').append(i).append(']');
      fill(name, a.get(i), shape, depth + 1, dtype, values, next, at);
      at.setLength(mark);
    }
  }

  private static void put(
      String name, JsonElement e, DType dtype, Object values, int i, StringBuilder at) {
    JsonPrimitive p = e.isJsonPrimitive() ? e.getAsJsonPrimitive() : null;
    boolean ok =
        switch (dtype) {
          case DT_FLOAT, DT_DOUBLE, DT_INT32, DT_INT64 -> p != null && p.isNumber();
          case DT_BOOL -> p != null && p.isBoolean();
          case DT_STRING -> p != null && p.isString();
        };
    if (ok) {
      switch (dtype) {
        case DT_FLOAT -> ((float[]) values)[i] = p.getAsFloat();
        case DT_DOUBLE -> ((double[]) values)[i] = p.getAsDouble();
        case DT_INT32, DT_INT64 -> ok = putInteger(p, dtype, values, i);
        case DT_BOOL -> ((boolean[]) values)[i] = p.getAsBoolean();
        case DT_STRING -> ((String[]) values)[i] = p.getAsString();
      }
    }
    if (!ok) {
      throw ApiException.invalid(
          name
              + ": expected "
              + dtype
              + " values ("
              + kind(dtype)
              + "), found "
              + brief(e)
              + " at "
              + (at.length() == 0 ? "the top" : at));
    }
  }

  private static boolean putInteger(JsonPrimitive p, DType dtype, Object values, int i) {
    java.math.BigDecimal v;
    try {
      v = p.getAsBigDecimal();
    } catch (NumberFormatException e) {
      return false;
    }
    try {
      long whole = v.longValueExact();
      if (dtype == DType.DT_INT32) {
        ((int[]) values)[i] = Math.toIntExact(whole);
      } else {
        ((long[]) values)[i] = whole;
      }
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static String kind(DType dtype) {
    return switch (dtype) {
      case DT_FLOAT, DT_DOUBLE -> "numbers";
      case DT_INT32 -> "whole numbers in 32 bits";
      case DT_INT64 -> "whole numbers in 64 bits";
      case DT_BOOL -> "true or false";
      case DT_STRING -> "strings";
    };
  }

  private static String brief(JsonElement e) {
    String s = e.isJsonArray() ? "a list" : e.isJsonObject() ? "an object" : e.toString();
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  /** Appends the whole tensor as a nested list (a scalar as a bare value). */
  static void write(StringBuilder out, HostTensor t) {
    write(out, t, 0, t.size(), 0);
  }

  /** Appends row {@code row} of a tensor of rank >= 1 (its dimension 0 dropped). */
  static void writeRow(StringBuilder out, HostTensor t, int row) {
    int rowSize = (int) (t.size() / t.dim(0));
    write(out, t, row * rowSize, rowSize, 1);
  }

  private static void write(StringBuilder out, HostTensor t, int from, int count, int depth) {
    if (depth == t.rank()) {
      value(out, t, from);
      return;
    }
    out.append('[');
    long n = t.dim(depth);
    int step = n == 0 ? 0 : (int) (count / n);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      write(out, t, from + i * step, step, depth + 1);
    }
    out.append(']');
  }

  private static void value(StringBuilder out, HostTensor t, int i) {
    switch (t.dtype()) {
      case DT_FLOAT -> out.append(t.floats()[i]);
      case DT_DOUBLE -> out.append(t.doubles()[i]);
      case DT_INT32 -> out.append(t.ints()[i]);
      case DT_INT64 -> out.append(t.longs()[i]);
      case DT_BOOL -> out.append(t.booleans()[i]);
      case DT_STRING -> out.append(new JsonPrimitive(t.strings()[i]));
    }
  }
}
