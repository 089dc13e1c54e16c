package io.github.tfgan.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * A resource variable as TensorFlow 2's loaders and converters expect to find it in a SavedModel:
 * {@code NAME} (VarHandleOp, also its checkpoint key), {@code NAME_initial_value} (zeros), {@code
 * NAME_assign} (AssignVariableOp) and {@code NAME_read} (ReadVariableOp, which every use reads).
 * ({@code tf.compat.v1} names them {@code NAME/Assign} and so on; TF Java allows no {@code /} in a
 * name it is given, and a sub-scope named after an existing op is renamed.) The export layer lists
 * each in the MetaGraph's variable collections. Reference variables ({@code VariableV2}) are what
 * TF 2's {@code tf.saved_model.load} refuses to turn into Python variables, and what TFLite's
 * converter refuses when read by anything but {@code Identity}.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the library's other packages use it.
 */
public final class ServingVariable {
  /** The op type of the variable itself. */
  public static final String HANDLE_OP = "VarHandleOp";

  private ServingVariable() {}

  /**
   * Creates the variable and returns its read, which every use goes through.
   *
   * @param name the variable's name (also its checkpoint key)
   */
  public static Operand<TFloat32> create(Ops tf, String name, Shape shape) {
    VarHandleOp handle =
        tf.withName(name).varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName(name));
    Operand<TFloat32> zeros =
        tf.withName(initialValueOp(name)).fill(tf.constant(shape.asArray()), tf.constant(0f));
    tf.withName(assignOp(name)).assignVariableOp(handle, zeros);
    return tf.withName(readOp(name)).readVariableOp(handle, TFloat32.class);
  }

  private static String assignOp(String name) {
    return name + "_assign";
  }

  private static String readOp(String name) {
    return name + "_read";
  }

  private static String initialValueOp(String name) {
    return name + "_initial_value";
  }

  /** The name of the assign op of variable {@code name}. */
  public static String assign(String name) {
    return assignOp(name);
  }

  /** The name of the read tensor of variable {@code name}. */
  public static String read(String name) {
    return readOp(name) + ":0";
  }

  /** The name of the initial value tensor of variable {@code name}. */
  public static String initialValue(String name) {
    return initialValueOp(name) + ":0";
  }
}
