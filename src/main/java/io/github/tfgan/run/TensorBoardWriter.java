package io.github.tfgan.run;

import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.Tensors;
import io.github.tfgan.runtime.GraphSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Writes TensorBoard event files with TensorFlow's own summary ops, in a small graph and session of
 * its own: scalars (losses, D(x), D(G(z)), learning rate, iterations/s) and the fixed-noise sample
 * grid as an image. {@code tensorboard --logdir RUN_DIR} shows them.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * a test outside this package uses it ({@link TrainingRun} writes the event files).
 */
public final class TensorBoardWriter implements AutoCloseable {
  /** The scalar tags, in the order {@link #scalars} takes their values. */
  public static final List<String> SCALAR_TAGS =
      List.of(
          "loss/discriminator",
          "loss/generator",
          "D(x)",
          "D(G(z))",
          "learning_rate",
          "iterations_per_second");

  /** The image tag of the sample grid. */
  public static final String SAMPLES_TAG = "samples";

  private final GraphSession runtime;
  private final Placeholder<TInt64> step;
  private final List<Placeholder<TFloat32>> values = new ArrayList<>();
  private final Op writeScalars;
  private final Placeholder<TFloat32> grid;
  private final Op writeImage;
  private final Placeholder<org.tensorflow.types.TString> graphDef;
  private final Op writeGraph;

  /**
   * SummaryMetadata {plugin_data {plugin_name: "images"}, data_class: DATA_CLASS_BLOB_SEQUENCE},
   * serialized by hand (TF Java carries no class for it): what TensorBoard's image dashboard reads.
   */
  private static final String IMAGES_PLUGIN_METADATA =
      new String(
          new byte[] {0x0A, 0x08, 0x0A, 0x06, 'i', 'm', 'a', 'g', 'e', 's', 0x20, 0x03},
          java.nio.charset.StandardCharsets.ISO_8859_1);

  private final Op flush;
  private final int gridSide;
  private final DataShape shape;
  private boolean closed;

  /**
   * @param logDir where the event file goes (created if needed)
   * @param gridImages images per sample grid (a square number gives a square grid)
   */
  public TensorBoardWriter(Path logDir, int gridImages) {
    this(logDir, gridImages, DataShape.MNIST);
  }

  /**
   * A writer whose sample grids hold images of {@code shape} (grey or RGB); a vector shape writes
   * no images.
   */
  public TensorBoardWriter(Path logDir, int gridImages, DataShape shape) {
    this.shape = shape;
    runtime = GraphSession.open();
    try {
      Ops tf = Ops.create(runtime.graph());
      Op writer = tf.summary.summaryWriter();
      Op create =
          tf.summary.createSummaryFileWriter(
              (org.tensorflow.Operand<?>) writer,
              tf.constant(logDir.toAbsolutePath().toString()),
              tf.constant(10),
              tf.constant(10_000),
              tf.constant(".tfjavagan"));
      step = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
      List<Op> writes = new ArrayList<>();
      for (String tag : SCALAR_TAGS) {
        Placeholder<TFloat32> v = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        values.add(v);
        writes.add(
            tf.summary.writeScalarSummary(
                (org.tensorflow.Operand<?>) writer, step, tf.constant(tag), v));
      }
      writeScalars = tf.withControlDependencies(writes).noOp();
      gridSide = (int) Math.ceil(Math.sqrt(gridImages));
      if (shape.isImage()) {
        int h = shape.height();
        int w = shape.width();
        int c = shape.channels();
        // [n, H·W·C] in [0, 1] → a gridSide × gridSide mosaic, uint8 [gridSide·H, gridSide·W, C]
        grid =
            tf.placeholder(
                TFloat32.class, Placeholder.shape(Shape.of(gridSide * gridSide, shape.size())));
        var tiles = tf.reshape(grid, tf.constant(new long[] {gridSide, gridSide, h, w, c}));
        var mosaic =
            tf.reshape(
                tf.linalg.transpose(tiles, tf.constant(new int[] {0, 2, 1, 3, 4})),
                tf.constant(new long[] {(long) gridSide * h, (long) gridSide * w, c}));
        var pixels =
            tf.dtypes.cast(
                tf.math.round(
                    tf.math.mul(
                        tf.clipByValue(mosaic, tf.constant(0f), tf.constant(1f)),
                        tf.constant(255f))),
                TUint8.class);
        // As TF 2's tf.summary.image writes it: tag "samples" as given, a [width, height, PNG]
        // string tensor and the images plugin's metadata.
        var png = tf.image.encodePng(pixels);
        var blob =
            tf.stack(
                List.of(
                    tf.constant(Integer.toString(gridSide * w)),
                    tf.constant(Integer.toString(gridSide * h)),
                    png));
        writeImage =
            tf.summary.writeSummary(
                (org.tensorflow.Operand<?>) writer,
                step,
                blob,
                tf.constant(SAMPLES_TAG),
                tf.constant(java.nio.charset.StandardCharsets.ISO_8859_1, IMAGES_PLUGIN_METADATA));
      } else {
        grid = null;
        writeImage = null;
      }
      graphDef =
          tf.placeholder(org.tensorflow.types.TString.class, Placeholder.shape(Shape.scalar()));
      writeGraph = tf.summary.writeGraphSummary((org.tensorflow.Operand<?>) writer, step, graphDef);
      flush = tf.summary.flushSummaryWriter((org.tensorflow.Operand<?>) writer);
      run(create); // once: the writer resource lives as long as the session
    } catch (RuntimeException | Error e) {
      runtime.close(); // session, then graph: a failing constructor neither leaks nor hangs
      throw e;
    }
  }

  /** Writes one value per {@link #SCALAR_TAGS} entry at {@code iteration}. */
  public void scalars(long iteration, float... v) {
    if (v.length != SCALAR_TAGS.size()) {
      throw new IllegalArgumentException(
          "values: expected " + SCALAR_TAGS.size() + ", found " + v.length);
    }
    List<TFloat32> tensors = new ArrayList<>();
    try (TInt64 s = TInt64.scalarOf(iteration)) {
      Session.Runner runner = runtime.runner().feed(step, s).addTarget(writeScalars);
      for (int i = 0; i < v.length; i++) {
        TFloat32 t = TFloat32.scalarOf(v[i]);
        tensors.add(t);
        runner.feed(values.get(i), t);
      }
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /**
   * Writes the sample grid ({@code n × H·W·C} floats in [0, 1]) at {@code iteration}; nothing for
   * vector data.
   */
  public void samples(long iteration, float[] images) {
    if (writeImage == null) {
      return;
    }
    float[] padded = java.util.Arrays.copyOf(images, gridSide * gridSide * shape.size());
    try (TInt64 s = TInt64.scalarOf(iteration);
        TFloat32 g = Tensors.matrix(padded, gridSide * gridSide, shape.size())) {
      runtime.runner().feed(step, s).feed(grid, g).addTarget(writeImage).run().close();
    }
  }

  /**
   * Writes a graph for TensorBoard's Graphs tab.
   *
   * @param serialized a serialized {@code GraphDef}
   */
  public void graph(byte[] serialized) {
    try (TInt64 s = TInt64.scalarOf(0);
        org.tensorflow.types.TString g =
            org.tensorflow.types.TString.tensorOfBytes(
                org.tensorflow.ndarray.NdArrays.scalarOfObject(serialized))) {
      runtime.runner().feed(step, s).feed(graphDef, g).addTarget(writeGraph).run().close();
    }
  }

  /** Flushes pending events to disk. */
  public void flush() {
    run(flush);
  }

  private void run(Op target) {
    try (Result r = runtime.runner().addTarget(target).run()) {
      // a target only: nothing to fetch, the result is closed here
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        flush();
      } finally {
        runtime.close();
      }
    }
  }
}
