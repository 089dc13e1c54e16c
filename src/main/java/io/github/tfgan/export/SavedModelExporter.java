package io.github.tfgan.export;

import io.github.tfgan.io.Directories;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.Network;
import io.github.tfgan.model.NetworkSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Writes inference-only SavedModels: a fresh graph holding one network's variables and forward
 * pass, restored from a training checkpoint, so that no optimiser slot, training op or training
 * placeholder is exported.
 *
 * <ul>
 *   <li>generator: {@code z} float32 [-1, noiseDim] → {@code images} float32 [-1, 784] in [0, 1]
 *   <li>discriminator: {@code images} float32 [-1, 784] → {@code probability} and {@code logits},
 *       float32 [-1, 1]
 * </ul>
 *
 * <p>Signature key {@code serving_default}, method {@code tensorflow/serving/predict}, tag {@code
 * serve}. The export is written into a temporary sibling and renamed into place.
 */
public final class SavedModelExporter {
  private SavedModelExporter() {}

  /**
   * Exports {@code spec}'s network with the values stored under {@code checkpointPrefix}.
   *
   * @param force replace {@code dir} if it exists; otherwise an existing {@code dir} is an error
   * @throws java.nio.file.FileAlreadyExistsException if {@code dir} exists and {@code force} is
   *     false
   */
  public static void export(NetworkSpec spec, Path checkpointPrefix, Path dir, boolean force)
      throws IOException {
    exportRestored(graph -> buildInference(graph, spec), checkpointPrefix, dir, force);
  }

  /**
   * Exports from a live training session: saves its variables to a temporary checkpoint beside
   * {@code dir}, then {@link #exportRestored} (only the variables the inference graph names are
   * restored, so no optimiser state is exported).
   */
  public static void exportFromSession(
      Session training, Function<Graph, Signature> build, Path dir, boolean force)
      throws IOException {
    exportThroughCheckpoint(training::save, build, dir, force);
  }

  /**
   * Writes a checkpoint with {@code save} (given the prefix) into a temporary directory beside
   * {@code dir}, exports the graph of {@code build} restored from it, then deletes the checkpoint.
   */
  private static void exportThroughCheckpoint(
      Consumer<String> save, Function<Graph, Signature> build, Path dir, boolean force)
      throws IOException {
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, ".ckpt-");
    try {
      save.accept(tmp.resolve("ckpt").toString());
      exportRestored(build, tmp.resolve("ckpt"), dir, force);
    } finally {
      Directories.deleteTree(tmp);
    }
  }

  /**
   * Exports {@code spec}'s network with the given variable values (layer by layer, kernel then
   * bias, row-major), e.g. the moving average of G's weights, which lives under other names in the
   * training graph.
   */
  public static void exportValues(NetworkSpec spec, float[][] values, Path dir, boolean force)
      throws IOException {
    Directories.checkReplaceable(dir.toAbsolutePath(), force);
    exportThroughCheckpoint(
        prefix -> saveValues(spec, values, prefix),
        graph -> buildInference(graph, spec),
        dir,
        force);
  }

  /**
   * Saves a checkpoint at {@code prefix} holding {@code spec}'s variables set to {@code values}: a
   * graph of those variables only, so the export that restores it holds no assign or constant ops.
   */
  private static void saveValues(NetworkSpec spec, float[][] values, String prefix) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      List<Op> assigns = new ArrayList<>();
      List<Placeholder<TFloat32>> feeds = new ArrayList<>();
      List<Variable<TFloat32>> variables = Network.createForRestore(tf, spec).variables();
      if (variables.size() != values.length) {
        throw new IllegalArgumentException(
            "values: expected " + variables.size() + " arrays, found " + values.length);
      }
      for (Variable<TFloat32> v : variables) {
        Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
        feeds.add(p);
        assigns.add(tf.assign(v, p));
      }
      try (Session session = new Session(graph)) {
        Session.Runner runner = session.runner();
        List<TFloat32> tensors = new ArrayList<>();
        try {
          for (int i = 0; i < values.length; i++) {
            Shape shape = variables.get(i).shape();
            if (shape.size() != values[i].length) {
              throw new IllegalArgumentException(
                  "values["
                      + i
                      + "]: expected "
                      + shape.size()
                      + " floats, found "
                      + values[i].length);
            }
            TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(values[i], true, false));
            tensors.add(t);
            runner.feed(feeds.get(i), t).addTarget(assigns.get(i));
          }
          runner.run();
        } finally {
          tensors.forEach(TFloat32::close);
        }
        session.save(prefix);
      }
    }
  }

  /**
   * Builds an inference graph with {@code build} (variables without initialisers), restores its
   * variables from {@code checkpointPrefix}, and exports it with the returned signature.
   */
  public static void exportRestored(
      Function<Graph, Signature> build, Path checkpointPrefix, Path dir, boolean force)
      throws IOException {
    Directories.checkReplaceable(dir.toAbsolutePath(), force);
    Path tmp = Directories.tempSibling(dir);
    try {
      try (Graph graph = new Graph()) {
        Signature signature = build.apply(graph);
        try (Session session = new Session(graph)) {
          session.restore(checkpointPrefix.toString());
          SavedModelBundle.exporter(tmp.toString())
              .withSession(session)
              .withSignature(signature)
              .export();
        }
      }
      Directories.commit(tmp, dir, force);
    } finally {
      Directories.deleteTree(tmp);
    }
  }

  /** Builds the inference graph of {@code spec} and returns its serving signature. */
  public static Signature buildInference(Graph graph, NetworkSpec spec) {
    Ops tf = Ops.create(graph);
    Network network = Network.createForRestore(tf, spec);
    boolean isGenerator = spec.name().equals(Names.GENERATOR);
    String inputName = isGenerator ? Names.SIG_Z : Names.SIG_IMAGES;
    Placeholder<TFloat32> input =
        tf.withName(inputName)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.inputDim())));
    Operand<TFloat32> out = network.apply(tf, input);
    Signature.Builder sig =
        Signature.builder()
            .key(Names.SERVING_DEFAULT)
            .methodName(Names.PREDICT_METHOD)
            .input(inputName, input);
    if (isGenerator) {
      sig.output(Names.SIG_IMAGES, tf.withName(Names.SIG_IMAGES).identity(out));
    } else {
      sig.output(Names.SIG_LOGITS, tf.withName(Names.SIG_LOGITS).identity(out));
      sig.output(Names.SIG_PROBABILITY, tf.withName(Names.SIG_PROBABILITY).math.sigmoid(out));
    }
    return sig.build();
  }
}
