package io.github.tfgan.run;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.data.Architectures;
import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.ReadOptions;
import io.github.tfgan.io.Errors;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.ModelSummary;
import io.github.tfgan.model.SeedStreams;
import io.github.tfgan.train.DivergenceException;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.GradientSupport;
import io.github.tfgan.train.IterationMetrics;
import io.github.tfgan.train.TrainerOptions;
import io.github.tfgan.train.TrainingListener;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.TensorFlow;

/**
 * A training run written to a run directory ({@link RunDirectory}): the run record, then the
 * training loop of {@link GanTrainer} with one listener per output (metrics file, log line,
 * progress, TensorBoard, sample grids, checkpoints, and the caller's own), then the exports and the
 * summary. A new output is a new listener.
 *
 * <pre>{@code
 * RunSummary summary =
 *     TrainingRun.create(config, data, Path.of("runs/demo"))
 *         .listener(TrainingListener.each(m -> System.out.println(m.logLine())))
 *         .run();
 * }</pre>
 *
 * <p>Narration (the resolved config, the data, where outputs went) goes to SLF4J, or to the sink
 * given to {@link #console}.
 */
public final class TrainingRun {
  /** Images in each sample grid. */
  public static final int GRID_SAMPLES = 64;

  /** Pixel scale of sample grids. */
  public static final int GRID_SCALE = 2;

  /** The TF Java release this project builds against (the POM's tensorflow.version). */
  public static final String TF_JAVA_VERSION = "1.1.0";

  private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

  private final GanConfig config;
  private final Dataset data;
  private GanArchitecture architecture;
  private final RunDirectory dir;
  private final Checkpoints.Checkpoint from;
  private final List<TrainingListener> listeners = new ArrayList<>();
  private Path dataDir;
  private ReadOptions readOptions = ReadOptions.NONE;
  private Consumer<String> console = LOG::info;
  private boolean consoleGiven;
  private PrintStream terminal;
  private TrainerOptions options = TrainerOptions.DEFAULT;
  private boolean stopOnInterrupt;
  private volatile boolean stopRequested;

  private TrainingRun(
      GanConfig config,
      GanArchitecture architecture,
      Dataset data,
      RunDirectory dir,
      Checkpoints.Checkpoint from) {
    this.config = config;
    this.architecture = architecture;
    this.data = data;
    this.dir = dir;
    this.from = from;
  }

  /** What {@link #create(GanConfig, Dataset, Path, IfExists)} does with an existing directory. */
  public enum IfExists {
    /** Refuse a directory that holds anything (the default, as {@code train --out}). */
    REFUSE,
    /**
     * Delete an existing run directory (one with a {@code config.json}, no process training in it)
     * and start anew, as {@code train --out DIR --overwrite}; any other non-empty directory is
     * still refused.
     */
    OVERWRITE
  }

  /** The parent of the default run directories: {@code runs/} under the working directory. */
  public static final Path DEFAULT_PARENT = Path.of("runs");

  /**
   * A new run in a new directory {@code runs/<date-time>} ({@link RunDirectory#timestamped}), as
   * {@code train} without {@code --out}.
   */
  public static TrainingRun create(GanConfig config, Dataset data) throws IOException {
    return create(config, data, RunDirectory.timestamped(DEFAULT_PARENT).root(), IfExists.REFUSE);
  }

  /**
   * A new run of {@code config} on {@code data} in {@code directory}, which must be absent or
   * empty.
   *
   * @throws IOException naming the directory if it cannot hold a new run
   */
  public static TrainingRun create(GanConfig config, Dataset data, Path directory)
      throws IOException {
    return create(config, data, directory, IfExists.REFUSE);
  }

  /**
   * A new run of {@code config} on {@code data} in {@code directory}; an existing directory is
   * refused or, with {@link IfExists#OVERWRITE}, replaced when it is a run. Everything is checked
   * before anything is deleted.
   *
   * @throws IOException naming the directory if it cannot hold a new run
   */
  public static TrainingRun create(
      GanConfig config, Dataset data, Path directory, IfExists ifExists) throws IOException {
    RunDirectory dir = new RunDirectory(directory);
    if (ifExists == IfExists.OVERWRITE) {
      dir.checkReplaceable();
    } else {
      dir.checkNew();
    }
    if (config.batchSize() > data.size()) {
      throw new IllegalArgumentException(
          "batchSize: expected at most the number of training samples ("
              + data.size()
              + "), found "
              + config.batchSize());
    }
    GanArchitecture arch = Architectures.forData(config, data);
    GradientSupport.check(config, arch); // before anything is deleted or written
    if (ifExists == IfExists.OVERWRITE) {
      dir.delete();
    }
    return new TrainingRun(config, arch, data, dir, null);
  }

  /**
   * The continuation of the run in {@code directory} from its latest checkpoint, with the run's own
   * config: the losses after resuming equal an uninterrupted run's.
   *
   * @param data the run's training data; its SHA-256 must be the one recorded at the start
   * @throws IOException naming the directory if it is not a run, has no checkpoint, has finished,
   *     or the data differ
   */
  public static TrainingRun resume(Path directory, Dataset data) throws IOException {
    RunDirectory dir = new RunDirectory(directory);
    RunRecord record = RunRecord.read(dir);
    Checkpoints.Checkpoint from = Resumption.check(directory, dir, record, data);
    TrainingRun run = new TrainingRun(record.config(), record.architecture(), data, dir, from);
    run.dataDir = record.dataDirectory();
    run.readOptions = record.readOptions();
    return run;
  }

  /** Whether the run in {@code directory} has finished: its summary, written last, exists. */
  public static boolean isFinished(Path directory) {
    return Files.isRegularFile(new RunDirectory(directory).summary());
  }

  /** Records {@code dataDir} (where the data came from) so that a resume finds it again. */
  public TrainingRun dataDirectory(Path dataDir) {
    this.dataDir = dataDir;
    return this;
  }

  /**
   * Records how the data were read ({@code --labels} and the like), so that a resume reads them
   * alike.
   */
  public TrainingRun readOptions(ReadOptions options) {
    this.readOptions = options;
    return this;
  }

  /**
   * Trains {@code arch} instead of the architecture chosen from the config and the data (networks
   * written in code: other widths, G and D not mirrored); it must fit the data. Not for a resumed
   * run, which keeps its own.
   *
   * @throws IllegalArgumentException if it does not fit the data or the config's noise width, or
   *     has a penalty it cannot take ({@link GradientSupport#check})
   */
  public TrainingRun architecture(GanArchitecture arch) {
    if (from != null) {
      throw new IllegalStateException("a resumed run keeps its recorded architecture");
    }
    arch.checkFits(data.shape(), config.noiseDim(), data.source());
    GradientSupport.check(config, arch);
    this.architecture = arch;
    return this;
  }

  /** Adds a listener, called after the run's own outputs for each iteration. */
  public TrainingRun listener(TrainingListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Sends the narration and the log lines to {@code console} (default: SLF4J at INFO for the
   * narration, no log lines).
   */
  public TrainingRun console(Consumer<String> console) {
    this.console = console;
    this.consoleGiven = true;
    return this;
  }

  /**
   * Prints the article's log lines to {@code terminal}, above a live progress line when it is a
   * terminal; the narration too.
   */
  public TrainingRun terminal(PrintStream terminal) {
    this.terminal = terminal;
    return this;
  }

  /** How training executes (speed only; the losses do not depend on it). */
  public TrainingRun options(TrainerOptions options) {
    this.options = options;
    return this;
  }

  /** The configuration this run trains with. */
  public GanConfig config() {
    return config;
  }

  /** The run directory. */
  public RunDirectory directory() {
    return dir;
  }

  /**
   * Stops a running {@link #run} at the end of its current iteration, after a checkpoint of that
   * iteration; {@link #run} then throws {@link RunStoppedException}. Safe from any thread.
   */
  public void requestStop() {
    stopRequested = true;
  }

  /**
   * Makes an interrupt of the process (Ctrl-C, SIGTERM) call {@link #requestStop} and wait, up to a
   * minute, for that checkpoint before the process ends. The command line turns it on.
   */
  public TrainingRun stopOnInterrupt(boolean stop) {
    this.stopOnInterrupt = stop;
    return this;
  }

  /**
   * Trains, writing every output, and returns the summary. Holds the run directory's lock
   * throughout; deletes what a killed process left behind; on a resume, restores the newest
   * checkpoint that loads, saying so when a newer one is damaged.
   *
   * @throws DivergenceException if a loss becomes NaN or infinite (naming the last good checkpoint)
   * @throws RunStoppedException if {@link #requestStop} was called (a checkpoint was written)
   * @throws IOException if an output cannot be written, or another process trains in the directory
   */
  public RunSummary run() throws IOException {
    Files.createDirectories(dir.root());
    try (RunLock lock = RunLock.acquire(dir.root());
        Interrupts interrupts = new Interrupts(stopOnInterrupt, this::requestStop)) {
      RunSummary summary = runLocked();
      lock.deleteOnClose(dir.root()); // finished: the directory keeps no lock file
      return summary;
    }
  }

  private RunSummary runLocked() throws IOException {
    long startNanos = System.nanoTime();
    Progress progress = terminal == null ? null : new Progress(terminal, config.iterations());
    Consumer<String> say = progress == null ? console : progress::println;
    for (Path swept : dir.sweepTemporaries()) {
      say.accept("removed a temporary left by an interrupted process: " + swept);
    }
    Files.createDirectories(dir.samples());
    if (from == null) {
      DataProvenance.record(config, architecture, data, dataDir, readOptions, TF_JAVA_VERSION)
          .write(dir);
      MetricsFile.create(dir.metrics());
    }
    ConfigTable.of(config).forEach(say);
    say.accept("data: " + data.size() + " " + data.shape().describe() + " from " + data.source());
    say.accept("model: " + ModelSummary.oneLine(architecture));
    say.accept("run directory: " + dir.root().toAbsolutePath());
    float[] fixedZ = fixedNoise(config);
    Checkpoints checkpoints = dir.checkpoints(config.keepCheckpoints());
    IterationMetrics[] last = new IterationMetrics[1];
    try (GanTrainer trainer = new GanTrainer(config, architecture, data, options);
        TensorBoardWriter board =
            new TensorBoardWriter(dir.root(), GRID_SAMPLES, architecture.shape())) {
      board.graph(trainer.graphDef());
      Checkpoints.Checkpoint resumedFrom = null;
      if (from != null) {
        resumedFrom = checkpoints.restoreNewestGood(trainer, say);
        MetricsFile.truncateAfter(dir.metrics(), resumedFrom.iteration());
        say.accept(
            "resume: from "
                + resumedFrom.directory()
                + " (iteration "
                + resumedFrom.iteration()
                + ")");
      }
      try (MetricsFile.Appender metrics = new MetricsFile.Appender(dir.metrics())) {
        List<TrainingListener> all = new ArrayList<>();
        all.add(new MetricsFileListener(metrics, config.logEvery()));
        if (progress != null) {
          all.add(new ProgressListener(progress));
        }
        if (progress != null || consoleGiven) {
          all.add(new LogLineListener(say, config.logEvery()));
        }
        all.add(new TensorBoardListener(board, fixedZ, config.logEvery(), config.sampleEvery()));
        all.add(new SampleGridListener(dir, architecture, config, config.sampleEvery()));
        all.add(new CheckpointListener(checkpoints, config.checkpointEvery(), metrics, board));
        all.add(TrainingListener.each(m -> last[0] = m));
        all.addAll(listeners);
        all.add(new StopListener(() -> stopRequested, checkpoints, metrics, board));
        long firstIteration = trainer.completedIterations();
        long firstNanos = System.nanoTime();
        try {
          trainer.train(TrainingListener.all(all));
        } catch (DivergenceException e) {
          metrics.flush();
          String good =
              checkpoints
                  .latest()
                  .map(c -> "last good checkpoint: " + c.directory())
                  .orElse("no checkpoint yet");
          throw new DivergenceException(e.metrics(), good);
        } catch (RunStoppedException e) {
          say.accept(Errors.describe(e) + "; resume with: train --resume " + dir.root());
          throw e;
        } catch (UncheckedIOException e) {
          throw e.getCause();
        } finally {
          if (progress != null) {
            progress.finish();
          }
        }
        double trainSeconds = (System.nanoTime() - firstNanos) / 1e9;
        long trained = trainer.completedIterations() - firstIteration;
        // A resumed run replaces what an interrupted export left; the summary, written last, is
        // what makes a run finished.
        ModelExports.generator(trainer, dir.generator(), resumedFrom != null);
        ModelExports.discriminator(trainer, dir.discriminator(), resumedFrom != null);
        double msPerIteration = trained == 0 ? 0.0 : trainSeconds * 1000.0 / trained;
        RunSummary summary =
            new RunSummary(
                trainer.completedIterations(),
                resumedFrom == null ? null : resumedFrom.iteration(),
                trainSeconds,
                msPerIteration,
                (System.nanoTime() - startNanos) / 1e9,
                last[0],
                Instant.now().toString());
        summary.write(dir);
        say.accept(
            String.format(
                Locale.ROOT,
                "done: %d iterations in %.1f s (%.2f ms/iteration); models in %s",
                trained,
                trainSeconds,
                msPerIteration,
                dir.root().resolve("savedmodels").toAbsolutePath()));
        return summary;
      }
    }
  }

  /**
   * The fixed noise batch of the sample grids: {@value #GRID_SAMPLES} rows of stream {@link
   * SeedStreams#SAMPLE_GRID}.
   */
  static float[] fixedNoise(GanConfig config) {
    float[] z = new float[GRID_SAMPLES * config.noiseDim()];
    new SeedStreams(config.seed()).fillGaussian(SeedStreams.SAMPLE_GRID, 0, z);
    return z;
  }

  /** The TensorFlow runtime's version, for records. */
  static String tensorflowRuntime() {
    return TensorFlow.version();
  }
}
