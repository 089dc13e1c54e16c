package io.github.tfgan.train;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.runtime.GraphSession;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A classifier's training step: the mean softmax cross-entropy of its logits against one-hot
 * labels, and one TF1 Adam update (default β1, β2, ε) over its variables, named {@code
 * classifier_train}. Both classifiers (MNIST's and {@link ImageClassifierTrainer}'s) build it.
 *
 * @param loss the batch's mean cross-entropy
 * @param train the Adam update
 */
record ClassifierStep(Operand<TFloat32> loss, Op train) {

  /**
   * Runs one step on a batch, feeding {@code x} to {@code images} and {@code batchLabels} to {@code
   * labels}.
   *
   * @return the batch's loss (as the step computed it, before its update)
   */
  float run(
      GraphSession runtime,
      Placeholder<TFloat32> images,
      Placeholder<TInt32> labels,
      TFloat32 x,
      int[] batchLabels) {
    try (TInt32 y = TInt32.vectorOf(batchLabels);
        Result r =
            runtime.runner().feed(images, x).feed(labels, y).addTarget(train).fetch(loss).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  static ClassifierStep build(
      Graph graph,
      Ops tf,
      String name,
      Operand<TFloat32> logits,
      Operand<TInt32> labels,
      int classes,
      List<Variable<TFloat32>> vars,
      float learningRate) {
    Operand<TFloat32> oneHot =
        tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
    Operand<TFloat32> loss =
        tf.math.mean(
            tf.nn.softmaxCrossEntropyWithLogits(logits, tf.stopGradient(oneHot)).loss(),
            tf.constant(0));
    Output<?>[] grads =
        graph.addGradients(
            loss.asOutput(), vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new));
    List<Operand<TFloat32>> typed = new ArrayList<>();
    for (Output<?> g : grads) {
      @SuppressWarnings("unchecked")
      Output<TFloat32> t = (Output<TFloat32>) g;
      typed.add(t);
    }
    Op train =
        new AdamOptimizer(
                name,
                GanConfig.TF1_ADAM_BETA1,
                GanConfig.TF1_ADAM_BETA2,
                GanConfig.TF1_ADAM_EPSILON)
            .applyGradients(tf, vars, typed, tf.constant(learningRate), "classifier_train");
    return new ClassifierStep(loss, train);
  }
}
