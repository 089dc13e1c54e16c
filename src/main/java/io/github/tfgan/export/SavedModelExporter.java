package io.github.tfgan.export;

import io.github.tfgan.io.Directories;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.MnistClassifier;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.Network;
import io.github.tfgan.model.NetworkSpec;
import io.github.tfgan.model.ServingVariable;
import io.github.tfgan.runtime.GraphSession;
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
import org.tensorflow.types.TInt32;

/**
 * Writes inference-only SavedModels: a fresh graph holding one network's variables and forward
 * pass, restored from a training checkpoint, so that no optimiser slot, training op or training
 * placeholder is exported.
 *
 * <ul>
 *   <li>generator: {@code z} float32 [-1, noiseDim] → {@code images} float32 [-1, H, W, C] in [0,
 *       1] (MNIST's models: [-1, 784]), or {@code samples} [-1, D] in the data's units
 *   <li>discriminator: {@code images} or {@code samples}, as G gives them → {@code probability} and
 *       {@code logits}, float32 [-1, 1]
 * </ul>
 *
 * <p>Each export records its {@link GanArchitecture} in {@code assets.extra/architecture.json}.
 *
 * <p>Signature key {@code serving_default}, method {@code tensorflow/serving/predict}, tag {@code
 * serve}. The export is written into a temporary sibling and renamed into place.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * {@code run} and the command line's {@code reexport} use it. Export a trainer's networks with
 * {@code io.github.tfgan.run.ModelExports}.
 */
public final class SavedModelExporter {
  private SavedModelExporter() {}

  /** SavedModel's directory for extra files (our manifest), kept by {@link #reexport}. */
  public static final String ASSETS_EXTRA = "assets.extra";

  /** The file in {@link #ASSETS_EXTRA} that records the model's {@link GanArchitecture}. */
  public static final String ARCHITECTURE_FILE = "architecture.json";

  /**
   * Exports from a live trainer: {@code save} writes its variables (given a checkpoint prefix) into
   * a temporary directory beside {@code dir}; the graph of {@code build} is restored from it and
   * exported, then the checkpoint is deleted. Only the variables the inference graph names are
   * restored, so no optimiser state is exported.
   */
  public static void exportThroughCheckpoint(
      Consumer<Path> save, Function<Graph, Signature> build, Path dir, boolean force)
      throws IOException {
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, ".ckpt-");
    try {
      save.accept(tmp.resolve("ckpt"));
      exportRestored(build, tmp.resolve("ckpt"), dir, force);
    } finally {
      Directories.deleteTree(tmp);
    }
  }

  /**
   * Exports an image classifier ({@link ClassifierSignatures#imageInference}) from a live trainer,
   * as {@link #exportThroughCheckpoint}, with {@code info} in {@code assets.extra/}{@value
   * ClassifierInfo#FILE}.
   */
  public static void exportImageClassifier(
      Consumer<Path> save, ClassifierInfo info, Path dir, boolean force) throws IOException {
    Directories.checkReplaceable(dir.toAbsolutePath(), force);
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, ".ckpt-");
    try {
      save.accept(tmp.resolve("ckpt"));
      Path extras = tmp.resolve(ASSETS_EXTRA);
      info.write(extras.resolve(ClassifierInfo.FILE));
      exportRestored(
          g -> ClassifierSignatures.imageInference(g, info.shape(), info.classes()),
          tmp.resolve("ckpt"),
          dir,
          force,
          extras);
    } finally {
      Directories.deleteTree(tmp);
    }
  }

  /**
   * Exports one of {@code arch}'s networks with the given variable values (layer by layer, kernel
   * then bias, row-major), e.g. the moving average of G's weights, which lives under other names in
   * the training graph. The export carries the architecture in {@value #ARCHITECTURE_FILE}.
   *
   * @param kind {@link Kind#GENERATOR} or {@link Kind#DISCRIMINATOR}
   */
  public static void exportValues(
      GanArchitecture arch, Kind kind, float[][] values, Path dir, boolean force)
      throws IOException {
    NetworkSpec spec = spec(arch, kind);
    Directories.checkReplaceable(dir.toAbsolutePath(), force);
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, ".ckpt-");
    try {
      saveValues(spec, values, tmp.resolve("ckpt"));
      Path extras = tmp.resolve(ASSETS_EXTRA);
      ArchitectureFile.write(extras.resolve(ARCHITECTURE_FILE), arch);
      exportRestored(
          graph -> buildInference(graph, arch, kind), tmp.resolve("ckpt"), dir, force, extras);
    } finally {
      Directories.deleteTree(tmp);
    }
  }

  private static NetworkSpec spec(GanArchitecture arch, Kind kind) {
    return switch (kind) {
      case GENERATOR -> arch.generator();
      case DISCRIMINATOR -> arch.discriminator();
      case CLASSIFIER -> throw new IllegalArgumentException("kind: expected G or D, found " + kind);
    };
  }

  /**
   * Saves a checkpoint at {@code prefix} holding {@code spec}'s variables set to {@code values}: a
   * graph of those variables only, so the export that restores it holds no assign or constant ops.
   */
  private static void saveValues(NetworkSpec spec, float[][] values, Path prefix) {
    try (GraphSession runtime = GraphSession.open()) {
      Ops tf = Ops.create(runtime.graph());
      List<Op> assigns = new ArrayList<>();
      List<Placeholder<TFloat32>> feeds = new ArrayList<>();
      List<Variable<TFloat32>> variables = Network.createForRestore(tf, spec).savedVariables();
      if (variables.size() != values.length) {
        throw new IllegalArgumentException(
            "values: expected " + variables.size() + " arrays, found " + values.length);
      }
      for (Variable<TFloat32> v : variables) {
        Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
        feeds.add(p);
        assigns.add(tf.assign(v, p));
      }
      {
        Session.Runner runner = runtime.runner();
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
          runner.run().close();
        } finally {
          tensors.forEach(TFloat32::close);
        }
        runtime.save(prefix);
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
    exportRestored(build, checkpointPrefix, dir, force, null);
  }

  /** As above, and with a copy of {@code assetsExtra} (when not null) as the export's own. */
  private static void exportRestored(
      Function<Graph, Signature> build,
      Path checkpointPrefix,
      Path dir,
      boolean force,
      Path assetsExtra)
      throws IOException {
    Directories.checkReplaceable(dir.toAbsolutePath(), force);
    Path tmp = Directories.tempSibling(dir);
    try {
      try (GraphSession runtime = GraphSession.open()) {
        Signature signature = runtime.build(build);
        runtime.restore(checkpointPrefix);
        SavedModelBundle.exporter(tmp.toString())
            .withSession(runtime.session())
            .withSignature(signature)
            .export();
      }
      listVariables(tmp.resolve("saved_model.pb"));
      if (assetsExtra != null) {
        Directories.copyInto(assetsExtra, tmp.resolve(ASSETS_EXTRA));
      }
      Directories.commit(tmp, dir, force);
    } finally {
      Directories.deleteTree(tmp);
    }
  }

  /** What an exported model is, by its serving signature. */
  public enum Kind {
    GENERATOR,
    DISCRIMINATOR,
    CLASSIFIER
  }

  /**
   * Rewrites the SavedModel in {@code dir} in this version's format (resource variables listed in
   * the MetaGraph's collections) with the same weights, atomically: what TF 2's loaders, Keras
   * fine-tuning, TFLite and ONNX converters need of an export made by an earlier version.
   *
   * @return what the model is
   * @throws IllegalArgumentException starting with {@code dir} if it holds none of the three kinds
   */
  public static Kind reexport(Path dir) throws IOException {
    Kind kind;
    int noiseDim = 0;
    GanArchitecture recorded = ArchitectureFile.readIfPresent(dir);
    ClassifierInfo classifier = ClassifierInfo.readIfPresent(dir);
    try (SavedModelBundle bundle =
        SavedModelBundle.load(ServingBundles.resolve(dir).toString(), Names.SERVE_TAG)) {
      var signature = bundle.function(Names.SERVING_DEFAULT).signature();
      if (signature.getInputs().containsKey(Names.SIG_Z)) {
        kind = Kind.GENERATOR;
        noiseDim = (int) signature.getInputs().get(Names.SIG_Z).shape.get(1);
      } else if (signature.outputNames().contains(Names.SIG_PROBABILITY)) {
        kind = Kind.DISCRIMINATOR;
      } else if (signature.outputNames().contains("features")) {
        kind = Kind.CLASSIFIER;
      } else {
        throw new IllegalArgumentException(
            dir
                + ": expected a generator, discriminator or classifier, found a model whose"
                + " serving_default gives "
                + signature.outputNames());
      }
    }
    Path model = ServingBundles.resolve(dir);
    Path weights = Files.createTempDirectory(model.toAbsolutePath().getParent(), ".weights-");
    try {
      // the weights (and the manifest, the model's provenance) are copied out first: the export
      // replaces the directory they are in
      Directories.copyInto(model.resolve("variables"), weights.resolve("variables"));
      Path extras = null;
      if (Files.isDirectory(model.resolve(ASSETS_EXTRA))) {
        extras = weights.resolve(ASSETS_EXTRA);
        Directories.copyInto(model.resolve(ASSETS_EXTRA), extras);
      }
      GanArchitecture arch =
          recorded != null ? recorded : GanArchitecture.article(Math.max(noiseDim, 1));
      Kind k = kind;
      Function<Graph, Signature> build =
          k != Kind.CLASSIFIER
              ? g -> buildInference(g, arch, k)
              : classifier == null
                  ? SavedModelExporter::classifierInference
                  : g ->
                      ClassifierSignatures.imageInference(
                          g, classifier.shape(), classifier.classes());
      exportRestored(build, weights.resolve("variables").resolve("variables"), model, true, extras);
    } finally {
      Directories.deleteTree(weights);
    }
    return kind;
  }

  /**
   * Lists every resource variable of the exported graph in the MetaGraph's {@code variables} and
   * {@code trainable_variables} collections, as {@code tf.compat.v1}'s builder does: TF 2's {@code
   * tf.saved_model.load} builds its {@code .variables} from them, and Keras's {@code TFSMLayer(...,
   * trainable=True)} its weights. TF Java's exporter writes no collections. Also adds the signature
   * {@link Names#SERVE}, a copy of {@code serving_default}.
   */
  static void listVariables(Path savedModelPb) throws IOException {
    org.tensorflow.proto.SavedModel.Builder model =
        org.tensorflow.proto.SavedModel.parseFrom(Files.readAllBytes(savedModelPb)).toBuilder();
    for (org.tensorflow.proto.MetaGraphDef.Builder meta : model.getMetaGraphsBuilderList()) {
      org.tensorflow.proto.CollectionDef.BytesList.Builder defs =
          org.tensorflow.proto.CollectionDef.BytesList.newBuilder();
      for (org.tensorflow.proto.NodeDef node : meta.getGraphDef().getNodeList()) {
        if (node.getOp().equals(ServingVariable.HANDLE_OP)) {
          defs.addValue(
              org.tensorflow.proto.VariableDef.newBuilder()
                  .setVariableName(node.getName() + ":0")
                  .setInitialValueName(ServingVariable.initialValue(node.getName()))
                  .setInitializerName(ServingVariable.assign(node.getName()))
                  .setSnapshotName(ServingVariable.read(node.getName()))
                  .setTrainable(true)
                  .setIsResource(true)
                  .build()
                  .toByteString());
        }
      }
      org.tensorflow.proto.CollectionDef collection =
          org.tensorflow.proto.CollectionDef.newBuilder().setBytesList(defs).build();
      meta.putCollectionDef("variables", collection);
      meta.putCollectionDef("trainable_variables", collection);
      // Keras 3's TFSMLayer(path) calls the endpoint "serve" unless told otherwise; Keras's own
      // model.export writes it beside serving_default, with the same inputs and outputs.
      if (meta.containsSignatureDef(Names.SERVING_DEFAULT)) {
        meta.putSignatureDef(Names.SERVE, meta.getSignatureDefOrThrow(Names.SERVING_DEFAULT));
      }
    }
    Files.write(savedModelPb, model.build().toByteArray());
  }

  /**
   * Builds the inference graph of one of {@code arch}'s networks and returns its serving signature:
   * G maps {@code z} to samples in the data's terms ({@link GanArchitecture#scaling}), shaped
   * {@link GanArchitecture#signatureShape}; D takes such samples and gives {@code logits} and
   * {@code probability}.
   */
  public static Signature buildInference(Graph graph, GanArchitecture arch, Kind kind) {
    Ops tf = Ops.create(graph);
    NetworkSpec spec = spec(arch, kind);
    Network network = Network.createForServing(tf, spec);
    String samples = arch.sampleName();
    Signature.Builder sig =
        Signature.builder().key(Names.SERVING_DEFAULT).methodName(Names.PREDICT_METHOD);
    long[] flat = {-1, arch.shape().size()};
    long[] shaped = arch.signatureShape();
    boolean reshape = shaped.length != 2;
    if (kind == Kind.GENERATOR) {
      Placeholder<TFloat32> z =
          tf.withName(Names.SIG_Z)
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.inputDim())));
      Placeholder<TInt32> label = SampleSignatures.labelInput(tf, arch, sig);
      Operand<TFloat32> out = arch.scaling().fromModel(tf, network.apply(tf, z, label));
      if (reshape) {
        out = tf.reshape(out, tf.constant(shaped));
      }
      sig.input(Names.SIG_Z, z).output(samples, tf.withName(samples).identity(out));
    } else {
      Placeholder<TFloat32> x =
          tf.withName(samples).placeholder(TFloat32.class, Placeholder.shape(Shape.of(shaped)));
      Operand<TFloat32> rows = reshape ? tf.reshape(x, tf.constant(flat)) : x;
      Placeholder<TInt32> label = SampleSignatures.labelInput(tf, arch, sig);
      Operand<TFloat32> out = network.apply(tf, arch.scaling().toModel(tf, rows), label);
      sig.input(samples, x);
      sig.output(Names.SIG_LOGITS, tf.withName(Names.SIG_LOGITS).identity(out));
      sig.output(Names.SIG_PROBABILITY, tf.withName(Names.SIG_PROBABILITY).math.sigmoid(out));
    }
    return sig.build();
  }

  /** The classifier's inference graph and its serving signature. */
  public static Signature classifierInference(Graph graph) {
    Ops tf = Ops.create(graph);
    MnistClassifier net = MnistClassifier.createForServing(tf);
    Placeholder<TFloat32> x =
        tf.withName(Names.SIG_IMAGES)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 784)));
    MnistClassifier.Outputs out = net.apply(tf, x);
    return Signature.builder()
        .key(Names.SERVING_DEFAULT)
        .methodName(Names.PREDICT_METHOD)
        .input(Names.SIG_IMAGES, x)
        .output("probabilities", tf.withName("probabilities").nn.softmax(out.logits()))
        .output(Names.SIG_LOGITS, tf.withName(Names.SIG_LOGITS).identity(out.logits()))
        .output("features", tf.withName("features").identity(out.features()))
        .build();
  }
}
