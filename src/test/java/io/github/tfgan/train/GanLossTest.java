package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.LossKind;
import io.github.tfgan.model.Tensors;
import io.github.tfgan.runtime.GraphSession;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Every part of every loss ({@link GanLoss}) on fixed logits against the formulas computed in plain
 * Java: the value (a sum over the logits divided by the whole batch), the gradient with respect to
 * each logit, and σ(logit) for the metrics. The logits include the hinge's kinks, ±1, where the
 * gradient is 0 as TensorFlow's relu's.
 */
class GanLossTest {
  private static final float[] LOGITS = {-4f, -1.5f, -1f, -0.25f, 0f, 0.5f, 1f, 2.5f};

  /** The batch the parts divide by: twice the rows here, as one of two shards. */
  private static final int BATCH = 2 * LOGITS.length;

  static Stream<Arguments> lossesAndLabels() {
    return Stream.of(LossKind.values())
        .flatMap(
            l ->
                l.hasRealLabel()
                    ? Stream.of(Arguments.of(l, 1f), Arguments.of(l, 0.9f))
                    : Stream.of(Arguments.of(l, 1f)));
  }

  @ParameterizedTest
  @MethodSource("lossesAndLabels")
  void valuesAndGradientsAreThePapersFormulas(LossKind kind, float realLabel) {
    double t = realLabel;
    List<Formula> expected =
        switch (kind) {
          case STANDARD ->
              List.of(
                  new Formula(x -> softplus(x) - t * x, x -> sigmoid(x) - t),
                  new Formula(GanLossTest::softplus, GanLossTest::sigmoid),
                  new Formula(x -> softplus(x) - x, x -> sigmoid(x) - 1));
          case MINIMAX ->
              List.of(
                  new Formula(
                      x -> -t * Math.log(sigmoid(x)) - (1 - t) * Math.log(1 - sigmoid(x)),
                      x -> sigmoid(x) - t),
                  new Formula(x -> -Math.log(1 - sigmoid(x)), GanLossTest::sigmoid),
                  new Formula(x -> Math.log(1 - sigmoid(x)), x -> -sigmoid(x)));
          case LEAST_SQUARES ->
              List.of(
                  new Formula(x -> 0.5 * (x - t) * (x - t), x -> x - t),
                  new Formula(x -> 0.5 * x * x, x -> x),
                  new Formula(x -> 0.5 * (x - 1) * (x - 1), x -> x - 1));
          case HINGE ->
              List.of(
                  new Formula(x -> Math.max(0, 1 - x), x -> x < 1 ? -1 : 0),
                  new Formula(x -> Math.max(0, 1 + x), x -> x > -1 ? 1 : 0),
                  new Formula(x -> -x, x -> -1));
          case WASSERSTEIN ->
              List.of(
                  new Formula(x -> -x, x -> -1),
                  new Formula(x -> x, x -> 1),
                  new Formula(x -> -x, x -> -1));
        };
    GanConfig config = GanConfig.builder().loss(kind).realLabel(realLabel).build();
    try (GraphSession gs = GraphSession.open()) {
      List<LogitLoss> parts =
          gs.build(
              graph -> {
                Ops tf = Ops.create(graph);
                GanLoss loss = new GanLoss(tf, config, BATCH);
                Operand<TFloat32> logits =
                    tf.reshape(tf.constant(LOGITS), tf.constant(new long[] {LOGITS.length, 1}));
                return List.of(
                    loss.discriminatorReal(logits),
                    loss.discriminatorFake(logits),
                    loss.generator(logits));
              });
      String[] names = {"D real", "D fake", "G"};
      for (int p = 0; p < parts.size(); p++) {
        LogitLoss part = parts.get(p);
        Session.Runner runner = gs.runner();
        runner.fetch(part.value()).fetch(part.gradient()).fetch(part.probabilities());
        try (Result r = runner.run()) {
          float value = ((TFloat32) r.get(0)).getFloat();
          float[] gradient = Tensors.toArray((TFloat32) r.get(1));
          float[] probabilities = Tensors.toArray((TFloat32) r.get(2));
          String what = kind.cliName() + " (real label " + realLabel + "), " + names[p];
          double sum = 0;
          for (int i = 0; i < LOGITS.length; i++) {
            double x = LOGITS[i];
            sum += expected.get(p).value().applyAsDouble(x);
            assertEquals(
                expected.get(p).gradient().applyAsDouble(x) / BATCH,
                gradient[i],
                1e-6,
                what + ": gradient at " + x);
            assertEquals(sigmoid(x), probabilities[i], 1e-6, what + ": σ at " + x);
          }
          assertEquals(sum / BATCH, value, 1e-6, what + ": value");
        }
      }
    }
  }

  /** A part's value and its derivative, per logit. */
  private record Formula(DoubleUnaryOperator value, DoubleUnaryOperator gradient) {}

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }
}
