/**
 * Training runs written to a directory: {@link io.github.tfgan.run.TrainingRun} trains a {@link
 * io.github.tfgan.config.GanConfig} on {@link io.github.tfgan.data.ImageData} (or resumes a run)
 * and writes its record, {@code metrics.csv}, sample grids, TensorBoard events, checkpoints, both
 * exported SavedModels and a {@link io.github.tfgan.run.RunSummary}; {@link
 * io.github.tfgan.run.RunDirectory} names every file of that layout.
 *
 * <p>Each output is a {@link io.github.tfgan.train.TrainingListener}; add your own with {@link
 * io.github.tfgan.run.TrainingRun#listener}, or print the article's log line with {@link
 * io.github.tfgan.run.LogLineListener}. {@link io.github.tfgan.run.TrainingRun#requestStop()} ends
 * a run after a checkpoint ({@link io.github.tfgan.run.RunStoppedException}), which {@link
 * io.github.tfgan.run.TrainingRun#resume} continues. {@link io.github.tfgan.run.ModelExports}
 * exports a {@link io.github.tfgan.train.GanTrainer}'s networks without a run directory.
 */
package io.github.tfgan.run;
