package io.github.tfgan.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam over an explicit variable list, with the exact update of TF1's {@code
 * tf.train.AdamOptimizer} (the {@code ApplyAdam} kernel, "epsilon hat" form):
 *
 * <pre>
 *   t      += 1
 *   lr_t    = lr · sqrt(1 − β2^t) / (1 − β1^t)
 *   m       = β1·m + (1 − β1)·g
 *   v       = β2·v + (1 − β2)·g²
 *   θ      -= lr_t · m / (sqrt(v) + ε)
 * </pre>
 *
 * <p>Why not {@code org.tensorflow.framework.optimizers.Adam}: in TF Java 1.1.0 its learning rate
 * is a float fixed at construction (no decay schedule), it cannot clip gradients before applying
 * them, and its slot and {@code beta1_power} names depend on graph state at construction. This
 * class takes the learning rate and the gradients as operands and names every slot after its
 * variable ({@code <variable>_adam_m}, {@code <variable>_adam_v}, {@code
 * <prefix>_adam_beta1_power}), so that checkpoints are stable and readable from Python.
 */
final class AdamOptimizer {
  private final String prefix;
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private Variable<TFloat32> beta1Power;
  private Variable<TFloat32> beta2Power;

  /** Each variable's moments (m, v), by the variable's op name, created at its first update. */
  private final Map<String, List<Variable<TFloat32>>> moments = new HashMap<>();

  /**
   * @param prefix names this optimiser's own variables; one optimiser per network
   * @param beta1 first-moment decay, in [0, 1)
   * @param beta2 second-moment decay, in (0, 1)
   * @param epsilon added to sqrt(v), > 0
   */
  public AdamOptimizer(String prefix, float beta1, float beta2, float epsilon) {
    this.prefix = prefix;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /**
   * Builds one Adam step: every variable updated from its gradient, then the β powers advanced.
   * Called again (for another way of computing the gradients, say), it builds another step over the
   * same moments and β powers.
   *
   * @param variables the variables to update, and only these
   * @param gradients one gradient per variable, in the same order and shape
   * @param learningRate scalar learning rate (a constant, or an expression of the iteration)
   * @param name name of the returned op, the run target
   * @return an op that runs the whole step
   */
  public Op applyGradients(
      Ops tf,
      List<Variable<TFloat32>> variables,
      List<Operand<TFloat32>> gradients,
      Operand<TFloat32> learningRate,
      String name) {
    if (variables.size() != gradients.size()) {
      throw new IllegalArgumentException(
          "gradients: expected one per variable ("
              + variables.size()
              + "), found "
              + gradients.size());
    }
    Ops init = tf.withInitScope();
    if (beta1Power == null) {
      beta1Power = tf.withName(prefix + "_adam_beta1_power").variable(init.constant(beta1));
      beta2Power = tf.withName(prefix + "_adam_beta2_power").variable(init.constant(beta2));
    }
    Operand<TFloat32> b1 = tf.constant(beta1);
    Operand<TFloat32> b2 = tf.constant(beta2);
    Operand<TFloat32> eps = tf.constant(epsilon);

    // Variables are references updated in place: without this barrier an update could run while
    // another op of the same step still reads the variable (a backward MatMul through a later
    // layer, say), and the step would depend on thread scheduling. Every update waits for every
    // gradient, and every read the gradients need has happened by then.
    Ops afterGradients = tf.withControlDependencies(new ArrayList<Op>(gradients));
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> var = variables.get(i);
      String varName = var.op().name();
      List<Variable<TFloat32>> mv =
          moments.computeIfAbsent(
              varName,
              n ->
                  List.of(
                      tf.withName(n + "_adam_m").variable(zerosLike(init, var)),
                      tf.withName(n + "_adam_v").variable(zerosLike(init, var))));
      Variable<TFloat32> m = mv.get(0);
      Variable<TFloat32> v = mv.get(1);
      updates.add(
          afterGradients.train.applyAdam(
              var, m, v, beta1Power, beta2Power, learningRate, b1, b2, eps, gradients.get(i)));
    }
    Ops afterUpdates = tf.withControlDependencies(updates);
    Op advance1 = afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, b1));
    Op advance2 = afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, b2));
    return tf.withControlDependencies(List.of(advance1, advance2)).withName(name).noOp();
  }

  private static Operand<TFloat32> zerosLike(Ops init, Variable<TFloat32> var) {
    return init.zeros(init.constant(var.shape().asArray()), TFloat32.class);
  }
}
