package io.github.tfgan.spark;

import io.github.tfgan.model.DataShape;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet layout of generated samples, the one home of its column and metadata names: one row
 * per sample, {@value #ID} (long, the sample's index for its seed), {@value #LABEL} (int; null for
 * an unconditional generator) and {@value #SAMPLE} ({@code array<float>}, row-major: HWC pixels in
 * [0, 1] for images, a vector in the data's units otherwise). The {@value #SAMPLE} column's
 * metadata carries the sample's shape ({@value #SHAPE}, e.g. {@code [28, 28, 1]}) and kind ({@value
 * #KIND}: {@code images} or {@code vectors}), and the generator and seed it came from.
 */
public final class SampleLayout {
  /** The sample's index: row i of {@code gan generate --seed S} is the row with id i. */
  public static final String ID = "id";

  /** The sample's class (a conditional generator's); null for an unconditional one. */
  public static final String LABEL = "label";

  /** The sample's values, row-major, {@code array<float>}. */
  public static final String SAMPLE = "sample";

  /** Metadata of {@value #SAMPLE}: the shape of one sample, a list of longs. */
  public static final String SHAPE = "shape";

  /** Metadata of {@value #SAMPLE}: {@code images} (HWC in [0, 1]) or {@code vectors}. */
  public static final String KIND = "kind";

  /** Metadata of {@value #SAMPLE}: the generator's SavedModel directory. */
  public static final String MODEL = "model";

  /** Metadata of {@value #SAMPLE}: the noise seed. */
  public static final String SEED = "seed";

  /** Columns of {@code score}'s output: D's probability sigmoid(logit) and its logit. */
  public static final String PROBABILITY = "probability";

  /** D's logit. */
  public static final String LOGIT = "logit";

  private SampleLayout() {}

  /** The schema of generated samples of {@code shape}. */
  public static StructType samples(DataShape shape, String model, long seed) {
    Metadata meta =
        new MetadataBuilder()
            .putLongArray(SHAPE, toLongs(shape.dims()))
            .putString(KIND, shape.isImage() ? "images" : "vectors")
            .putString(MODEL, model)
            .putLong(SEED, seed)
            .build();
    return new StructType(
        new StructField[] {
          new StructField(ID, DataTypes.LongType, false, Metadata.empty()),
          new StructField(LABEL, DataTypes.IntegerType, true, Metadata.empty()),
          new StructField(
              SAMPLE, DataTypes.createArrayType(DataTypes.FloatType, false), false, meta)
        });
  }

  /** The schema of scores: id, the input's label (when it has one), probability, logit. */
  public static StructType scores(boolean withLabel) {
    List<StructField> fields = new ArrayList<>();
    fields.add(new StructField(ID, DataTypes.LongType, false, Metadata.empty()));
    if (withLabel) {
      fields.add(new StructField(LABEL, DataTypes.IntegerType, true, Metadata.empty()));
    }
    fields.add(new StructField(PROBABILITY, DataTypes.FloatType, false, Metadata.empty()));
    fields.add(new StructField(LOGIT, DataTypes.FloatType, false, Metadata.empty()));
    return new StructType(fields.toArray(StructField[]::new));
  }

  /**
   * The shape a {@value #SAMPLE} column's metadata gives, or null when it has none (Parquet written
   * by other tools).
   */
  static DataShape shapeOf(StructField sample) {
    Metadata meta = sample.metadata();
    if (!meta.contains(SHAPE)) {
      return null;
    }
    long[] dims = meta.getLongArray(SHAPE);
    List<Integer> list = new ArrayList<>();
    for (long d : dims) {
      list.add((int) d);
    }
    return new DataShape(list);
  }

  /** Whether {@code type} is an array of floats (or doubles), as {@value #SAMPLE} must be. */
  static boolean isNumberArray(org.apache.spark.sql.types.DataType type) {
    return type instanceof ArrayType a
        && (a.elementType().equals(DataTypes.FloatType)
            || a.elementType().equals(DataTypes.DoubleType));
  }

  private static long[] toLongs(List<Integer> dims) {
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = dims.get(i);
    }
    return out;
  }
}
