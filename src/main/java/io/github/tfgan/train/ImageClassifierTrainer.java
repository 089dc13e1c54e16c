package io.github.tfgan.train;

import io.github.tfgan.data.Dataset;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.ImageClassifier;
import io.github.tfgan.model.SeedStreams;
import io.github.tfgan.runtime.GraphSession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains an {@link ImageClassifier} for labelled images of any shape in TF Java, with Adam on
 * softmax cross-entropy, as {@link ClassifierTrainer} trains MNIST's: batches drawn from a list of
 * sample indices (the training split of {@link #split}), accuracy measured on another (the
 * validation split). Images are read as the data set gives them ({@link Dataset#read}): pixels in
 * [0, 1], or floats in the data's units, as the GAN's generator gives them back.
 */
public final class ImageClassifierTrainer implements AutoCloseable {
  /** Images per step (fewer when the training split is smaller). */
  public static final int BATCH = ClassifierTrainer.BATCH;

  /** The share of the data held out for validation by {@link #split}. */
  public static final double VALIDATION_SHARE = 0.1;

  /** Validation images at most, whatever the data's size. */
  public static final int MAX_VALIDATION = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(ImageClassifierTrainer.class);

  /**
   * Grappler's remapper would fuse conv, bias and LeakyReLU, whose separate outputs the gradients
   * read; it gives up with an error line on every session, so it is off.
   */
  private static final ConfigProto SESSION =
      ConfigProto.newBuilder()
          .setGraphOptions(
              GraphOptions.newBuilder()
                  .setRewriteOptions(
                      RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF)))
          .build();

  private final GraphSession runtime;
  private final DataShape shape;
  private final int classes;
  private final Placeholder<TFloat32> images;
  private final Placeholder<TInt32> labels;
  private final Operand<TFloat32> logits;
  private final ClassifierStep step;
  private final long seed;

  /**
   * Builds the training graph and initialises the variables from {@code seed}.
   *
   * @throws IllegalArgumentException if {@code shape} is no image or {@code classes} is below 2
   */
  public ImageClassifierTrainer(DataShape shape, int classes, long seed) {
    ImageClassifier.check(shape, classes);
    this.shape = shape;
    this.classes = classes;
    this.seed = seed;
    runtime = GraphSession.open(SESSION);
    try {
      Graph graph = runtime.graph();
      Ops tf = Ops.create(graph);
      images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape.withBatch(-1))));
      labels = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      ImageClassifier net = ImageClassifier.create(tf, shape, classes, seed);
      logits = net.apply(tf, images).logits();
      step =
          ClassifierStep.build(
              graph,
              tf,
              ImageClassifier.NAME,
              logits,
              labels,
              classes,
              net.variables(),
              ClassifierTrainer.LEARNING_RATE);
      runtime.initialize();
    } catch (RuntimeException | Error e) {
      runtime.close();
      throw e;
    }
  }

  /** The training and validation indices of a data set, as {@link #split} cuts them. */
  public record Split(int[] training, int[] validation) {}

  /**
   * Cuts {@code size} samples into a training and a validation split: a seeded permutation, the
   * last {@value #VALIDATION_SHARE} (at least 1, at most {@value #MAX_VALIDATION}) for validation.
   *
   * @throws IllegalArgumentException if {@code size} is below 2 or above 2^31 − 1
   */
  public static Split split(long size, long seed) {
    if (size < 2 || size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "size: expected 2 to " + Integer.MAX_VALUE + " samples, found " + size);
    }
    int n = (int) size;
    int[] order = permutation(n, new SeedStreams(seed).generator(SeedStreams.SHUFFLE, -1));
    int held = (int) Math.max(1, Math.min(MAX_VALIDATION, Math.round(n * VALIDATION_SHARE)));
    return new Split(
        Arrays.copyOfRange(order, 0, n - held), Arrays.copyOfRange(order, n - held, n));
  }

  static int[] permutation(int n, SeedStreams.Generator random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /**
   * Trains for {@code epochs} passes over the samples {@code indices} of {@code data} (shuffled per
   * epoch from the seed), logging each epoch's mean loss.
   *
   * @return the mean loss of each epoch
   * @throws IllegalArgumentException if the data's shape, classes or labels do not fit
   */
  public double[] train(Dataset data, int[] indices, int epochs) {
    checkData(data);
    if (indices.length == 0) {
      throw new IllegalArgumentException("indices: expected at least one sample, found none");
    }
    int batchSize = Math.min(BATCH, indices.length);
    BatchSampler sampler = new BatchSampler(indices.length, batchSize, seed);
    int steps = indices.length / batchSize;
    int[] batch = new int[batchSize];
    int d = shape.size();
    float[] batchImages = new float[batchSize * d];
    int[] batchLabels = new int[batchSize];
    double[] meanLoss = new double[epochs];
    for (int epoch = 0; epoch < epochs; epoch++) {
      double lossSum = 0;
      for (int s = 0; s < steps; s++) {
        sampler.indices((long) epoch * steps + s, batch);
        for (int b = 0; b < batchSize; b++) {
          int k = indices[batch[b]];
          data.read(k, batchImages, b * d);
          batchLabels[b] = data.label(k);
        }
        try (TFloat32 x = tensor(batchImages, batchSize)) {
          lossSum += step.run(runtime, images, labels, x, batchLabels);
        }
      }
      meanLoss[epoch] = lossSum / steps;
      LOG.info(String.format(Locale.ROOT, "epoch %d: mean loss %.4f", epoch + 1, meanLoss[epoch]));
    }
    return meanLoss;
  }

  /** Fraction of the samples {@code indices} of {@code data} classified correctly. */
  public double accuracy(Dataset data, int[] indices) {
    checkData(data);
    int d = shape.size();
    int correct = 0;
    int chunk = 500;
    float[] x = new float[chunk * d];
    for (int start = 0; start < indices.length; start += chunk) {
      int m = Math.min(chunk, indices.length - start);
      for (int i = 0; i < m; i++) {
        data.read(indices[start + i], x, i * d);
      }
      try (TFloat32 xt = tensor(Arrays.copyOf(x, m * d), m);
          Result r = runtime.runner().feed(images, xt).fetch(logits).run()) {
        float[] l = new float[m * classes];
        ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(l);
        for (int i = 0; i < m; i++) {
          if (ClassifierTrainer.argmax(l, i * classes, classes) == data.label(indices[start + i])) {
            correct++;
          }
        }
      }
    }
    return indices.length == 0 ? Double.NaN : correct / (double) indices.length;
  }

  private void checkData(Dataset data) {
    if (!data.shape().equals(shape)) {
      throw new IllegalArgumentException(
          data.source()
              + ": expected images of shape "
              + shape
              + " (the classifier's), found "
              + data.shape());
    }
    if (!data.hasLabels() || data.classes() != classes) {
      throw new IllegalArgumentException(
          data.source()
              + ": expected labels of "
              + classes
              + " classes (the classifier's), found "
              + (data.hasLabels() ? data.classes() + " classes" : "no labels"));
    }
  }

  private TFloat32 tensor(float[] values, int rows) {
    return TFloat32.tensorOf(Shape.of(shape.withBatch(rows)), DataBuffers.of(values, true, false));
  }

  /** The image shape trained on. */
  public DataShape shape() {
    return shape;
  }

  /** Number of classes. */
  public int classes() {
    return classes;
  }

  /** Saves the classifier's variables (and Adam's) as a checkpoint, for the export. */
  public void saveCheckpoint(Path prefix) {
    runtime.save(prefix);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
