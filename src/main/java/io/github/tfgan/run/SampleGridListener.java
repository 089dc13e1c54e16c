package io.github.tfgan.run;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.image.ImageGrid;
import io.github.tfgan.image.ScatterPlot;
import io.github.tfgan.model.DataScaling;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.SeedStreams;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the samples of one fixed noise batch every {@code every} iterations ({@code
 * samples/iteration_NNNNNN.png}) and at the end ({@code samples/final.png}), so that pictures from
 * different iterations compare: a grid of {@value TrainingRun#GRID_SAMPLES} images for image data,
 * a scatter plot of {@value #SCATTER_SAMPLES} points over a fixed range (the data's mean ± {@value
 * #SCATTER_SPREAD} standard deviations) for 2-dimensional vectors, and nothing for other vectors.
 */
final class SampleGridListener implements TrainingListener {
  /** Points in each scatter plot of 2-dimensional vector samples. */
  static final int SCATTER_SAMPLES = 1_000;

  /** A scatter plot shows the data's mean ± this many standard deviations along each axis. */
  static final double SCATTER_SPREAD = 2.5;

  private final RunDirectory dir;
  private final DataShape shape;
  private final int classes;
  private final float[] fixedZ;
  private final ScatterPlot.Range range;
  private final int every;

  /**
   * @param every iterations between pictures; 0 = only the final one
   */
  SampleGridListener(RunDirectory dir, GanArchitecture architecture, GanConfig config, int every) {
    this.dir = dir;
    this.shape = architecture.shape();
    this.classes = architecture.classes();
    this.every = every;
    if (shape.equals(DataShape.vector(2))) {
      // The same stream as the grids' and TensorBoard's noise: its first rows are theirs.
      fixedZ = new float[SCATTER_SAMPLES * config.noiseDim()];
      new SeedStreams(config.seed()).fillGaussian(SeedStreams.SAMPLE_GRID, 0, fixedZ);
      range = range(architecture.scaling());
    } else {
      fixedZ = TrainingRun.fixedNoise(config);
      range = null;
    }
  }

  /** The data's mean ± {@link #SCATTER_SPREAD} standard deviations, or [-3, 3]² unscaled. */
  private static ScatterPlot.Range range(DataScaling scaling) {
    if (scaling.kind() != DataScaling.Kind.STANDARD) {
      return ScatterPlot.Range.centred(0, 3, 0, 3);
    }
    float[] mean = scaling.mean();
    float[] std = scaling.std();
    return ScatterPlot.Range.centred(
        mean[0], SCATTER_SPREAD * std[0], mean[1], SCATTER_SPREAD * std[1]);
  }

  /** Reads the state (sample pictures) at multiples of the interval. */
  @Override
  public long nextStateRead(long completed) {
    return TrainingListener.nextMultiple(completed, every);
  }

  @Override
  public void onIteration(GanTrainer trainer, IterationMetrics m) {
    if (every > 0 && m.iteration() % every == 0) {
      write(trainer, dir.sampleGrid(m.iteration()), "iteration " + m.iteration());
    }
  }

  @Override
  public void onFinish(GanTrainer trainer) {
    write(trainer, dir.finalGrid(), "final, iteration " + trainer.completedIterations());
  }

  private void write(GanTrainer trainer, Path file, String title) {
    try {
      if (shape.isImage() && classes > 0) {
        ImageGrid.writePng(
            classGrid(trainer, fixedZ, classes), shape, TrainingRun.GRID_SCALE, COLUMNS, file);
      } else if (shape.isImage()) {
        ImageGrid.writePng(trainer.generate(fixedZ), shape, TrainingRun.GRID_SCALE, file);
      } else if (range != null) {
        ScatterPlot.writePng(
            samples(trainer, fixedZ, classes), range, SCATTER_SAMPLES + " samples, " + title, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Columns of a conditional model's grid: the first rows of the fixed noise. */
  static final int COLUMNS = 8;

  /**
   * A conditional generator's grid, one row per class: row k is class k on the first {@link
   * #COLUMNS} rows of {@code z}, so that each column shares its noise across classes.
   */
  static float[] classGrid(GanTrainer trainer, float[] z, int classes) {
    int noiseDim = trainer.architecture().noiseDim();
    float[] grid = new float[classes * COLUMNS * noiseDim];
    int[] labels = new int[classes * COLUMNS];
    for (int k = 0; k < classes; k++) {
      System.arraycopy(z, 0, grid, k * COLUMNS * noiseDim, COLUMNS * noiseDim);
      java.util.Arrays.fill(labels, k * COLUMNS, (k + 1) * COLUMNS, k);
    }
    return trainer.generate(grid, labels);
  }

  /** Samples of {@code z}; a conditional generator's row i has class i mod classes. */
  static float[] samples(GanTrainer trainer, float[] z, int classes) {
    if (classes == 0) {
      return trainer.generate(z);
    }
    int[] labels = new int[z.length / trainer.architecture().noiseDim()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % classes;
    }
    return trainer.generate(z, labels);
  }
}
