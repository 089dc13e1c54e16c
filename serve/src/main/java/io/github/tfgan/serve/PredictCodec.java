package io.github.tfgan.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.tfgan.export.HostTensor;
import io.github.tfgan.export.HostTensor.DType;
import io.github.tfgan.export.SignatureModel.SignatureInfo;
import io.github.tfgan.export.SignatureModel.TensorSpec;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * TF Serving's predict request and response JSON: the row format ({@code instances}, answered as
 * {@code predictions}) and the columnar format ({@code inputs}, answered as {@code outputs}), with
 * an optional {@code signature_name}.
 */
final class PredictCodec {
  /** The signature TF Serving calls when a request names none. */
  static final String DEFAULT_SIGNATURE = "serving_default";

  private PredictCodec() {}

  /** A parsed request body, before the signature is known. */
  record Body(String signatureName, boolean rows, JsonElement tensors) {}

  /** A request's inputs, read with the signature's dtypes. */
  record Request(String signatureName, boolean rows, Map<String, HostTensor> inputs) {}

  /**
   * Parses the body's JSON and its keys.
   *
   * @throws ApiException (400) if it is not JSON, not an object, or has both or neither of {@code
   *     instances} and {@code inputs}
   */
  static Body parse(String body) {
    JsonElement json;
    try {
      json = JsonParser.parseString(body);
    } catch (JsonParseException e) {
      throw ApiException.invalid(
          "request body: expected JSON, found text that does not parse (" + where(e) + ")");
    }
    if (!json.isJsonObject()) {
      throw ApiException.invalid(
          "request body: expected a JSON object with \"instances\" or \"inputs\", found "
              + (json.isJsonNull() ? "nothing" : json.isJsonArray() ? "a list" : json));
    }
    JsonObject o = json.getAsJsonObject();
    String signature = DEFAULT_SIGNATURE;
    if (o.has("signature_name")) {
      JsonElement s = o.get("signature_name");
      if (!s.isJsonPrimitive() || !s.getAsJsonPrimitive().isString()) {
        throw ApiException.invalid("signature_name: expected a string, found " + s);
      }
      signature = s.getAsString();
    }
    boolean rows = o.has("instances");
    if (rows == o.has("inputs")) {
      throw ApiException.invalid(
          "request body: expected one of \"instances\" (row format) or \"inputs\" (columnar"
              + " format), found "
              + (rows ? "both" : "neither"));
    }
    var unknown = new TreeSet<>(o.keySet());
    unknown.removeAll(java.util.Set.of("signature_name", "instances", "inputs"));
    if (!unknown.isEmpty()) {
      throw ApiException.invalid(
          "request body: expected the keys signature_name, instances or inputs, found " + unknown);
    }
    return new Body(signature, rows, o.get(rows ? "instances" : "inputs"));
  }

  /**
   * Reads the inputs of a parsed body with the signature's names and dtypes.
   *
   * @throws ApiException (400) naming the input at fault
   */
  static Request read(Body body, SignatureInfo signature) {
    Map<String, TensorSpec> specs = signature.inputs();
    Map<String, JsonElement> columns = new TreeMap<>();
    JsonElement t = body.tensors();
    if (body.rows()) {
      if (!t.isJsonArray() || t.getAsJsonArray().isEmpty()) {
        throw ApiException.invalid(
            "instances: expected a non-empty list of rows, found "
                + (t.isJsonArray() ? "an empty list" : t.isJsonObject() ? "an object" : t));
      }
      JsonArray rows = t.getAsJsonArray();
      if (!rows.get(0).isJsonObject() && specs.size() == 1) {
        columns.put(specs.keySet().iterator().next(), rows);
      } else {
        for (int i = 0; i < rows.size(); i++) {
          if (!rows.get(i).isJsonObject()) {
            throw ApiException.invalid(
                "instances["
                    + i
                    + "]: expected an object with the inputs "
                    + specs.keySet()
                    + ", found "
                    + (rows.get(i).isJsonArray() ? "a list" : rows.get(i)));
          }
          JsonObject row = rows.get(i).getAsJsonObject();
          if (!new TreeSet<>(row.keySet()).equals(specs.keySet())) {
            throw ApiException.invalid(
                "instances["
                    + i
                    + "]: expected the inputs "
                    + specs.keySet()
                    + " of signature '"
                    + signature.key()
                    + "', found "
                    + new TreeSet<>(row.keySet()));
          }
          for (String name : specs.keySet()) {
            columns.computeIfAbsent(name, k -> new JsonArray()).getAsJsonArray().add(row.get(name));
          }
        }
      }
    } else if (t.isJsonObject()) {
      t.getAsJsonObject().entrySet().forEach(e -> columns.put(e.getKey(), e.getValue()));
    } else if (specs.size() == 1) {
      columns.put(specs.keySet().iterator().next(), t);
    } else {
      throw ApiException.invalid(
          "inputs: expected an object with the inputs " + specs.keySet() + ", found a bare tensor");
    }
    if (!columns.keySet().equals(specs.keySet())) {
      throw ApiException.invalid(
          "inputs: signature '"
              + signature.key()
              + "' expects the inputs "
              + specs.keySet()
              + ", found "
              + columns.keySet());
    }
    Map<String, HostTensor> inputs = new TreeMap<>();
    for (Map.Entry<String, JsonElement> e : columns.entrySet()) {
      TensorSpec spec = specs.get(e.getKey());
      DType dtype;
      try {
        dtype = DType.valueOf(spec.dtype());
      } catch (IllegalArgumentException unsupported) {
        throw ApiException.invalid(
            e.getKey() + ": this server reads no " + spec.dtype() + " from JSON");
      }
      inputs.put(e.getKey(), JsonTensors.read(e.getKey(), e.getValue(), dtype));
    }
    return new Request(signature.key(), body.rows(), inputs);
  }

  /**
   * The response: {@code {"predictions": ...}} for rows (a list of values for one output, a list of
   * objects for several), {@code {"outputs": ...}} for columns (a value for one output, an object
   * for several).
   *
   * @throws ApiException (400) for rows whose outputs differ in their first dimension
   */
  static String write(boolean rows, Map<String, HostTensor> outputs) {
    StringBuilder out = new StringBuilder(64 + 12 * totalSize(outputs));
    if (!rows) {
      out.append("{\"outputs\":");
      if (outputs.size() == 1) {
        JsonTensors.write(out, outputs.values().iterator().next());
      } else {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
          out.append(first ? "" : ",").append(quote(e.getKey())).append(':');
          JsonTensors.write(out, e.getValue());
          first = false;
        }
        out.append('}');
      }
      return out.append('}').toString();
    }
    long n = -1;
    for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
      long rowsOf = e.getValue().rank() == 0 ? -2 : e.getValue().dim(0);
      if (rowsOf == -2 || (n >= 0 && rowsOf != n)) {
        throw ApiException.invalid(
            "outputs: the row format needs outputs with the same first dimension; "
                + e.getKey()
                + " has the shape "
                + java.util.Arrays.toString(e.getValue().shape())
                + " (ask with \"inputs\" for the columnar format)");
      }
      n = rowsOf;
    }
    out.append("{\"predictions\":");
    if (outputs.size() == 1) {
      JsonTensors.write(out, outputs.values().iterator().next());
    } else {
      out.append('[');
      for (int i = 0; i < n; i++) {
        out.append(i > 0 ? ",{" : "{");
        boolean first = true;
        for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
          out.append(first ? "" : ",").append(quote(e.getKey())).append(':');
          JsonTensors.writeRow(out, e.getValue(), i);
          first = false;
        }
        out.append('}');
      }
      out.append(']');
    }
    return out.append('}').toString();
  }

  static String quote(String s) {
    return new com.google.gson.JsonPrimitive(s).toString();
  }

  private static int totalSize(Map<String, HostTensor> outputs) {
    long n = 0;
    for (HostTensor t : outputs.values()) {
      n += t.size();
    }
    return (int) Math.min(n, 1 << 20); // a first guess; the builder grows past it
  }

  /** Gson's position of the fault, without its advice on lenient parsing. */
  private static String where(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.lines().findFirst().orElse(m).replaceFirst("^[\\w.]+Exception: ", "");
    java.util.regex.Matcher at =
        java.util.regex.Pattern.compile("at line \\d+ column \\d+").matcher(m);
    return at.find() ? at.group() : m;
  }
}
