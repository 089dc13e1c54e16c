package io.github.tfgan.run;

import com.google.gson.annotations.SerializedName;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.ReadOptions;
import io.github.tfgan.model.GanArchitecture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run records when it starts ({@code config.json}): the resolved configuration, where the
 * data came from and how to recognise it, and the versions it ran on. {@link #read} and {@link
 * #write} are its only reader and writer.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the command line and the reproduction report use it.
 *
 * @param config the resolved configuration (resuming takes it from here)
 * @param dataSource where the training images came from
 * @param dataImages how many training samples the run used
 * @param dataDir the data directory the user named, or null for the cache
 * @param dataPixelsSha256 SHA-256 of the training samples as read, float32 little-endian
 * @param dataFilesMd5 the published MD5 of each original file, where the data are MNIST's originals
 * @param tensorflowJava the TF Java release built against
 * @param tensorflowRuntime the native TensorFlow version that ran
 * @param javaVersion the JVM's version
 * @param started when the run started (ISO-8601)
 * @param dataLabels the labels file the data were read with ({@code --labels}), or null
 * @param dataLabelColumn the CSV label column ({@code --label-column}), or null
 * @param dataImageSize the size images were resized to ({@code --image-size}), or null
 * @param architecture the shapes, scaling and networks the run trains ({@link #architecture()}
 *     gives the article's for a record written before 0.10)
 */
public record RunRecord(
    GanConfig config,
    @SerializedName("data_source") String dataSource,
    @SerializedName("data_images") long dataImages,
    @SerializedName("data_dir") String dataDir,
    @SerializedName("data_pixels_sha256") String dataPixelsSha256,
    @SerializedName("data_files_md5") Map<String, String> dataFilesMd5,
    @SerializedName("tensorflow_java") String tensorflowJava,
    @SerializedName("tensorflow_runtime") String tensorflowRuntime,
    @SerializedName("java_version") String javaVersion,
    String started,
    @SerializedName("data_labels") String dataLabels,
    @SerializedName("data_label_column") String dataLabelColumn,
    @SerializedName("data_image_size") int[] dataImageSize,
    GanArchitecture architecture) {

  /** How the run's data were read, to read them again on resume. */
  public ReadOptions readOptions() {
    return new ReadOptions(
        dataLabels == null ? null : Path.of(dataLabels), dataLabelColumn, dataImageSize);
  }

  /** The run's architecture; a record written before 0.10 was the article's nets on MNIST. */
  @Override
  public GanArchitecture architecture() {
    return architecture != null ? architecture : GanArchitecture.article(config.noiseDim());
  }

  /** The data directory the run was made with, or null if it used the cache. */
  public Path dataDirectory() {
    return dataDir == null ? null : Path.of(dataDir);
  }

  /** Reads the record of the run in {@code dir}. */
  public static RunRecord read(RunDirectory dir) throws IOException {
    dir.checkExisting();
    RunRecord record = Json.read(dir.record(), RunRecord.class, "a run record");
    if (record.config() == null) {
      throw new IOException(dir.record() + ": expected a run record with a config, found none");
    }
    return record;
  }

  /** Writes this record into {@code dir}, atomically. */
  public void write(RunDirectory dir) throws IOException {
    Json.write(dir.record(), this);
  }
}
