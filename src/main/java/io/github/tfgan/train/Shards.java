package io.github.tfgan.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A batch split into shards along its rows, so that each shard's forward and backward passes are op
 * chains of their own, which TensorFlow's inter-op threads run side by side; per-shard results are
 * added up. With one shard nothing is split or added, and the graph is the unsharded one.
 */
final class Shards {
  private Shards() {}

  /**
   * The largest count up to {@code wanted} that divides {@code batch} (1 when none above 1 does),
   * so that every shard has the same number of rows.
   */
  static int count(int wanted, int batch) {
    for (int n = Math.min(wanted, batch); n > 1; n--) {
      if (batch % n == 0) {
        return n;
      }
    }
    return 1;
  }

  /** {@code x} split into {@code n} equal row blocks; {@code x} itself when {@code n} is 1. */
  static <T extends org.tensorflow.types.family.TType> List<Operand<T>> split(
      Ops tf, Operand<T> x, int n) {
    if (x == null) {
      return null;
    }
    if (n == 1) {
      return List.of(x);
    }
    return new ArrayList<>(tf.split(tf.constant(0), x, (long) n).output());
  }

  /** The sum of {@code terms}: the one term itself, else their {@code AddN}. */
  static Operand<TFloat32> sum(Ops tf, List<Operand<TFloat32>> terms) {
    return terms.size() == 1 ? terms.get(0) : tf.math.addN(terms);
  }

  /**
   * The mean over the whole batch of per-shard values {@code [rows, 1]}: as before sharding (one
   * {@code Mean}) with one shard, else each shard's sum divided by the batch, added.
   */
  static Operand<TFloat32> mean(Ops tf, List<Operand<TFloat32>> shards, int batch) {
    if (shards.size() == 1) {
      return tf.math.mean(shards.get(0), LogitLoss.allAxes(tf));
    }
    List<Operand<TFloat32>> parts = new ArrayList<>();
    for (Operand<TFloat32> s : shards) {
      parts.add(tf.math.mul(tf.constant(1f / batch), tf.reduceSum(s, LogitLoss.allAxes(tf))));
    }
    return tf.math.addN(parts);
  }
}
