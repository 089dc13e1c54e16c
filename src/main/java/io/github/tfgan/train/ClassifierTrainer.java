package io.github.tfgan.train;

import io.github.tfgan.data.ImageData;
import io.github.tfgan.model.MnistClassifier;
import io.github.tfgan.model.MnistShape;
import io.github.tfgan.model.Tensors;
import io.github.tfgan.runtime.GraphSession;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains the evaluation classifier ({@link MnistClassifier}) in TF Java with Adam on softmax
 * cross-entropy, measures its test accuracy, and exports it as a SavedModel ({@code images} →
 * {@code probabilities}, {@code logits}, {@code features}).
 */
public final class ClassifierTrainer implements AutoCloseable {
  /** Adam learning rate for the classifier. */
  public static final float LEARNING_RATE = 1e-3f;

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ClassifierTrainer.class);

  /** Images per step. */
  public static final int BATCH = 100;

  private final GraphSession runtime;
  private final Placeholder<TFloat32> images;
  private final Placeholder<TInt32> labels;
  private final Operand<TFloat32> logits;
  private final ClassifierStep step;
  private final long seed;

  /** Builds the training graph and initialises the variables from {@code seed}. */
  public ClassifierTrainer(long seed) {
    this.seed = seed;
    runtime = GraphSession.open();
    try {
      Graph graph = runtime.graph();
      Ops tf = Ops.create(graph);
      images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, MnistShape.PIXELS)));
      labels = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      MnistClassifier net = MnistClassifier.create(tf, seed);
      logits = net.apply(tf, images).logits();
      step =
          ClassifierStep.build(
              graph,
              tf,
              MnistClassifier.NAME,
              logits,
              labels,
              MnistClassifier.CLASSES,
              net.variables(),
              LEARNING_RATE);
      runtime.initialize();
    } catch (RuntimeException | Error e) {
      runtime.close(); // session, then graph: a failing constructor neither leaks nor hangs
      throw e;
    }
  }

  /**
   * Trains for {@code epochs} passes over {@code data} (shuffled per epoch from the seed), logging
   * each epoch's mean loss through SLF4J.
   *
   * @return the mean loss of each epoch
   */
  public double[] train(ImageData data, int epochs) {
    double[] meanLoss = new double[epochs];
    BatchSampler sampler = new BatchSampler(data.count(), BATCH, seed);
    int steps = data.count() / BATCH;
    int[] batch = new int[BATCH];
    float[] batchImages = new float[BATCH * MnistShape.PIXELS];
    int[] batchLabels = new int[BATCH];
    for (int epoch = 0; epoch < epochs; epoch++) {
      double lossSum = 0;
      for (int s = 0; s < steps; s++) {
        sampler.indices((long) epoch * steps + s, batch); // the epoch's shuffle, as the GAN's
        for (int b = 0; b < BATCH; b++) {
          int k = batch[b];
          System.arraycopy(
              data.pixels(),
              k * MnistShape.PIXELS,
              batchImages,
              b * MnistShape.PIXELS,
              MnistShape.PIXELS);
          batchLabels[b] = data.labels()[k];
        }
        try (TFloat32 x = Tensors.matrix(batchImages, BATCH, MnistShape.PIXELS)) {
          lossSum += step.run(runtime, images, labels, x, batchLabels);
        }
      }
      meanLoss[epoch] = lossSum / steps;
      LOG.info(String.format(Locale.ROOT, "epoch %d: mean loss %.4f", epoch + 1, meanLoss[epoch]));
    }
    return meanLoss;
  }

  /** Fraction of {@code data} classified correctly. */
  public double accuracy(ImageData data) {
    int correct = 0;
    for (int start = 0; start < data.count(); start += 1000) {
      int m = Math.min(1000, data.count() - start);
      float[] x =
          Arrays.copyOfRange(
              data.pixels(), start * MnistShape.PIXELS, (start + m) * MnistShape.PIXELS);
      try (TFloat32 xt = Tensors.matrix(x, m, MnistShape.PIXELS);
          Result r = runtime.runner().feed(images, xt).fetch(logits).run()) {
        float[] l = Tensors.toArray((TFloat32) r.get(0));
        for (int i = 0; i < m; i++) {
          if (argmax(l, i * 10, 10) == data.labels()[start + i]) {
            correct++;
          }
        }
      }
    }
    return correct / (double) data.count();
  }

  static int argmax(float[] v, int offset, int length) {
    int best = 0;
    for (int i = 1; i < length; i++) {
      if (v[offset + i] > v[offset + best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Saves the classifier's variables (and Adam's) as a checkpoint, e.g. for {@code
   * SavedModelExporter.exportThroughCheckpoint} to export the inference graph from.
   */
  public void saveCheckpoint(Path prefix) {
    runtime.save(prefix);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
