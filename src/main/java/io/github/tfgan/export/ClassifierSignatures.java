package io.github.tfgan.export;

import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.ImageClassifier;
import io.github.tfgan.model.Names;
import org.tensorflow.Graph;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The serving graph of an {@link ImageClassifier}: {@code images} float32 {@code [-1, H, W, C]} (as
 * the data set and the generator give them: pixels in [0, 1]) → {@code probabilities} {@code [-1,
 * K]}, {@code logits} {@code [-1, K]} and {@code features} {@code [-1, 128]}.
 */
final class ClassifierSignatures {
  /** Output name of the class probabilities. */
  static final String PROBABILITIES = "probabilities";

  /** Output name of the penultimate features. */
  static final String FEATURES = "features";

  private ClassifierSignatures() {}

  /** Builds the inference graph of a classifier of {@code shape} and {@code classes} classes. */
  static Signature imageInference(Graph graph, DataShape shape, int classes) {
    Ops tf = Ops.create(graph);
    ImageClassifier net = ImageClassifier.createForServing(tf, shape, classes);
    Placeholder<TFloat32> x =
        tf.withName(Names.SIG_IMAGES)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape.withBatch(-1))));
    ImageClassifier.Outputs out = net.apply(tf, x);
    return Signature.builder()
        .key(Names.SERVING_DEFAULT)
        .methodName(Names.PREDICT_METHOD)
        .input(Names.SIG_IMAGES, x)
        .output(PROBABILITIES, tf.withName(PROBABILITIES).nn.softmax(out.logits()))
        .output(Names.SIG_LOGITS, tf.withName(Names.SIG_LOGITS).identity(out.logits()))
        .output(FEATURES, tf.withName(FEATURES).identity(out.features()))
        .build();
  }
}
