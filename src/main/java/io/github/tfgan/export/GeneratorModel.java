package io.github.tfgan.export;

import io.github.tfgan.io.Errors;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.Names;
import io.github.tfgan.model.SeedStreams;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.proto.ConfigProto;

/**
 * An exported generator, ready to generate; it runs through a {@link SignatureModel}, so it is safe
 * under concurrent calls. Close it to free the graph and session.
 */
public final class GeneratorModel implements AutoCloseable {
  private final SignatureModel model;
  private final int noiseDim;
  private final String output;
  private final DataShape sampleShape;
  private final boolean conditional;
  private int classes;

  private GeneratorModel(SignatureModel model) {
    this.model = model;
    SignatureModel.SignatureInfo signature = model.signature(Names.SERVING_DEFAULT);
    var inputs = signature.inputs();
    if (!inputs.containsKey(Names.SIG_Z)) {
      throw new IllegalArgumentException(
          "a model whose serving_default takes " + inputs.keySet() + " (no input 'z')");
    }
    long[] zShape = inputs.get(Names.SIG_Z).shape();
    if (zShape == null || zShape.length != 2 || zShape[1] <= 0) {
      throw new IllegalArgumentException(
          "a model whose input 'z' has the shape "
              + inputs.get(Names.SIG_Z).shapeText()
              + " (not [-1, width])");
    }
    this.noiseDim = (int) zShape[1];
    this.conditional = inputs.containsKey(Names.SIG_LABEL);
    var outputs = signature.outputs();
    if (outputs.containsKey(Names.SIG_IMAGES)) {
      output = Names.SIG_IMAGES;
    } else if (outputs.containsKey(Names.SIG_SAMPLES)) {
      output = Names.SIG_SAMPLES;
    } else {
      throw new IllegalArgumentException(
          "a model whose serving_default gives "
              + outputs.keySet()
              + " (no 'images' or 'samples')");
    }
    long[] outShape = outputs.get(output).shape();
    if (outShape == null) {
      throw new IllegalArgumentException(
          "a model whose serving_default gives '" + output + "' of unknown rank");
    }
    this.sampleShape = SampleSignatures.shapeOf(output, outShape);
  }

  /**
   * The shape of one generated sample: an image {@code [H, W, C]} with values in [0, 1], or a
   * vector {@code [D]} in the data's units.
   */
  public DataShape sampleShape() {
    return sampleShape;
  }

  /**
   * Loads an exported generator.
   *
   * @param dir a SavedModel directory, or a TF Serving base path (its highest version is loaded)
   * @throws IllegalArgumentException starting with {@code dir} if it holds no generator SavedModel
   */
  public static GeneratorModel load(Path dir) {
    return load(dir, null);
  }

  /**
   * Loads an exported generator into a session configured by {@code config}: its thread pools
   * ({@code intra_op_parallelism_threads}, {@code inter_op_parallelism_threads}), say, as a Spark
   * executor sizes them to its cores.
   *
   * @param dir a SavedModel directory, or a TF Serving base path (its highest version is loaded)
   * @param config the session's configuration; null for TensorFlow's defaults
   * @throws IllegalArgumentException starting with {@code dir} if it holds no generator SavedModel
   */
  public static GeneratorModel load(Path dir, ConfigProto config) {
    SignatureModel model = SignatureModel.load(dir, config);
    GeneratorModel g;
    try {
      g = new GeneratorModel(model);
    } catch (RuntimeException e) {
      model.close();
      throw new IllegalArgumentException(
          model.path()
              + ": expected a generator (serving_default with input z), found "
              + Errors.describe(e),
          e);
    }
    try {
      GanArchitecture arch = ArchitectureFile.readIfPresent(dir);
      g.classes = arch == null ? 0 : arch.classes();
    } catch (java.io.IOException | RuntimeException e) {
      model.close();
      throw new IllegalArgumentException(dir + ": " + e.getMessage(), e);
    }
    return g;
  }

  /**
   * Whether this generator is class-conditional: its signature takes a {@value Names#SIG_LABEL} per
   * row beside z, and {@link #generate(float[], int[])} gives samples of those classes.
   */
  public boolean isConditional() {
    return conditional;
  }

  /** How many classes a conditional generator takes (from its architecture); 0 if unconditional. */
  public int classes() {
    return classes;
  }

  /** Width of z. */
  public int noiseDim() {
    return noiseDim;
  }

  /**
   * Standard-normal noise, {@code n × noiseDim}: rows 0 to n − 1 of {@link #noise(long, int,
   * long)}, the same on every JDK.
   */
  public float[] noise(int n, long seed) {
    return noise(0, n, seed);
  }

  /**
   * Standard-normal noise of rows {@code [first, first + n)}, {@code n × noiseDim} row-major. Row
   * {@code i} has a stream of its own, {@link SeedStreams#EXPORTED_NOISE} of {@code seed} at index
   * {@code i}, so any range of rows is computed without the rows before it (a Spark partition, a
   * shard of a larger set) and equals the same rows of one long call: {@code noise(first, n, seed)}
   * is rows {@code first..first+n-1} of {@code noise(first + n, seed)}.
   *
   * @param first the index of the first row, ≥ 0
   * @param n how many rows, ≥ 1
   * @throws IllegalArgumentException if {@code first} is negative, {@code n} is not positive, or
   *     the rows would not fit one array
   */
  public float[] noise(long first, int n, long seed) {
    if (first < 0) {
      throw new IllegalArgumentException("first: expected a row index ≥ 0, found " + first);
    }
    if (n <= 0) {
      throw new IllegalArgumentException("n: expected a positive number, found " + n);
    }
    if (first > Long.MAX_VALUE - n) {
      throw new IllegalArgumentException(
          "first: expected rows first..first+n-1 to be indices below 2^63, found first " + first);
    }
    if ((long) n * noiseDim > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "n: expected at most "
              + (Integer.MAX_VALUE - 8) / noiseDim
              + " rows of "
              + noiseDim
              + " floats in one array, found "
              + n);
    }
    SeedStreams streams = new SeedStreams(seed);
    float[] z = new float[n * noiseDim];
    float[] row = new float[noiseDim];
    for (int r = 0; r < n; r++) {
      streams.fillGaussian(SeedStreams.EXPORTED_NOISE, first + r, row);
      System.arraycopy(row, 0, z, r * noiseDim, noiseDim);
    }
    return z;
  }

  /**
   * {@code n} samples from the noise of {@code seed} ({@link #noise(long, int, long)}); a
   * conditional generator's row i has class i mod {@link #classes()}, so that every class has its
   * share.
   */
  public float[] sample(int n, long seed) {
    float[] z = noise(n, seed);
    if (!conditional) {
      return generate(z);
    }
    if (classes <= 0) {
      throw new IllegalArgumentException(
          "label: a conditional generator without its architecture file needs labels; use"
              + " generate(z, labels)");
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
    }
    return generate(z, labels);
  }

  /** Receives one batch of generated images. */
  @FunctionalInterface
  public interface BatchSink {
    /**
     * @param images {@code rows × sampleShape().size()} floats, row-major
     */
    void accept(float[] images, int rows) throws java.io.IOException;
  }

  /**
   * Generates {@code count} images from the noise of {@code seed} ({@link #noise(long, int,
   * long)}), {@code batch} at a time, so that memory stays bounded at any count; the images equal
   * {@code generate(noise(count, seed))}.
   */
  public void generate(long count, long seed, int batch, BatchSink sink)
      throws java.io.IOException {
    generate(count, seed, batch, null, sink);
  }

  /**
   * As {@link #generate(long, long, int, BatchSink)}, for a conditional generator: row {@code i}
   * (0-based, over all batches) has class {@code labelOf.applyAsInt(i)}.
   *
   * @param labelOf the class of each row; null for an unconditional generator
   */
  public void generate(
      long count,
      long seed,
      int batch,
      java.util.function.LongToIntFunction labelOf,
      BatchSink sink)
      throws java.io.IOException {
    if (count <= 0 || batch <= 0) {
      throw new IllegalArgumentException(
          "count, batch: expected positive numbers, found " + count + ", " + batch);
    }
    for (long done = 0; done < count; ) {
      int rows = (int) Math.min(batch, count - done);
      float[] z = noise(done, rows, seed);
      if (labelOf == null) {
        sink.accept(generate(z), rows);
      } else {
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
          labels[i] = labelOf.applyAsInt(done + i);
        }
        sink.accept(generate(z, labels), rows);
      }
      done += rows;
    }
  }

  /**
   * Generates samples.
   *
   * @param z {@code n × noiseDim} floats, row-major
   * @return {@code n × sampleShape().size()} floats, row-major (HWC for images): pixels in [0, 1],
   *     or vectors in the data's units
   */
  public float[] generate(float[] z) {
    if (conditional) {
      throw new IllegalArgumentException(
          "label: this generator is class-conditional; expected a label per row"
              + " (generate(z, labels), or --label on the command line), found none");
    }
    return generate(z, null);
  }

  /**
   * Generates samples of the given classes with a conditional generator; with null labels, as
   * {@link #generate(float[])}.
   *
   * @param labels one class per row of z, each in [0, {@link #classes()})
   */
  public float[] generate(float[] z, int[] labels) {
    if (model.isClosed()) {
      throw new IllegalStateException("GeneratorModel: used after close()");
    }
    if (z.length == 0 || z.length % noiseDim != 0) {
      throw new IllegalArgumentException(
          "z: expected a positive multiple of " + noiseDim + " floats, found " + z.length);
    }
    for (int i = 0; i < z.length; i++) {
      if (!Float.isFinite(z[i])) {
        throw new IllegalArgumentException(
            "z: expected finite values, found "
                + z[i]
                + " at row "
                + i / noiseDim
                + ", column "
                + i % noiseDim);
      }
    }
    int n = z.length / noiseDim;
    HostTensor zt = HostTensor.ofFloats(new long[] {n, noiseDim}, z);
    Map<String, HostTensor> inputs;
    if (labels == null) {
      inputs = Map.of(Names.SIG_Z, zt);
    } else {
      SampleSignatures.checkLabels(labels, n, conditional, classes);
      inputs = Map.of(Names.SIG_Z, zt, Names.SIG_LABEL, HostTensor.ofInts(new long[] {n}, labels));
    }
    return model.run(Names.SERVING_DEFAULT, inputs).get(output).floats();
  }

  /** Frees the graph and session, once the calls in flight are done. Idempotent. */
  @Override
  public void close() {
    model.close();
  }
}
