package io.github.tfgan.run;

import com.google.gson.annotations.SerializedName;
import io.github.tfgan.train.IterationMetrics;
import java.io.IOException;

/**
 * What a finished run records ({@code summary.json}). {@link #read} and {@link #write} are its only
 * reader and writer.
 *
 * @param iterations iterations completed in all
 * @param resumedFrom the checkpoint iteration this process resumed from, or null
 * @param trainSeconds seconds spent in training iterations by this process
 * @param msPerIteration milliseconds per iteration by this process
 * @param wallSeconds seconds from the start of this process's run to its end, exports included
 * @param last the metrics of the last iteration
 * @param finished when the run finished (ISO-8601)
 */
public record RunSummary(
    long iterations,
    @SerializedName("resumed_from") Long resumedFrom,
    @SerializedName("train_seconds") double trainSeconds,
    @SerializedName("ms_per_iteration") double msPerIteration,
    @SerializedName("wall_seconds") double wallSeconds,
    IterationMetrics last,
    String finished) {

  /** Reads the summary of the finished run in {@code dir}. */
  public static RunSummary read(RunDirectory dir) throws IOException {
    return Json.read(dir.summary(), RunSummary.class, "a run summary");
  }

  /** Writes this summary into {@code dir}, atomically. */
  public void write(RunDirectory dir) throws IOException {
    Json.write(dir.summary(), this);
  }
}
