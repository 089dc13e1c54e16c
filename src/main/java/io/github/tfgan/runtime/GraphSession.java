package io.github.tfgan.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.train.Restore;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * The one owner of a {@link Graph} and the {@link Session} on it: every class of this project that
 * runs a graph holds one of these and closes it, and nothing else creates a session.
 *
 * <p>Why one owner: in TF Java 1.1.0 {@code Graph.close()} waits until every session on the graph
 * is closed, so closing in the wrong order, or forgetting the session when a constructor fails
 * half-way, hangs the process instead of throwing. {@link #build} closes both when graph building
 * throws; {@link #close} closes the session, then the graph. Also, {@code Session.save} and {@code
 * Session.restore} never close the file-name tensor they feed nor the {@link Result} they get (a
 * small native leak per call), and their saver is not public: {@link #save} and {@link #restore}
 * build the same SaveV2/RestoreV2 ops (same checkpoint keys, the variables' op names) once and
 * close both.
 *
 * <pre>{@code
 * try (GraphSession gs = GraphSession.open(ConfigProto.getDefaultInstance())) {
 *   MyOps ops = gs.build(graph -> new MyOps(graph)); // closes gs and rethrows if this throws
 *   gs.initialize();
 *   try (Result r = gs.runner().fetch(ops.out).run()) { ... }
 * }
 * }</pre>
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the training, export, evaluation and benchmark code use it.
 */
public final class GraphSession implements AutoCloseable {
  private final Graph graph;
  private final Session session;
  private Saver saver;
  private boolean closed;

  /** The op types of reference variables that {@link #save} and {@link #restore} cover. */
  private static final Set<String> REFERENCE_VARIABLE_OPS = Set.of("VariableV2", "Variable");

  /** The op type of resource variables, which they cover too. */
  private static final String RESOURCE_OP = "VarHandleOp";

  /** Name scope of the saver's ops: the one TF Java's {@code Graph.saverDef} looks in. */
  private static final String SAVER_SCOPE = "save";

  private GraphSession(Graph graph, Session session) {
    this.graph = graph;
    this.session = session;
  }

  /** A new empty graph and a session on it with {@code config}. */
  public static GraphSession open(ConfigProto config) {
    NativeSetup.prepare();
    Graph graph = new Graph();
    try {
      return new GraphSession(graph, new Session(graph, config));
    } catch (RuntimeException | Error e) {
      graph.close();
      throw e;
    }
  }

  /** A new empty graph and a session on it with TensorFlow's default configuration. */
  public static GraphSession open() {
    return open(ConfigProto.getDefaultInstance());
  }

  /**
   * Adds ops to the graph with {@code builder} and returns what it returns. If it throws, the
   * session and the graph are closed (in that order) before the exception is passed on, so a
   * failing constructor that calls this leaks nothing and does not hang.
   */
  public <T> T build(Function<Graph, T> builder) {
    checkOpen();
    try {
      return builder.apply(graph);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** Runs the graph's variable initialisers; on failure closes this and rethrows. */
  public void initialize() {
    checkOpen();
    try {
      session.initialize();
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** The graph, to build on or to look ops up in. */
  public Graph graph() {
    checkOpen();
    return graph;
  }

  /** A runner of this session; close the {@link Result} it returns. */
  public Session.Runner runner() {
    checkOpen();
    return session.runner();
  }

  /** The session, for APIs that take one (for example {@code SavedModelBundle.exporter}). */
  public Session session() {
    checkOpen();
    return session;
  }

  /**
   * Saves every variable of the graph as a TensorFlow checkpoint (V2 format: {@code prefix.index},
   * {@code prefix.data-00000-of-00001}), readable by Python's {@code tf.train.load_checkpoint}.
   * Build every variable before the first save: the saver covers those existing at first use.
   *
   * @param prefix checkpoint prefix; its directory must exist
   */
  public void save(Path prefix) {
    runSaver(prefix, true);
  }

  /**
   * Restores every variable of the graph from a checkpoint written by {@link #save} (or by another
   * saver of the same variable names). Variables with initialisers must have been initialised.
   */
  public void restore(Path prefix) {
    runSaver(prefix, false);
  }

  private void runSaver(Path prefix, boolean save) {
    checkOpen();
    if (saver == null) {
      saver = Saver.build(graph);
    }
    try (TString file = TString.scalarOf(prefix.toString());
        Result r =
            session
                .runner()
                .addTarget(save ? saver.save : saver.restore)
                .feed(saver.file, file)
                .run()) {
      // Nothing to read: the saver writes or assigns; both resources are closed here.
    }
  }

  /**
   * SaveV2 and RestoreV2 over every variable of the graph, reference ({@code VariableV2}) or
   * resource ({@code VarHandleOp}), keyed by the variable's op name (what {@code Session.save}
   * writes, and what {@code tf.train.load_checkpoint} lists). Its ops carry the names TF Java's own
   * saver looks for ({@code save/filename}, {@code save/control_dependency}, {@code
   * save/restore_all}), so that {@code SavedModelBundle.exporter} saves through it and the exported
   * MetaGraph's saver restores resource variables too.
   */
  private record Saver(Placeholder<TString> file, Op save, Op restore) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Saver build(Graph graph) {
      List<GraphOperation> variables = new ArrayList<>();
      graph
          .operations()
          .forEachRemaining(
              op -> {
                if (REFERENCE_VARIABLE_OPS.contains(op.type()) || op.type().equals(RESOURCE_OP)) {
                  variables.add((GraphOperation) op);
                }
              });
      if (variables.isEmpty()) {
        throw new IllegalStateException(
            "checkpoint: the graph has no variables to save or restore");
      }
      variables.sort(Comparator.comparing(GraphOperation::name));
      Ops tf = Ops.create(graph).withSubScope(SAVER_SCOPE);
      Placeholder<TString> file = tf.withName("filename").placeholder(TString.class);
      String[] names = variables.stream().map(GraphOperation::name).toArray(String[]::new);
      String[] slices = new String[names.length];
      Arrays.fill(slices, "");
      List<Operand<?>> tensors = new ArrayList<>();
      List<Class<? extends TType>> types = new ArrayList<>();
      for (GraphOperation v : variables) {
        if (v.type().equals(RESOURCE_OP)) {
          Class<? extends TType> type = resourceType(v);
          tensors.add(tf.readVariableOp((Operand) v.output(0), (Class) type));
          types.add(type);
        } else {
          Output<?> out = v.output(0);
          tensors.add(out);
          types.add((Class<? extends TType>) out.type());
        }
      }
      Operand<TString> keys = tf.constant(StandardCharsets.UTF_8, names);
      Operand<TString> whole = tf.constant(StandardCharsets.UTF_8, slices); // "": no slicing
      Op save = tf.train.save(file, keys, whole, tensors);
      tf.withControlDependencies(List.of(save)).withName("control_dependency").identity(file);
      Restore restored = tf.train.restore(file, keys, whole, types);
      List<Op> assigns = new ArrayList<>();
      for (int i = 0; i < variables.size(); i++) {
        GraphOperation v = variables.get(i);
        Operand value = (Operand) restored.tensors().get(i);
        assigns.add(
            v.type().equals(RESOURCE_OP)
                ? tf.assignVariableOp((Operand) v.output(0), value)
                : tf.assign((Operand) v.output(0), value));
      }
      Op restore = tf.withControlDependencies(assigns).withName("restore_all").noOp();
      return new Saver(file, save, restore);
    }

    /** The dtype a resource variable holds (its {@code dtype} attribute). */
    private static Class<? extends TType> resourceType(GraphOperation handle) {
      org.tensorflow.proto.DataType dtype = handle.attributes().getAttrType("dtype");
      if (dtype != org.tensorflow.proto.DataType.DT_FLOAT) {
        throw new IllegalStateException(
            "checkpoint: expected float32 resource variables, found "
                + dtype
                + " in "
                + handle.name());
      }
      return org.tensorflow.types.TFloat32.class;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("GraphSession: used after close()");
    }
  }

  /** Closes the session, then the graph (the order TF Java needs); idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        session.close();
      } finally {
        graph.close();
      }
    }
  }
}
