package io.github.tfgan.export;

import java.util.Arrays;
import java.util.Objects;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * A tensor's value in Java memory: its {@link DType}, its shape and its values as one flat
 * row-major Java array ({@code float[]}, {@code double[]}, {@code int[]}, {@code long[]}, {@code
 * boolean[]} or {@code String[]}). Immutable by convention: the factories and accessors do not copy
 * the array, so neither side may change it afterwards. It holds no native memory, so it needs no
 * closing; {@link SignatureModel#run} turns it into a TensorFlow tensor for the call only.
 */
public final class HostTensor {
  /** The element types a {@link HostTensor} carries, named as TensorFlow names them. */
  public enum DType {
    /** 32-bit float, {@code float[]}. */
    DT_FLOAT(float[].class),
    /** 64-bit float, {@code double[]}. */
    DT_DOUBLE(double[].class),
    /** 32-bit integer, {@code int[]}. */
    DT_INT32(int[].class),
    /** 64-bit integer, {@code long[]}. */
    DT_INT64(long[].class),
    /** Boolean, {@code boolean[]}. */
    DT_BOOL(boolean[].class),
    /** UTF-8 string, {@code String[]}. */
    DT_STRING(String[].class);

    private final Class<?> arrayType;

    DType(Class<?> arrayType) {
      this.arrayType = arrayType;
    }

    /** The Java array class that holds values of this type. */
    public Class<?> arrayType() {
      return arrayType;
    }

    /**
     * The type of a TensorFlow {@code DataType} name such as {@code DT_FLOAT}.
     *
     * @throws IllegalArgumentException naming the type if it is not one of these
     */
    public static DType of(DataType type) {
      for (DType d : values()) {
        if (d.name().equals(type.name())) {
          return d;
        }
      }
      throw new IllegalArgumentException(
          "dtype: expected one of " + Arrays.toString(values()) + ", found " + type.name());
    }

    /** A new array of this type with {@code n} elements. */
    public Object newArray(int n) {
      return java.lang.reflect.Array.newInstance(arrayType.getComponentType(), n);
    }
  }

  private final DType dtype;
  private final long[] shape;
  private final Object values;

  private HostTensor(DType dtype, long[] shape, Object values) {
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    this.shape = shape.clone();
    this.values = Objects.requireNonNull(values, "values");
    if (!dtype.arrayType.isInstance(values)) {
      throw new IllegalArgumentException(
          "values: expected a "
              + dtype.arrayType.getSimpleName()
              + " for "
              + dtype
              + ", found a "
              + values.getClass().getSimpleName());
    }
    long size = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "shape: expected sizes >= 0, found " + Arrays.toString(shape));
      }
      size = Math.multiplyExact(size, d);
    }
    int length = java.lang.reflect.Array.getLength(values);
    if (size != length) {
      throw new IllegalArgumentException(
          "values: expected "
              + size
              + " for the shape "
              + Arrays.toString(shape)
              + ", found "
              + length);
    }
  }

  /**
   * A tensor of {@code dtype} and {@code shape} over {@code values}, a flat row-major array of the
   * type's {@link DType#arrayType()}.
   *
   * @throws IllegalArgumentException if the array's type or length does not fit
   */
  public static HostTensor of(DType dtype, long[] shape, Object values) {
    return new HostTensor(dtype, shape, values);
  }

  /** A float32 tensor. */
  public static HostTensor ofFloats(long[] shape, float[] values) {
    return new HostTensor(DType.DT_FLOAT, shape, values);
  }

  /** A float64 tensor. */
  public static HostTensor ofDoubles(long[] shape, double[] values) {
    return new HostTensor(DType.DT_DOUBLE, shape, values);
  }

  /** An int32 tensor. */
  public static HostTensor ofInts(long[] shape, int[] values) {
    return new HostTensor(DType.DT_INT32, shape, values);
  }

  /** An int64 tensor. */
  public static HostTensor ofLongs(long[] shape, long[] values) {
    return new HostTensor(DType.DT_INT64, shape, values);
  }

  /** A boolean tensor. */
  public static HostTensor ofBooleans(long[] shape, boolean[] values) {
    return new HostTensor(DType.DT_BOOL, shape, values);
  }

  /** A string tensor. */
  public static HostTensor ofStrings(long[] shape, String[] values) {
    return new HostTensor(DType.DT_STRING, shape, values);
  }

  /** The element type. */
  public DType dtype() {
    return dtype;
  }

  /** The shape (a copy). */
  public long[] shape() {
    return shape.clone();
  }

  /** The number of dimensions. */
  public int rank() {
    return shape.length;
  }

  /** The size of dimension {@code i}. */
  public long dim(int i) {
    return shape[i];
  }

  /** The number of values. */
  public int size() {
    return java.lang.reflect.Array.getLength(values);
  }

  /** The flat row-major values, an array of {@link DType#arrayType()} (not a copy). */
  public Object values() {
    return values;
  }

  /** The values of a {@code DT_FLOAT} tensor (not a copy). */
  public float[] floats() {
    return as(DType.DT_FLOAT, float[].class);
  }

  /** The values of a {@code DT_DOUBLE} tensor (not a copy). */
  public double[] doubles() {
    return as(DType.DT_DOUBLE, double[].class);
  }

  /** The values of a {@code DT_INT32} tensor (not a copy). */
  public int[] ints() {
    return as(DType.DT_INT32, int[].class);
  }

  /** The values of a {@code DT_INT64} tensor (not a copy). */
  public long[] longs() {
    return as(DType.DT_INT64, long[].class);
  }

  /** The values of a {@code DT_BOOL} tensor (not a copy). */
  public boolean[] booleans() {
    return as(DType.DT_BOOL, boolean[].class);
  }

  /** The values of a {@code DT_STRING} tensor (not a copy). */
  public String[] strings() {
    return as(DType.DT_STRING, String[].class);
  }

  private <A> A as(DType wanted, Class<A> type) {
    if (dtype != wanted) {
      throw new IllegalStateException("expected a " + wanted + " tensor, found " + dtype);
    }
    return type.cast(values);
  }

  /** A new TensorFlow tensor holding a copy of the values; the caller closes it. */
  Tensor toTensor() {
    Shape s = Shape.of(shape);
    return switch (dtype) {
      case DT_FLOAT -> TFloat32.tensorOf(s, DataBuffers.of((float[]) values, true, false));
      case DT_DOUBLE -> TFloat64.tensorOf(s, DataBuffers.of((double[]) values, true, false));
      case DT_INT32 -> TInt32.tensorOf(s, DataBuffers.of((int[]) values, true, false));
      case DT_INT64 -> TInt64.tensorOf(s, DataBuffers.of((long[]) values, true, false));
      case DT_BOOL -> TBool.tensorOf(s, DataBuffers.of((boolean[]) values, true, false));
      case DT_STRING -> TString.tensorOf(s, DataBuffers.ofObjects((String[]) values));
    };
  }

  /** A copy of a TensorFlow tensor's values; the caller still closes {@code t}. */
  static HostTensor fromTensor(Tensor t) {
    DType dtype = DType.of(t.dataType());
    long[] shape = t.shape().asArray();
    int n = Math.toIntExact(t.size());
    Object values = dtype.newArray(n);
    switch (dtype) {
      case DT_FLOAT -> ((TFloat32) t).copyTo(DataBuffers.of((float[]) values, false, false));
      case DT_DOUBLE -> ((TFloat64) t).copyTo(DataBuffers.of((double[]) values, false, false));
      case DT_INT32 -> ((TInt32) t).copyTo(DataBuffers.of((int[]) values, false, false));
      case DT_INT64 -> ((TInt64) t).copyTo(DataBuffers.of((long[]) values, false, false));
      case DT_BOOL -> ((TBool) t).copyTo(DataBuffers.of((boolean[]) values, false, false));
      case DT_STRING -> ((TString) t).copyTo(DataBuffers.ofObjects((String[]) values));
    }
    return new HostTensor(dtype, shape, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostTensor h
        && dtype == h.dtype
        && Arrays.equals(shape, h.shape)
        && Arrays.deepEquals(new Object[] {values}, new Object[] {h.values});
  }

  @Override
  public int hashCode() {
    return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.deepHashCode(new Object[] {values}));
  }

  @Override
  public String toString() {
    return dtype + Arrays.toString(shape);
  }
}
