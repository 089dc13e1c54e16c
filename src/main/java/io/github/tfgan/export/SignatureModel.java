package io.github.tfgan.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Any SavedModel, run through its signatures: the one wrapper over {@link SavedModelBundle} that
 * the command line, the model server and Spark executors share. Names, dtypes and shapes come from
 * the signatures, not from code; every call is checked against them before TensorFlow sees it.
 *
 * <p>Safe under concurrent calls: {@link #run} may be called from many threads at once (they share
 * one session, as TensorFlow allows). {@link #close()} waits for the calls in flight, then frees
 * the bundle; a call after it fails with {@link IllegalStateException}.
 */
public final class SignatureModel implements AutoCloseable {
  /** Signature keys that TensorFlow adds for its own use and that cannot be called. */
  private static final Set<String> INTERNAL_KEYS = Set.of("__saved_model_init_op");

  /**
   * One input or output of a signature.
   *
   * @param tensorName the graph tensor it is bound to, e.g. {@code serving_default_z:0}
   * @param dtype TensorFlow's name of its type, e.g. {@code DT_FLOAT}
   * @param shape its sizes, {@code -1} for a size the signature leaves open; null for unknown rank
   */
  public record TensorSpec(String tensorName, String dtype, long[] shape) {
    /** Whether {@code s} fits {@link #shape}: the same rank and every fixed size. */
    public boolean accepts(long[] s) {
      if (shape == null) {
        return true;
      }
      if (s.length != shape.length) {
        return false;
      }
      for (int i = 0; i < s.length; i++) {
        if (shape[i] >= 0 && shape[i] != s[i]) {
          return false;
        }
      }
      return true;
    }

    /** The shape as text, {@code [-1, 100]}, or {@code <unknown rank>}. */
    public String shapeText() {
      return shape == null ? "<unknown rank>" : Arrays.toString(shape);
    }
  }

  /**
   * A signature: its method name ({@code tensorflow/serving/predict}) and its inputs and outputs by
   * name, in name order.
   */
  public record SignatureInfo(
      String key,
      String methodName,
      Map<String, TensorSpec> inputs,
      Map<String, TensorSpec> outputs) {}

  private final SavedModelBundle bundle;
  private final Path path;
  private final Map<String, SignatureInfo> signatures;
  private final Map<String, SessionFunction> functions = new TreeMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  private SignatureModel(SavedModelBundle bundle, Path path) {
    this.bundle = bundle;
    this.path = path;
    Map<String, SignatureInfo> infos = new TreeMap<>();
    for (Map.Entry<String, SignatureDef> e :
        bundle.metaGraphDef().getSignatureDefMap().entrySet()) {
      if (!INTERNAL_KEYS.contains(e.getKey())) {
        infos.put(e.getKey(), info(e.getKey(), e.getValue()));
        functions.put(e.getKey(), bundle.function(e.getKey()));
      }
    }
    if (infos.isEmpty()) {
      throw new IllegalArgumentException("a SavedModel with at least one signature, found none");
    }
    this.signatures = Collections.unmodifiableMap(infos);
  }

  /**
   * Loads a SavedModel.
   *
   * @param dir a SavedModel directory, or a TF Serving base path (its highest version is loaded)
   * @throws IllegalArgumentException starting with {@code dir} if it holds no loadable SavedModel
   */
  public static SignatureModel load(Path dir) {
    return load(dir, null);
  }

  /**
   * Loads a SavedModel into a session configured by {@code config} (its thread pools, say).
   *
   * @param dir a SavedModel directory, or a TF Serving base path (its highest version is loaded)
   * @param config the session's configuration; null for TensorFlow's defaults
   * @throws IllegalArgumentException starting with {@code dir} if it holds no loadable SavedModel
   */
  public static SignatureModel load(Path dir, org.tensorflow.proto.ConfigProto config) {
    Path model = ServingBundles.resolve(dir);
    return ServingBundles.load(
        model, config, "a SavedModel with signatures", bundle -> new SignatureModel(bundle, model));
  }

  /** The SavedModel directory loaded (a version directory when a base path was given). */
  public Path path() {
    return path;
  }

  /** The signatures by key (e.g. {@code serving_default}), in key order. */
  public Map<String, SignatureInfo> signatures() {
    return signatures;
  }

  /**
   * The signature {@code key}.
   *
   * @throws IllegalArgumentException naming the key and the model's keys if there is none
   */
  public SignatureInfo signature(String key) {
    SignatureInfo info = signatures.get(key);
    if (info == null) {
      throw new IllegalArgumentException(
          "signature_name: expected one of "
              + signatures.keySet()
              + " of "
              + path
              + ", found '"
              + key
              + "'");
    }
    return info;
  }

  /**
   * Checks inputs against signature {@code key}, without running it: exactly the signature's input
   * names, each with its dtype and a shape that fits.
   *
   * @throws IllegalArgumentException naming the input, what was expected and what was found
   */
  public void check(String key, Map<String, HostTensor> inputs) {
    SignatureInfo info = signature(key);
    if (!info.inputs().keySet().equals(new TreeMap<>(inputs).keySet())) {
      throw new IllegalArgumentException(
          "inputs: signature '"
              + key
              + "' expects the inputs "
              + info.inputs().keySet()
              + ", found "
              + new TreeMap<>(inputs).keySet());
    }
    for (Map.Entry<String, TensorSpec> e : info.inputs().entrySet()) {
      HostTensor value = inputs.get(e.getKey());
      TensorSpec spec = e.getValue();
      if (!value.dtype().name().equals(spec.dtype())) {
        throw new IllegalArgumentException(
            e.getKey() + ": expected " + spec.dtype() + ", found " + value.dtype());
      }
      if (!spec.accepts(value.shape())) {
        throw new IllegalArgumentException(
            e.getKey()
                + ": expected the shape "
                + spec.shapeText()
                + ", found "
                + Arrays.toString(value.shape()));
      }
    }
  }

  /**
   * Runs signature {@code key} on {@code inputs}, after {@link #check}ing them.
   *
   * @return every output of the signature by name, in name order
   * @throws IllegalArgumentException naming the input at fault, or carrying TensorFlow's message
   *     when it rejects values the signature allows (a label out of range, batch sizes that differ)
   * @throws IllegalStateException after {@link #close()}
   */
  public Map<String, HostTensor> run(String key, Map<String, HostTensor> inputs) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("SignatureModel " + path + ": used after close()");
      }
      check(key, inputs);
      return call(functions.get(key), signatures.get(key), inputs);
    } finally {
      lock.readLock().unlock();
    }
  }

  private static Map<String, HostTensor> call(
      SessionFunction function, SignatureInfo info, Map<String, HostTensor> inputs) {
    List<Tensor> owned = new ArrayList<>();
    try {
      Map<String, Tensor> feeds = new LinkedHashMap<>();
      for (Map.Entry<String, HostTensor> e : inputs.entrySet()) {
        Tensor t = e.getValue().toTensor();
        owned.add(t);
        feeds.put(e.getKey(), t);
      }
      try (Result result = function.call(feeds)) {
        Map<String, HostTensor> outputs = new LinkedHashMap<>();
        for (String name : info.outputs().keySet()) {
          outputs.put(
              name,
              HostTensor.fromTensor(
                  result
                      .get(name)
                      .orElseThrow(() -> new IllegalStateException(name + ": not in the result"))));
        }
        return outputs;
      }
    } catch (TFInvalidArgumentException e) {
      throw new IllegalArgumentException(
          "inputs: TensorFlow rejected them: " + e.getMessage().lines().findFirst().orElse(""), e);
    } finally {
      for (Tensor t : owned) {
        t.close();
      }
    }
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    lock.readLock().lock();
    try {
      return closed;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Waits for the calls in flight, then frees the graph and session. Idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        bundle.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static SignatureInfo info(String key, SignatureDef def) {
    return new SignatureInfo(
        key, def.getMethodName(), specs(def.getInputsMap()), specs(def.getOutputsMap()));
  }

  private static Map<String, TensorSpec> specs(Map<String, TensorInfo> infos) {
    Map<String, TensorSpec> specs = new TreeMap<>();
    for (Map.Entry<String, TensorInfo> e : infos.entrySet()) {
      TensorInfo t = e.getValue();
      TensorShapeProto s = t.getTensorShape();
      long[] shape =
          s.getUnknownRank() ? null : s.getDimList().stream().mapToLong(d -> d.getSize()).toArray();
      specs.put(e.getKey(), new TensorSpec(t.getName(), t.getDtype().name(), shape));
    }
    return Collections.unmodifiableMap(specs);
  }
}
